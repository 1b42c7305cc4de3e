import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('role binding columns', () => {
  assert.deepEqual(columns.map((c) => [c.name, c.priority]),
    [['Name', 0], ['Role', 0], ['Age', 0], ['Users', 1], ['Groups', 1], ['ServiceAccounts', 1]]);
  assert.equal(columns[3].description, 'Users in the roleBinding');
});

const cases = [
  { name: 'subjects split by kind', subjects: [
    { kind: 'User', name: 'jane' }, { kind: 'Group', name: 'devs' }, { kind: 'ServiceAccount', name: 'default', namespace: 'ns1' },
    { kind: 'User', name: 'bob' }, { kind: 'Other', name: 'x' }],
    want: ['rb', 'Role/pod-reader', '60s', 'jane, bob', 'devs', 'ns1/default'] },
  { name: 'no subjects', subjects: undefined, want: ['rb', 'Role/pod-reader', '60s', '', '', ''] },
];
for (const c of cases) {
  test(`role binding cells: ${c.name}`, () => {
    assert.deepEqual(cells({ metadata: { name: 'rb', creationTimestamp: '2026-11-24T10:29:00Z' },
      roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'pod-reader' }, subjects: c.subjects }, T0), c.want);
  });
}
