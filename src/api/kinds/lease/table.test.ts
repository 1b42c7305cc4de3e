import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('lease columns are NAME, HOLDER, AGE', () => assert.deepEqual(columns.map((c) => c.name), ['Name', 'Holder', 'Age']));

const cases = [
  { name: 'held', spec: { holderIdentity: 'kube-scheduler-1_abc' }, want: 'kube-scheduler-1_abc' },
  { name: 'unheld prints empty', spec: {}, want: '' },
];
for (const c of cases) {
  test(`lease cells: ${c.name}`, () => {
    assert.deepEqual(cells({ metadata: { name: 'l', creationTimestamp: '2026-11-24T10:29:50Z' }, spec: c.spec }, T0), ['l', c.want, '10s']);
  });
}
