import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('replication controller cells: integer counts, containers, map selector', () => {
  assert.deepEqual(cells({
    metadata: { name: 'kubia', creationTimestamp: '2026-11-24T10:29:00Z' },
    spec: { replicas: 3, selector: { app: 'kubia' }, template: { spec: { containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'y' }] } } },
    status: { replicas: 2, readyReplicas: 1 },
  }, T0), ['kubia', 3, 2, 1, '60s', 'a,b', 'x,y', 'app=kubia']);
});

test('replication controller cells: fresh object with no status', () => {
  assert.deepEqual(cells({ metadata: { name: 'rc' }, spec: { replicas: 0 } }, T0), ['rc', 0, 0, 0, '<unknown>', '', '', '<none>']);
});

testGoldenRows('replicationcontrollers.table.includeObject-Object.json', columns, cells);
