import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('secret columns are NAME, TYPE, DATA, AGE', () => assert.deepEqual(columns.map((c) => c.name), ['Name', 'Type', 'Data', 'Age']));

test('secret cells: type and integer key count', () => {
  assert.deepEqual(cells({ metadata: { name: 's', creationTimestamp: '2026-11-24T10:28:00Z' }, type: 'Opaque', data: { a: 'eA==', b: 'eQ==' } }, T0),
    ['s', 'Opaque', 2, '2m']);
  assert.deepEqual(cells({ metadata: { name: 't' }, type: 'kubernetes.io/service-account-token' }, T0),
    ['t', 'kubernetes.io/service-account-token', 0, '<unknown>']);
});
