// `kubelite server` as a process: its kubeconfig, authentication, health endpoints, clean shutdown
// on signals, and durability across restarts and `kill -9` (acknowledged writes survive), plus the
// 410 a watch gets after a restart when it asks for a revision the server no longer has.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { kubectl, kubectlMissing, startTestServer, type TestServer } from './harness.js';
import { apiRequest, watchEvents } from './https.js';

const skip = kubectlMissing();
let server: TestServer;
const dirs: string[] = [];

before(async () => { server = await startTestServer({ apiOnly: true }); });
after(async () => {
  await server.stop();
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** A data dir the test owns, so the server can be stopped and started on it again. */
function dataDir(): string {
  const d = mkdtempSync(join(tmpdir(), 'kubelite-lifecycle-'));
  dirs.push(d);
  return d;
}

async function getJson<T>(s: TestServer, path: string): Promise<T> {
  const r = await apiRequest(s, 'GET', path);
  assert.equal(r.status, 200, `GET ${path}: ${r.body}`);
  return JSON.parse(r.body) as T;
}

async function post(s: TestServer, path: string, obj: unknown): Promise<{ metadata: { resourceVersion: string } }> {
  const r = await apiRequest(s, 'POST', path, { body: JSON.stringify(obj) });
  assert.equal(r.status, 201, `POST ${path}: ${r.body}`);
  return JSON.parse(r.body) as { metadata: { resourceVersion: string } };
}

interface ResourceList { resources: { name: string; verbs: string[] }[] }

/** `namespace/name → resourceVersion` of every object of every listable resource, found by discovery. */
async function everyObject(s: TestServer): Promise<Map<string, string>> {
  const paths: string[] = [];
  const core = await getJson<ResourceList>(s, '/api/v1');
  for (const r of core.resources) if (!r.name.includes('/') && r.verbs.includes('list')) paths.push(`/api/v1/${r.name}`);
  const groups = await getJson<{ groups: { preferredVersion: { groupVersion: string } }[] }>(s, '/apis');
  for (const g of groups.groups) {
    const gv = g.preferredVersion.groupVersion;
    const list = await getJson<ResourceList>(s, `/apis/${gv}`);
    for (const r of list.resources) if (!r.name.includes('/') && r.verbs.includes('list')) paths.push(`/apis/${gv}/${r.name}`);
  }
  const out = new Map<string, string>();
  // Leases are renewed every 2 s by the server itself (leader election): not the user's objects.
  for (const p of paths.filter((x) => !x.endsWith('/leases'))) {
    const l = await getJson<{ items: { metadata: { namespace?: string; name: string; resourceVersion: string } }[] }>(s, p);
    for (const i of l.items) out.set(`${p} ${i.metadata.namespace ?? ''}/${i.metadata.name}`, i.metadata.resourceVersion);
  }
  return out;
}

const configMap = (name: string, ns?: string) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name, ...(ns ? { namespace: ns } : {}) }, data: { name } });

test('the kubeconfig is mode 0600 and kubectl works with it', { skip }, async () => {
  assert.equal(statSync(server.kubeconfig).mode & 0o777, 0o600);
  const r = await kubectl(server, ['get', 'namespaces', '-o', 'name']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^namespace\/default$/m);
  const v = await kubectl(server, ['version', '-o', 'json']);
  assert.equal(v.code, 0, v.stderr);
  const version = JSON.parse(v.stdout) as { serverVersion: { major: string; minor: string; gitVersion: string } };
  assert.deepEqual([version.serverVersion.major, version.serverVersion.minor], ['1', '33']);
  assert.match(version.serverVersion.gitVersion, /^v1\.33\./);
});

test('a request without a token is 401 Unauthorized; a wrong token too', async () => {
  for (const token of [null, 'wrong-token']) {
    const r = await apiRequest(server, 'GET', '/api/v1/namespaces/default/pods', { token });
    assert.equal(r.status, 401);
    const s = JSON.parse(r.body) as Record<string, unknown>;
    assert.deepEqual(s, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: 'Unauthorized', reason: 'Unauthorized', code: 401 });
  }
  const write = await apiRequest(server, 'POST', '/api/v1/namespaces/default/configmaps', { token: null, body: JSON.stringify(configMap('sneaky')) });
  assert.equal(write.status, 401);
  assert.equal((await apiRequest(server, 'GET', '/api/v1/namespaces/default/configmaps/sneaky')).status, 404);
});

test('/livez, /readyz, /healthz and /version answer without a token', async () => {
  for (const p of ['/livez', '/readyz', '/healthz']) {
    const r = await apiRequest(server, 'GET', p, { token: null });
    assert.deepEqual({ status: r.status, body: r.body }, { status: 200, body: 'ok' }, p);
  }
  const v = await apiRequest(server, 'GET', '/version', { token: null });
  assert.equal(v.status, 200);
  assert.match((JSON.parse(v.body) as { gitVersion: string }).gitVersion, /^v1\.33\./);
});

for (const signal of ['SIGTERM', 'SIGINT'] as const) {
  test(`${signal} shuts the server down with exit code 0`, async () => {
    const s = await startTestServer({ apiOnly: true });
    await post(s, '/api/v1/namespaces/default/configmaps', configMap('before-signal'));
    assert.equal(await s.stop(signal), 0, s.output());
  });
}

test('a restart on the same data dir finds every object with the same resourceVersion', async () => {
  const dir = dataDir();
  const first = await startTestServer({ dataDir: dir, apiOnly: true });
  try {
    await post(first, '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'kept' } });
    await post(first, '/api/v1/namespaces/kept/configmaps', configMap('in-kept', 'kept'));
    await post(first, '/api/v1/namespaces/default/configmaps', configMap('in-default'));
    // Suspended, so that no controller writes to it on either server.
    await post(first, '/apis/batch/v1/namespaces/default/cronjobs', {
      apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'kept-cronjob' },
      spec: { schedule: '* * * * *', suspend: true, jobTemplate: { spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } } } },
    });
    await post(first, '/api/v1/namespaces/default/pods', { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kept-pod' }, spec: { schedulerName: 'nobody', containers: [{ name: 'c', image: 'busybox' }] } });
    // The service account controller gives every namespace its `default` account in the background:
    // the snapshot waits for all five, or one could appear only after it (and then differ).
    for (let waited = 0; ; waited += 100) {
      const sas = await getJson<{ items: unknown[] }>(first, '/api/v1/serviceaccounts');
      if (sas.items.length >= 5) break;
      if (waited > 10_000) throw new Error(`only ${sas.items.length} service accounts after 10 s`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } catch (e) { await first.stop(); throw e; }
  const before = await everyObject(first);
  assert.ok(before.size >= 10, `objects before restart: ${[...before.keys()].join(', ')}`);
  assert.equal(await first.stop(), 0);

  const second = await startTestServer({ dataDir: dir, apiOnly: true });
  try {
    assert.deepEqual(await everyObject(second), before);
  } finally {
    await second.stop();
  }
});

test('writes acknowledged before kill -9 are there after a restart', { skip }, async () => {
  const dir = dataDir();
  const first = await startTestServer({ dataDir: dir, apiOnly: true });
  const docs = Array.from({ length: 20 }, (_, i) => JSON.stringify(configMap(`durable-${i}`))).join('\n---\n');
  const created = await kubectl(first, ['create', '-f', '-'], { input: docs });
  // kubectl has printed "created" for each: every one was acknowledged. Kill at once.
  const killed = first.stop('SIGKILL');
  assert.equal(created.code, 0, created.stderr);
  assert.equal(created.stdout.split('\n').filter((l) => / created$/.test(l)).length, 20);
  assert.equal(await killed, null);

  // And one write acknowledged over HTTPS, with the kill sent the moment its response arrives.
  const second = await startTestServer({ dataDir: dir, apiOnly: true });
  const last = await post(second, '/api/v1/namespaces/default/configmaps', configMap('durable-last'));
  await second.stop('SIGKILL');

  const third = await startTestServer({ dataDir: dir, apiOnly: true });
  try {
    const list = await getJson<{ items: { metadata: { name: string; resourceVersion: string } }[] }>(third, '/api/v1/namespaces/default/configmaps');
    const names = new Set(list.items.map((i) => i.metadata.name));
    for (let i = 0; i < 20; i++) assert.ok(names.has(`durable-${i}`), `durable-${i} survived kill -9`);
    assert.equal(list.items.find((i) => i.metadata.name === 'durable-last')?.metadata.resourceVersion, last.metadata.resourceVersion);
    const r = await kubectl(third, ['get', 'configmap', 'durable-7', '-o', 'jsonpath={.data.name}']);
    assert.deepEqual({ code: r.code, stdout: r.stdout }, { code: 0, stdout: 'durable-7' });
  } finally {
    await third.stop();
  }
});

test('after a restart, a watch from a too-old revision gets an ERROR event with a 410 Expired Status', async () => {
  const dir = dataDir();
  const first = await startTestServer({ dataDir: dir, apiOnly: true });
  for (let i = 0; i < 3; i++) await post(first, '/api/v1/namespaces/default/configmaps', configMap(`old-${i}`));
  await first.stop();

  const s = await startTestServer({ dataDir: dir, apiOnly: true });
  try {
    const w = await watchEvents(s, '/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=1', (ev) => ev.length >= 1);
    assert.equal(w.status, 200, 'the error comes inside the stream, not as an HTTP 410');
    assert.equal(w.events.length, 1);
    const ev = w.events[0]!;
    assert.equal(ev.type, 'ERROR');
    const st = ev.object as { kind: string; apiVersion: string; status: string; reason: string; code: number; message: string };
    assert.deepEqual({ kind: st.kind, apiVersion: st.apiVersion, status: st.status, reason: st.reason, code: st.code }, { kind: 'Status', apiVersion: 'v1', status: 'Failure', reason: 'Expired', code: 410 });
    assert.match(st.message, /^too old resource version: 1 \(\d+\)$/);

    // A client that relists and watches from the list's revision sees new events.
    const list = await getJson<{ metadata: { resourceVersion: string } }>(s, '/api/v1/namespaces/default/configmaps');
    const fresh = watchEvents(s, `/api/v1/namespaces/default/configmaps?watch=1&resourceVersion=${list.metadata.resourceVersion}`, (ev) => ev.length >= 1);
    await post(s, '/api/v1/namespaces/default/configmaps', configMap('new-after-restart'));
    const got = await fresh;
    assert.deepEqual(got.events.map((e) => `${e.type} ${(e.object as { metadata: { name: string } }).metadata.name}`), ['ADDED new-after-restart']);
  } finally {
    await s.stop();
  }
});
