import test from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../api/errors.js';
import { fakeMeta } from './fake-schema.js';
import { applyPatch, createsWhenMissing, isPatchContentType, patchTypeOf, validatePatchOptions } from './index.js';

const APPLY = 'application/apply-patch+yaml';
const ctx = { model: 'V1Pod', meta: fakeMeta };

test('content types', () => {
  const cases: Array<[string | undefined, string | undefined]> = [
    ['application/merge-patch+json', 'application/merge-patch+json'],
    ['application/strategic-merge-patch+json; charset=utf-8', 'application/strategic-merge-patch+json'],
    ['application/apply-patch+yaml', APPLY],
    ['application/json', undefined],
    ['Application/Merge-Patch+json', undefined],
    [undefined, undefined],
  ];
  for (const [ct, want] of cases) {
    assert.equal(patchTypeOf(ct), want, String(ct));
    assert.equal(isPatchContentType(ct), want !== undefined);
  }
  assert.equal(createsWhenMissing(APPLY), true);
  assert.equal(createsWhenMissing('application/merge-patch+json'), false);
});

test('server-side apply merges the configuration into the live object', () => {
  const live = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'p', labels: { a: '1' }, finalizers: ['x'] },
    spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:1' }], nodeName: 'n1' },
  };
  const yaml = [
    'apiVersion: v1', 'kind: Pod', 'metadata:', '  name: p', '  labels:', '    b: "2"', '  finalizers: [y]',
    'spec:', '  containers:', '  - name: b', '    image: b:2', '  hostname: null',
  ].join('\n');
  assert.deepEqual(applyPatch(APPLY, live, yaml, ctx), {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'p', labels: { a: '1', b: '2' }, finalizers: ['y', 'x'] },
    spec: { containers: [{ name: 'a', image: 'a:1' }, { name: 'b', image: 'b:2' }], nodeName: 'n1' },
  });
});

test('server-side apply onto a missing object yields the configuration', () => {
  const body = JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v', gone: null } });
  assert.deepEqual(applyPatch(APPLY, {}, body, ctx), { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { k: 'v' } });
});

test('server-side apply rejects a body that is not a map', () => {
  assert.throws(() => applyPatch(APPLY, {}, '- a\n- b\n', ctx), (e: unknown) =>
    e instanceof StatusError && e.code === 400 &&
    e.message === 'error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal array into Go value of type map[string]interface {}');
  assert.throws(() => applyPatch(APPLY, {}, 'a: [', ctx), (e: unknown) => e instanceof StatusError && e.code === 400 && e.message.startsWith('error decoding YAML: '));
});

test('patch options', () => {
  assert.equal(validatePatchOptions('application/merge-patch+json', {}), undefined);
  assert.equal(validatePatchOptions(APPLY, { fieldManager: 'kubectl' }), undefined);
  const noManager = validatePatchOptions(APPLY, {});
  assert.equal(noManager?.code, 422);
  assert.equal(noManager?.message, 'PatchOptions.meta.k8s.io "" is invalid: fieldManager: Required value: is required for apply patch');
  assert.equal(validatePatchOptions('application/merge-patch+json', { force: true })?.message,
    'PatchOptions.meta.k8s.io "" is invalid: force: Forbidden: may not be specified for non-apply patch');
});
