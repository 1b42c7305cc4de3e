import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { controllerRevision } from './index.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const cr = (owners?: unknown[]): KObject => ({
  metadata: { name: 'ssd-monitor-585fd48589', namespace: 'default', creationTimestamp: '2026-11-24T10:29:00Z', ...(owners ? { ownerReferences: owners } : {}) },
  data: { spec: { template: { $patch: 'replace' } } }, revision: 2,
} as KObject);

test('controllerrevision columns are NAME, CONTROLLER, REVISION, AGE', () => {
  assert.deepEqual(columns.map((c) => [c.name, c.type, c.priority]), [['Name', 'string', 0], ['Controller', 'string', 0], ['Revision', 'string', 0], ['Age', 'string', 0]]);
});

test('cells: the controller as kind.group/name, <none> without one', () => {
  assert.deepEqual(cells(cr([{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: 'u', controller: true }]), T0), ['ssd-monitor-585fd48589', 'daemonset.apps/ssd-monitor', 2, '60s']);
  assert.deepEqual(cells(cr(), T0)[1], '<none>');
  assert.deepEqual(cells(cr([{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: 'u', controller: true }]), T0)[1], 'pod/p');
});

test('validation: data required, revision not negative, data immutable, revision mutable', () => {
  const bad = { metadata: { name: 'x', namespace: 'default' }, revision: -1 } as KObject;
  assert.deepEqual(controllerRevision.validate!(bad).map(fieldErrorString), ['data: Required value: data is mandatory', 'revision: Invalid value: -1: must be greater than or equal to 0']);
  const old = { ...cr(), metadata: { ...cr().metadata, resourceVersion: '1' } } as KObject;
  assert.deepEqual(controllerRevision.validateUpdate!({ ...old, revision: 3 } as KObject, old), []);
  const changed = controllerRevision.validateUpdate!({ ...old, data: { a: 1 } } as KObject, old).map(fieldErrorString);
  assert.deepEqual(changed, ['data: Invalid value: runtime.RawExtension{Raw:[]uint8{0x7b, 0x22, 0x61, 0x22, 0x3a, 0x31, 0x7d}, Object:runtime.Object(nil)}: field is immutable']);
});
