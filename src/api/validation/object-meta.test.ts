import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../errors.js';
import type { ObjectMeta } from '../object.js';
import { nameIsDNSLabel, nameIsDNSSubdomain } from './names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from './object-meta.js';

const create: Array<{ name: string; meta: ObjectMeta; namespaced?: boolean; want: string[] }> = [
  { name: 'valid', meta: { name: 'a', namespace: 'default' }, want: [] },
  { name: 'missing name', meta: { namespace: 'default' }, want: ['metadata.name: Required value: name or generateName is required'] },
  { name: 'namespace on a cluster-scoped kind', meta: { name: 'a', namespace: 'x' }, namespaced: false, want: ['metadata.namespace: Forbidden: not allowed on this type'] },
  { name: 'negative generation', meta: { name: 'a', namespace: 'd', generation: -1 }, want: ['metadata.generation: Invalid value: -1: must be greater than or equal to 0'] },
  { name: 'owner reference without uid', meta: { name: 'a', namespace: 'd', ownerReferences: [{ apiVersion: 'v1', kind: 'Pod', name: 'p', uid: '' }] },
    want: ['metadata.ownerReferences.uid: Invalid value: "": must not be empty'] },
  { name: 'unqualified custom finalizer', meta: { name: 'a', namespace: 'd', finalizers: ['mine'] },
    want: ['metadata.finalizers[0]: Invalid value: "mine": name is neither a standard finalizer name nor is it fully qualified'] },
  { name: 'orphan with foregroundDeletion', meta: { name: 'a', namespace: 'd', finalizers: ['orphan', 'foregroundDeletion'] },
    want: ['metadata.finalizers: Invalid value: []{"orphan", "foregroundDeletion"}: finalizer orphan and foregroundDeletion cannot be both set'] },
];
for (const c of create) {
  test(`create: ${c.name}`, () => assert.deepEqual(validateObjectMeta(c.meta, c.namespaced ?? true, nameIsDNSSubdomain).map(fieldErrorString), c.want));
}

test('two controllers: one error naming both (the value is rendered by errors.ts)', () => {
  const meta: ObjectMeta = { name: 'a', namespace: 'd', ownerReferences: [
    { apiVersion: 'v1', kind: 'A', name: 'x', uid: '1', controller: true }, { apiVersion: 'v1', kind: 'B', name: 'y', uid: '2', controller: true }] };
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain);
  assert.deepEqual(errs.map((e) => [e.field, e.detail]), [['metadata.ownerReferences', 'Only one reference can have Controller set to true. Found "true" in references for A/x and B/y']]);
});

test('namespace names are labels', () => {
  assert.equal(validateObjectMeta({ name: 'a.b' }, false, nameIsDNSLabel).map(fieldErrorString)[0], 'metadata.name: Invalid value: "a.b": must not contain dots');
});

const old: ObjectMeta = { name: 'a', namespace: 'd', uid: 'u1', creationTimestamp: '2026-01-01T00:00:00Z', generation: 2 };
const update: Array<{ name: string; meta: ObjectMeta; old?: ObjectMeta; want: string[] }> = [
  { name: 'unchanged', meta: { ...old }, want: [] },
  { name: 'uid is immutable', meta: { ...old, uid: 'u2' }, want: ['metadata.uid: Invalid value: "u2": field is immutable'] },
  { name: 'creationTimestamp is immutable', meta: { ...old, creationTimestamp: '2027-01-01T00:00:00Z' },
    want: ['metadata.creationTimestamp: Invalid value: "2027-01-01T00:00:00Z": field is immutable'] },
  { name: 'generation may not go down', meta: { ...old, generation: 1 }, want: ['metadata.generation: Invalid value: 1: must not be decremented'] },
  { name: 'no new finalizers while deleting', old: { ...old, deletionTimestamp: 'x' }, meta: { ...old, deletionTimestamp: 'x', finalizers: ['example.com/f'] },
    want: ['metadata.finalizers: Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers []string{"example.com/f"}'] },
];
for (const c of update) {
  test(`update: ${c.name}`, () => assert.deepEqual(validateObjectMetaUpdate(c.meta, c.old ?? old).map(fieldErrorString), c.want));
}
