import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('service account cells: SECRETS is an integer count', () => {
  assert.deepEqual(cells({ metadata: { name: 'sa', creationTimestamp: '2026-11-24T10:29:58Z' }, secrets: [{ name: 'a' }, { name: 'b' }] }, T0), ['sa', 2, '2s']);
  assert.deepEqual(cells({ metadata: { name: 'default' } }, T0), ['default', 0, '<unknown>']);
});

testGoldenRows('serviceaccounts.table.includeObject-Object.json', columns, cells);
