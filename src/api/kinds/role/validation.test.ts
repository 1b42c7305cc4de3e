import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { clusterRoleBinding } from '../cluster-role-binding/index.js';
import { roleBinding } from '../role-binding/index.js';
import { role } from './index.js';

const meta = { name: 'r', namespace: 'default' };

test('role rules need verbs, groups and resources', () => {
  const errs = role.validate!({ metadata: meta, rules: [{}, { verbs: ['get'], nonResourceURLs: ['/x'] }] }).map(fieldErrorString);
  assert.deepEqual(errs, [
    'rules[0].verbs: Required value: verbs must contain at least one value',
    'rules[0].apiGroups: Required value: resource rules must supply at least one api group',
    'rules[0].resources: Required value: resource rules must supply at least one resource',
    'rules[1].nonResourceURLs: Invalid value: []{"/x"}: namespaced rules cannot apply to non-resource URLs',
  ]);
});

test('bindings: defaults, roleRef and subjects', () => {
  const rb: KObject = { metadata: meta, roleRef: { kind: 'Role', name: 'r' }, subjects: [{ kind: 'User', name: 'alice' }, { kind: 'Robot', name: 'x' }] };
  roleBinding.defaults!(rb);
  assert.deepEqual(rb.roleRef, { kind: 'Role', name: 'r', apiGroup: 'rbac.authorization.k8s.io' });
  assert.deepEqual(roleBinding.validate!(rb).map(fieldErrorString), ['subjects[1].kind: Unsupported value: "Robot": supported values: "ServiceAccount", "User", "Group"']);
  const crb: KObject = { metadata: { name: 'c' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'r' }, subjects: [{ kind: 'ServiceAccount', name: 'sa' }] };
  assert.deepEqual(clusterRoleBinding.validate!(crb).map(fieldErrorString), [
    'roleRef.kind: Unsupported value: "Role": supported values: "ClusterRole"',
    'subjects[0].namespace: Required value',
  ]);
});

test('roleRef cannot change', () => {
  const old: KObject = { metadata: { ...meta, uid: 'u' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'a' } };
  const next: KObject = { metadata: { ...meta, uid: 'u' }, roleRef: { apiGroup: 'rbac.authorization.k8s.io', kind: 'Role', name: 'b' } };
  assert.equal(roleBinding.validateUpdate!(next, old).map(fieldErrorString).at(-1)?.endsWith(': cannot change roleRef'), true);
});
