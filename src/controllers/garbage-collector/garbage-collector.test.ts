import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { LocalClient } from '../../client/local-client.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { GarbageCollector } from './garbage-collector.js';

async function world() {
  const reg = new Registry(new MemoryStore(), new FakeClock(Date.parse('2026-01-01T00:00:00Z')), allKinds.find((k) => k.kind === 'Namespace')!);
  const client = new LocalClient(reg, allKinds);
  await client.create(client.kind('', 'Namespace'), { metadata: { name: 'default' } });
  const cm = client.kind('', 'ConfigMap');
  const owner = await client.create(cm, { metadata: { name: 'owner', namespace: 'default' }, data: {} });
  const ref = { apiVersion: 'v1', kind: 'ConfigMap', name: 'owner', uid: owner.metadata.uid!, blockOwnerDeletion: true };
  const dependent = (name: string): KObject => ({ metadata: { name, namespace: 'default', ownerReferences: [ref] }, data: {} });
  return { client, cm, owner, ref, dependent };
}

async function settle(gc: GarbageCollector): Promise<void> {
  for (let i = 0; i < 20; i++) { await gc.idle(); await new Promise((r) => setImmediate(r)); }
}

const names = async (client: LocalClient, def: ReturnType<LocalClient['kind']>) => (await client.list(def, 'default')).items.map((o) => o.metadata.name).sort();

test('background: dependents of a deleted owner are deleted', async () => {
  const { client, cm, dependent } = await world();
  await client.create(cm, dependent('a'));
  const gc = new GarbageCollector(client, () => {});
  await gc.start();
  await client.delete(cm, 'default', 'owner', { propagationPolicy: 'Background' });
  await settle(gc);
  assert.deepEqual(await names(client, cm), []);
  gc.stop();
});

test('orphan: dependents lose the owner reference and stay; the owner goes', async () => {
  const { client, cm, dependent } = await world();
  await client.create(cm, dependent('a'));
  const gc = new GarbageCollector(client, () => {});
  await gc.start();
  await client.delete(cm, 'default', 'owner', { propagationPolicy: 'Orphan' });
  await settle(gc);
  assert.deepEqual(await names(client, cm), ['a']);
  assert.equal((await client.get(cm, 'default', 'a')).metadata.ownerReferences, undefined);
  gc.stop();
});

test('foreground: the owner waits with its finalizer until blocking dependents are gone', async () => {
  const { client, cm, dependent } = await world();
  await client.create(cm, dependent('a'));
  const gc = new GarbageCollector(client, () => {});
  await gc.start();
  const marked = await client.delete(cm, 'default', 'owner', { propagationPolicy: 'Foreground' });
  assert.deepEqual(marked.metadata.finalizers, ['foregroundDeletion']);
  await settle(gc);
  assert.deepEqual(await names(client, cm), []);
  gc.stop();
});

test('dependents left dangling while the collector was down are deleted at start', async () => {
  const { client, cm, dependent } = await world();
  await client.create(cm, dependent('a'));
  await client.delete(cm, 'default', 'owner');
  const gc = new GarbageCollector(client, () => {});
  await gc.start();
  await settle(gc);
  assert.deepEqual(await names(client, cm), []);
  gc.stop();
});

test('a reference to a live owner with another uid is dangling; one live owner keeps the dependent', async () => {
  const { client, cm, ref } = await world();
  const other = await client.create(cm, { metadata: { name: 'other', namespace: 'default' }, data: {} });
  const stale = { ...ref, uid: 'not-the-owners-uid' };
  const otherRef = { apiVersion: 'v1', kind: 'ConfigMap', name: 'other', uid: other.metadata.uid! };
  await client.create(cm, { metadata: { name: 'two-owners', namespace: 'default', ownerReferences: [stale, otherRef] }, data: {} });
  await client.create(cm, { metadata: { name: 'stale-only', namespace: 'default', ownerReferences: [stale] }, data: {} });
  const gc = new GarbageCollector(client, () => {});
  await gc.start();
  await settle(gc);
  assert.deepEqual(await names(client, cm), ['other', 'owner', 'two-owners']);
  assert.deepEqual((await client.get(cm, 'default', 'two-owners')).metadata.ownerReferences?.map((r) => r.name), ['other']);
  gc.stop();
});

test('events are not tracked, as upstream ignores them: one owned by a deleted owner stays', async () => {
  const { client, cm, ref } = await world();
  const ev = client.kind('', 'Event');
  const event = (name: string): KObject => ({
    metadata: { name, namespace: 'default', ownerReferences: [ref] }, involvedObject: { kind: 'ConfigMap', name: 'owner', namespace: 'default' },
    reason: 'Test', message: 'm', type: 'Normal', source: { component: 'test' },
  });
  await client.create(ev, event('before-start'));
  const gc = new GarbageCollector(client, () => {});
  await gc.start();
  await client.create(ev, event('while-running'));
  await client.delete(cm, 'default', 'owner', { propagationPolicy: 'Background' });
  await settle(gc);
  assert.deepEqual(await names(client, ev), ['before-start', 'while-running']);
  gc.stop();
});
