import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../api/kinds/index.js';
import type { KObject } from '../api/object.js';
import { Registry } from '../apiserver/registry/registry.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { FakeClock } from '../util/clock.js';
import type { ApiClient } from './api-client.js';
import { Informer } from './informer.js';
import { LocalClient } from './local-client.js';

async function setup() {
  const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), clock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: 'default' } });
  const local = new LocalClient(reg, allKinds);
  // Wraps watch so the test can end it as a 410 would.
  let fail: (() => void) | undefined;
  const client: ApiClient = Object.assign(Object.create(local) as LocalClient, {
    watch: ((def, ns, opts, onEvent, onError) => { fail = () => onError?.(new Error('gone')); return local.watch(def, ns, opts, onEvent, onError); }) as ApiClient['watch'],
  });
  const cm = local.kind('', 'ConfigMap');
  const log: string[] = [];
  const informer = new Informer(client, cm);
  informer.addHandlers({
    onAdd: (o) => log.push(`add ${o.metadata.name}`),
    onUpdate: (a, b) => log.push(`update ${a.metadata.name} ${(a.data as Record<string, string>).v}->${(b.data as Record<string, string>).v}`),
    onDelete: (o) => log.push(`delete ${o.metadata.name}`),
  });
  const mk = (name: string, v: string): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default' }, data: { v } });
  return { local, cm, informer, log, mk, failWatch: () => fail?.() };
}

const tick = () => new Promise((r) => setImmediate(r));

test('lists, then follows changes with add/update/delete', async () => {
  const { local, cm, informer, log, mk } = await setup();
  await local.create(cm, mk('a', '1'));
  await informer.start();
  await local.create(cm, mk('b', '1'));
  const a = await local.get(cm, 'default', 'a');
  await local.update(cm, { ...a, data: { v: '2' } });
  await local.delete(cm, 'default', 'b');
  await tick();
  assert.deepEqual(log, ['add a', 'add b', 'update a 1->2', 'delete b']);
  assert.equal(informer.get('default/a')!.data && (informer.get('default/a')!.data as Record<string, string>).v, '2');
  assert.equal(informer.size, 1);
});

test('a failed watch relists and replays only the difference', async () => {
  const { local, cm, informer, log, mk, failWatch } = await setup();
  await local.create(cm, mk('a', '1'));
  await local.create(cm, mk('b', '1'));
  await informer.start();
  informer.stop(); // miss the next changes, as a broken watch would
  (informer as unknown as { stopped: boolean }).stopped = false;
  await local.delete(cm, 'default', 'a');
  await local.create(cm, mk('c', '1'));
  failWatch();
  await tick(); await tick();
  assert.deepEqual(log, ['add a', 'add b', 'add c', 'delete a']);
});

test('an index follows adds, updates and deletes', async () => {
  const { local, cm, informer, mk } = await setup();
  informer.addIndex('v', (o) => [(o.data as Record<string, string>).v]);
  await local.create(cm, mk('a', '1'));
  await informer.start();
  await local.create(cm, mk('b', '1'));
  await local.create(cm, mk('c', '2'));
  const a = await local.get(cm, 'default', 'a');
  await local.update(cm, { ...a, data: { v: '2' } });
  await local.delete(cm, 'default', 'c');
  await tick();
  const names = (v: string) => informer.byIndex('v', v).map((o) => o.metadata.name).sort();
  assert.deepEqual([names('1'), names('2'), names('3')], [['b'], ['a'], []]);
});

test('resync hands every cached object to onUpdate as itself', async () => {
  const { local, cm, informer, log, mk } = await setup();
  await local.create(cm, mk('a', '1'));
  await informer.start();
  informer.resync();
  assert.deepEqual(log, ['add a', 'update a 1->1']);
});
