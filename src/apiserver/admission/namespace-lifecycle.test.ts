import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { objectKey } from '../registry/keys.js';
import { NamespaceLifecycle } from './namespace-lifecycle.js';

const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
const podDef = allKinds.find((k) => k.kind === 'Pod' && k.group === '')!;
const nsValue = (name: string, deleting = false) => JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name, ...(deleting ? { deletionTimestamp: '2026-11-24T10:00:00Z' } : {}) } });

test('a namespace made after the cache started is admitted, refused once terminating, NotFound once gone', async () => {
  const store = new MemoryStore();
  const lifecycle = new NamespaceLifecycle(store, nsDef);
  await assert.rejects(lifecycle.admitCreate('team', podDef, 'p'), { code: 404, message: 'namespaces "team" not found' });
  const created = await store.create(objectKey(nsDef, undefined, 'team'), nsValue('team'));
  await lifecycle.admitCreate('team', podDef, 'p');
  const marked = await store.update(objectKey(nsDef, undefined, 'team'), nsValue('team', true), created.modRevision);
  await assert.rejects(lifecycle.admitCreate('team', podDef, 'p'), (e: { code: number; message: string; details?: { causes?: Array<{ reason: string }> } }) =>
    e.code === 403 && /because it is being terminated/.test(e.message) && e.details?.causes?.[0]?.reason === 'NamespaceTerminating');
  await store.delete(objectKey(nsDef, undefined, 'team'), marked.modRevision);
  await assert.rejects(lifecycle.admitCreate('team', podDef, 'p'), { code: 404 });
});
