import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('cluster role binding prints the ClusterRole reference and subjects', () => {
  assert.equal(columns[5].description, 'ServiceAccounts in the clusterRoleBinding');
  assert.deepEqual(cells({ metadata: { name: 'crb', creationTimestamp: '2026-11-24T10:25:00Z' },
    roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'ClusterRole', name: 'cluster-admin' },
    subjects: [{ kind: 'Group', name: 'system:masters' }] }, T0), ['crb', 'ClusterRole/cluster-admin', '5m', '', 'system:masters', '']);
});
