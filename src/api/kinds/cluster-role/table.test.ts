import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, columns } from './table.js';

test('cluster role table is NAME / CREATED AT', () => {
  assert.deepEqual(columns.map((c) => [c.name, c.type]), [['Name', 'string'], ['Created At', 'date']]);
  assert.deepEqual(cells({ metadata: { name: 'admin', creationTimestamp: '2026-11-24T10:21:00Z' } }, 0), ['admin', '2026-11-24T10:21:00Z']);
});
