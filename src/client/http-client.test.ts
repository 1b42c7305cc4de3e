import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { KObject } from '../api/object.js';
import { startServer, type RunningServer } from '../server/all-in-one.js';
import { isAlreadyExists, isConflict, isNotFound, type WatchEvent } from './api-client.js';
import { HttpClient } from './http-client.js';
import { loadKubeconfig } from './kubeconfig.js';

let server: RunningServer;
let client: HttpClient;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kubelite-http-client-'));
  server = await startServer({ dataDir, port: 0, bindAddress: '127.0.0.1', store: 'memory', log: () => {} });
  client = new HttpClient(loadKubeconfig({ path: server.kubeconfigPath }));
});
after(async () => {
  client.close();
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const cm = (name: string, labels: Record<string, string> = {}, data: Record<string, string> = {}): KObject =>
  ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, namespace: 'default', labels }, data });

/** Waits (bounded) until pred holds; watches deliver asynchronously. */
async function until(pred: () => boolean, what: string, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!pred()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

test('CRUD round-trips and errors arrive as StatusErrors', async () => {
  const def = client.kind('', 'ConfigMap');
  const created = await client.create(def, cm('crud', {}, { a: '1' }));
  assert.equal(created.metadata.name, 'crud');
  assert.ok(created.metadata.uid);
  await assert.rejects(client.create(def, cm('crud')), (e) => isAlreadyExists(e));
  const got = await client.get(def, 'default', 'crud');
  assert.deepEqual(got.data, { a: '1' });
  const updated = await client.update(def, { ...got, data: { a: '2' } });
  assert.deepEqual(updated.data, { a: '2' });
  await assert.rejects(client.update(def, { ...got, data: { a: '3' } }), (e) => isConflict(e), 'stale resourceVersion');
  const patched = await client.patch(def, 'default', 'crud', { data: { b: 'x' } });
  assert.deepEqual(patched.data, { a: '2', b: 'x' });
  const jsonPatched = await client.patch(def, 'default', 'crud', [{ op: 'remove', path: '/data/a' }], { type: 'json' });
  assert.deepEqual(jsonPatched.data, { b: 'x' });
  const smp = await client.patch(def, 'default', 'crud', { metadata: { labels: { k: 'v' } } }, { type: 'strategic' });
  assert.deepEqual(smp.metadata.labels, { k: 'v' });
  await client.delete(def, 'default', 'crud');
  await assert.rejects(client.get(def, 'default', 'crud'), (e) => isNotFound(e) && (e as Error).message === 'configmaps "crud" not found');
});

test('status subresource: updateStatus and status patches', async () => {
  const nodes = client.kind('', 'Node');
  await client.create(nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'status-node' } });
  const n = await client.updateStatus(nodes, { ...(await client.get(nodes, undefined, 'status-node')), status: { capacity: { pods: '110' } } });
  assert.deepEqual((n.status as { capacity: unknown }).capacity, { pods: '110' });
  const p = await client.patch(nodes, undefined, 'status-node', { status: { capacity: { cpu: '2' } } }, { subresource: 'status', type: 'strategic' });
  assert.deepEqual((p.status as { capacity: unknown }).capacity, { pods: '110', cpu: '2' });
});

test('list filters by label and field selectors and follows continue pages', async () => {
  const def = client.kind('', 'ConfigMap');
  await client.create(client.kind('', 'Namespace'), { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'paging' } });
  for (let i = 0; i < 1203; i++) {
    await client.create(def, { ...cm(`cm-${i}`, { parity: i % 2 ? 'odd' : 'even' }), metadata: { name: `cm-${i}`, namespace: 'paging', labels: { parity: i % 2 ? 'odd' : 'even' } } });
  }
  const all = await client.list(def, 'paging');
  assert.equal(all.items.length, 1203, 'three pages of 500');
  assert.ok(all.revision > 0);
  assert.equal(all.items[0]!.kind, 'ConfigMap');
  assert.equal((await client.list(def, 'paging', { labelSelector: 'parity=odd' })).items.length, 601);
  const one = await client.list(def, 'paging', { fieldSelector: 'metadata.name=cm-7' });
  assert.deepEqual(one.items.map((o) => o.metadata.name), ['cm-7']);
});

test('watch sees ADDED, MODIFIED and DELETED from a revision', async () => {
  const def = client.kind('', 'ConfigMap');
  const { revision } = await client.list(def, 'default');
  const seen: string[] = [];
  const w = client.watch(def, 'default', { fromRevision: revision, labelSelector: 'app=w' }, (ev) => seen.push(`${ev.type} ${ev.object.metadata.name}`));
  await client.create(def, cm('w1', { app: 'w' }));
  await client.create(def, cm('other'));
  await client.patch(def, 'default', 'w1', { data: { x: 'y' } });
  await client.delete(def, 'default', 'w1');
  await until(() => seen.length >= 3, 'three events');
  w.stop();
  assert.deepEqual(seen, ['ADDED w1', 'MODIFIED w1', 'DELETED w1']);
});

test('a compacted revision ends the watch with a 410 onError', async () => {
  const def = client.kind('', 'ConfigMap');
  const { revision } = await client.list(def, 'default');
  await client.create(def, cm('compact-me'));
  await server.client.registry.store.compact(revision + 1);
  let err: unknown;
  client.watch(def, 'default', { fromRevision: revision }, () => {}, (e) => { err = e; });
  await until(() => err !== undefined, 'onError');
  assert.equal((err as { code: number }).code, 410);
});

test('a dropped connection is reconnected from the last seen resourceVersion', async () => {
  // A TCP proxy in front of the server lets the test cut the watch's connection.
  const sockets = new Set<Socket>();
  const proxy: Server = createServer((inbound) => {
    const out = connect(server.port, '127.0.0.1');
    inbound.pipe(out).pipe(inbound);
    sockets.add(inbound);
    const drop = () => { inbound.destroy(); out.destroy(); sockets.delete(inbound); };
    inbound.on('error', drop); out.on('error', drop); inbound.on('close', drop);
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as { port: number }).port;
  const viaProxy = new HttpClient({ ...loadKubeconfig({ path: server.kubeconfigPath }), server: `https://127.0.0.1:${port}` });
  const def = client.kind('', 'ConfigMap');
  const { revision } = await client.list(def, 'default');
  const seen: WatchEvent[] = [];
  let failed: unknown;
  const w = viaProxy.watch(def, 'default', { fromRevision: revision, labelSelector: 'app=r' }, (ev) => seen.push(ev), (e) => { failed = e; });
  await client.create(def, cm('r1', { app: 'r' }));
  await until(() => seen.length === 1, 'first event');
  for (const s of sockets) s.destroy();
  await client.create(def, cm('r2', { app: 'r' }));
  await until(() => seen.length === 2, 'event after reconnect');
  await new Promise((r) => setTimeout(r, 200));
  w.stop();
  viaProxy.close();
  await new Promise<void>((r) => proxy.close(() => r()));
  assert.equal(failed, undefined);
  assert.deepEqual(seen.map((e) => `${e.type} ${e.object.metadata.name}`), ['ADDED r1', 'ADDED r2'], 'nothing lost, nothing repeated');
});

test('bindPod assigns the node; a second binding is a conflict', async () => {
  const pods = client.kind('', 'Pod');
  await client.create(pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'bind-me', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'x' }] } });
  await client.bindPod('default', 'bind-me', 'node-a');
  const pod = await client.get(pods, 'default', 'bind-me');
  assert.equal((pod.spec as { nodeName: string }).nodeName, 'node-a');
  await assert.rejects(client.bindPod('default', 'bind-me', 'node-b'), (e) => isConflict(e));
});

test('mutate retries when another writer wins the race', async () => {
  const def = client.kind('', 'ConfigMap');
  await client.create(def, cm('race', {}, { n: '0' }));
  let calls = 0;
  const out = await client.mutate(def, 'default', 'race', (cur) => {
    calls++;
    if (calls === 1) {
      // Another writer changes the object between this attempt's read and its write.
      void server.client.patch(def, 'default', 'race', { data: { other: 'yes' } });
    }
    return { ...cur, data: { ...(cur.data as Record<string, string>), n: String(calls) } };
  });
  assert.ok(calls >= 2, 'the first write conflicted and was retried');
  assert.deepEqual(out.data, { n: String(calls), other: 'yes' });
});
