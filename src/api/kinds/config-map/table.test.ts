import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('config map columns are NAME, DATA, AGE', () => assert.deepEqual(columns.map((c) => c.name), ['Name', 'Data', 'Age']));

const cases = [
  { name: 'empty', obj: {}, want: 0 },
  { name: 'data and binaryData both count', obj: { data: { a: '1', b: '2' }, binaryData: { c: 'AA==' } }, want: 3 },
];
for (const c of cases) {
  test(`config map cells: ${c.name}`, () => {
    assert.deepEqual(cells({ metadata: { name: 'cm', creationTimestamp: '2026-11-24T10:29:00Z' }, ...c.obj }, T0), ['cm', c.want, '60s']);
  });
}
