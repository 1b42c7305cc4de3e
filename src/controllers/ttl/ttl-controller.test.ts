import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { LocalClient } from '../../client/local-client.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { realClock } from '../../util/clock.js';
import type { NodeObject } from '../node-lifecycle/objects.js';
import { currentTtl, TTL_ANNOTATION, TtlController } from './ttl-controller.js';

async function cluster(nodes: number) {
  const client = new LocalClient(new Registry(new MemoryStore(), realClock, allKinds.find((k) => k.kind === 'Namespace')!), allKinds);
  const def = client.kind('', 'Node');
  const create = (i: number) => client.create(def, { metadata: { name: `n${i}` } });
  for (let i = 0; i < nodes; i++) await create(i);
  const c = new TtlController(client, { log: () => {} });
  await c.start();
  const settle = async () => {
    // A patch comes back as an update, queued after the sync that wrote it: wait until both are done.
    for (let i = 0; i < 3; i++) { await c.idle(); await new Promise((r) => setImmediate(r)); }
  };
  const ttl = async (i: number) => currentTtl((await client.get(def, undefined, `n${i}`)) as NodeObject);
  const touch = (i: number) => client.patch(def, undefined, `n${i}`, { metadata: { labels: { touched: String(Date.now()) } } }, { type: 'merge' });
  const remove = (i: number) => client.delete(def, undefined, `n${i}`);
  return { c, client, create, settle, ttl, touch, remove };
}

test('a small cluster: every node, present at start or added later, gets ttl 0', async () => {
  const k = await cluster(3);
  await k.create(3);
  await k.settle();
  for (let i = 0; i < 4; i++) assert.equal(await k.ttl(i), 0);
  assert.equal(((await k.client.get(k.client.kind('', 'Node'), undefined, 'n0')).metadata.annotations ?? {})[TTL_ANNOTATION], '0');
  k.c.stop();
});

test('past 100 nodes the ttl is 15 s; nodes learn it at their next update; back under 90 it is 0 again', async () => {
  const k = await cluster(100);
  await k.settle();
  assert.equal(k.c.desiredTtlSeconds, 0);
  await k.create(100); // the 101st node
  await k.settle();
  assert.equal(k.c.desiredTtlSeconds, 15);
  assert.equal(await k.ttl(100), 15, 'the new node at once');
  assert.equal(await k.ttl(0), 0, 'an old node keeps its value until it is updated');
  await k.touch(0);
  await k.settle();
  assert.equal(await k.ttl(0), 15);

  // Hysteresis: down to 90 nodes keeps 15; 89 goes back to 0.
  for (let i = 90; i <= 100; i++) await k.remove(i);
  await k.settle();
  assert.equal(k.c.desiredTtlSeconds, 15, 'at 90 nodes');
  await k.remove(89);
  await k.settle();
  assert.equal(k.c.desiredTtlSeconds, 0, 'at 89 nodes');
  await k.touch(0);
  await k.settle();
  assert.equal(await k.ttl(0), 0);
  k.c.stop();
});

test('a value that is not an integer is replaced', async () => {
  const k = await cluster(1);
  await k.settle();
  await k.client.patch(k.client.kind('', 'Node'), undefined, 'n0', { metadata: { annotations: { [TTL_ANNOTATION]: 'soon' } } }, { type: 'merge' });
  await k.settle();
  assert.equal(await k.ttl(0), 0);
  k.c.stop();
});
