// The patch engine against the real schema metadata (src/api/schema/patch-meta.ts), end to end.
import test from 'node:test';
import assert from 'node:assert/strict';
import { childModel, patchMeta } from '../../api/schema/patch-meta.js';
import { applyPatch } from './index.js';

const ctx = { model: 'V1Pod', meta: { patchMeta, childModel } };

test('real schema: containers and env merge by name, finalizers union, ports by containerPort', () => {
  const live = {
    metadata: { name: 'p', finalizers: ['a'] },
    spec: { containers: [{ name: 'c', image: 'x', env: [{ name: 'A', value: '1' }], ports: [{ containerPort: 80 }] }] },
  };
  const patch = {
    metadata: { finalizers: ['b'] },
    spec: { containers: [{ name: 'c', env: [{ name: 'B', value: '2' }], ports: [{ containerPort: 80, name: 'http' }] }] },
  };
  assert.deepEqual(applyPatch('application/strategic-merge-patch+json', live, JSON.stringify(patch), ctx), {
    metadata: { name: 'p', finalizers: ['b', 'a'] },
    spec: { containers: [{ name: 'c', image: 'x', env: [{ name: 'B', value: '2' }, { name: 'A', value: '1' }], ports: [{ containerPort: 80, name: 'http' }] }] },
  });
});
