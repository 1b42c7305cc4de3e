import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('replica set cells: selector with expressions as kubectl shows it', () => {
  assert.deepEqual(cells({
    metadata: { name: 'kubia', creationTimestamp: '2026-11-24T10:29:00Z' },
    spec: { replicas: 3, selector: { matchLabels: { tier: 'web' }, matchExpressions: [{ key: 'app', operator: 'In', values: ['kubia', 'b'] }, { key: 'x', operator: 'DoesNotExist' }] },
      template: { spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
    status: { replicas: 3, readyReplicas: 3 },
  }, T0), ['kubia', 3, 3, 3, '60s', 'kubia', 'luksa/kubia', 'app in (b,kubia),tier=web,!x']);
});

testGoldenRows('replicasets.table.includeObject-Object.json', columns, cells);
