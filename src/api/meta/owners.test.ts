import test from 'node:test';
import assert from 'node:assert/strict';
import { controllerRef, isControlledBy, isOwnedBy, newControllerRef } from './owners.js';

const ref = (uid: string, controller?: boolean) => ({ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: uid, uid, controller });
const pod = { metadata: { name: 'p', ownerReferences: [ref('a'), ref('b', true)] } };

test('controllerRef finds the controller reference', () => {
  assert.equal(controllerRef(pod)?.uid, 'b');
  assert.equal(controllerRef({ metadata: { name: 'x' } }), undefined);
});

test('owned and controlled', () => {
  const cases = [
    { uid: 'a', owned: true, controlled: false },
    { uid: 'b', owned: true, controlled: true },
    { uid: 'c', owned: false, controlled: false },
    { uid: undefined, owned: false, controlled: false },
  ];
  for (const c of cases) {
    assert.equal(isOwnedBy(pod, c.uid), c.owned, `owned ${c.uid}`);
    assert.equal(isControlledBy(pod, c.uid), c.controlled, `controlled ${c.uid}`);
  }
});

test('newControllerRef', () => {
  assert.deepEqual(newControllerRef({ metadata: { name: 'rs', uid: 'u1' } }, { apiVersion: 'apps/v1', kind: 'ReplicaSet' }), {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'rs', uid: 'u1', blockOwnerDeletion: true, controller: true,
  });
});
