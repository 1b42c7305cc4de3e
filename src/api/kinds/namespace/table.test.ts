import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('namespace cells: phase and age', () => {
  assert.deepEqual(cells({ metadata: { name: 'ns', creationTimestamp: '2026-11-24T10:25:00Z' }, status: { phase: 'Terminating' } }, T0),
    ['ns', 'Terminating', '5m']);
});

testGoldenRows('namespaces.table.includeObject-Object.json', columns, cells);
