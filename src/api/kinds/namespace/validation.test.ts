import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { namespace } from './index.js';

function created(body: KObject): { obj: KObject; errs: string[] } {
  const obj = structuredClone(body);
  namespace.defaults!(obj);
  namespace.prepareForCreate!(obj);
  return { obj, errs: namespace.validate!(obj).map(fieldErrorString) };
}

test('create: Active, the kubernetes finalizer and the name label', () => {
  const { obj, errs } = created({ metadata: { name: 'team-a' }, status: { phase: 'Terminating' } });
  assert.deepEqual(errs, []);
  assert.deepEqual(obj.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(obj.status, { phase: 'Active' });
  assert.deepEqual(obj.metadata.labels, { 'kubernetes.io/metadata.name': 'team-a' });
  assert.equal(namespace.fieldSelectors!['status.phase']!(obj), 'Active');
});

test('namespace names are DNS-1123 labels', () => {
  assert.deepEqual(created({ metadata: { name: 'a.b' } }).errs, ['metadata.name: Invalid value: "a.b": must not contain dots']);
});

test('update keeps spec.finalizers and status', () => {
  const { obj: old } = created({ metadata: { name: 'n' } });
  const next: KObject = { metadata: { name: 'n' }, spec: { finalizers: [] }, status: { phase: 'Terminating' } };
  namespace.prepareForUpdate!(next, old);
  assert.deepEqual(next.spec, { finalizers: ['kubernetes'] });
  assert.deepEqual(next.status, { phase: 'Active' });
});
