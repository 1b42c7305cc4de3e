// The official JavaScript client (@kubernetes/client-node v2) against a real `kubelite server`:
// typed list/create/patch calls, a watch stream, label selectors and paginated lists.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import {
  ApiException, BatchV1Api, CoreV1Api, KubeConfig, PatchStrategy, Watch, setHeaderOptions,
  type V1ConfigMap, type V1Pod,
} from '@kubernetes/client-node';
import { startTestServer, type TestServer } from './harness.js';

const ns = 'client-node';
let server: TestServer;
let kc: KubeConfig;
let core: CoreV1Api;
let batch: BatchV1Api;

before(async () => {
  server = await startTestServer({ apiOnly: true });
  kc = new KubeConfig();
  kc.loadFromFile(server.kubeconfig);
  core = kc.makeApiClient(CoreV1Api);
  batch = kc.makeApiClient(BatchV1Api);
  await core.createNamespace({ body: { metadata: { name: ns } } });
});
after(async () => { await server.stop(); });

const mergePatch = setHeaderOptions('Content-Type', PatchStrategy.MergePatch);

test('lists the bootstrap namespaces', async () => {
  const list = await core.listNamespace();
  const names = list.items.map((n) => n.metadata!.name).sort();
  for (const want of ['default', 'kube-node-lease', 'kube-public', 'kube-system', ns]) assert.ok(names.includes(want), `${want} in ${names.join(',')}`);
  assert.equal(list.items.find((n) => n.metadata!.name === 'default')!.status!.phase, 'Active');
  assert.match(list.metadata!.resourceVersion!, /^\d+$/);
});

test('creates a ConfigMap and reads it back', async () => {
  const created = await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings', labels: { app: 'demo' } }, data: { mode: 'fast' } } });
  assert.equal(created.metadata!.namespace, ns);
  assert.match(created.metadata!.uid!, /^[0-9a-f-]{36}$/);
  const read = await core.readNamespacedConfigMap({ name: 'settings', namespace: ns });
  assert.deepEqual(read.data, { mode: 'fast' });
  assert.equal(read.metadata!.resourceVersion, created.metadata!.resourceVersion);
});

test('a second create is a 409 ApiException carrying the Status', async () => {
  await assert.rejects(
    core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'settings' } } }),
    (e: unknown) => {
      assert.ok(e instanceof ApiException, String(e));
      assert.equal(e.code, 409);
      const body = JSON.parse(e.body as string) as { reason: string; message: string };
      assert.equal(body.reason, 'AlreadyExists');
      assert.equal(body.message, 'configmaps "settings" already exists');
      return true;
    },
  );
});

test('merge-patches a ConfigMap (null removes a key)', async () => {
  await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name: 'patched' }, data: { a: '1', b: '2' } } });
  const patched = await core.patchNamespacedConfigMap({ name: 'patched', namespace: ns, body: { data: { a: '10', b: null, c: '3' }, metadata: { labels: { patched: 'yes' } } } }, mergePatch);
  assert.deepEqual(patched.data, { a: '10', c: '3' });
  assert.deepEqual(patched.metadata!.labels, { patched: 'yes' });
});

test('creates a Job with server defaults, and merge-patches it', async () => {
  const job = await batch.createNamespacedJob({
    namespace: ns,
    // Suspended: the Job controller makes no pods, so the pod watch below sees only its own.
    body: { metadata: { name: 'pi' }, spec: { suspend: true, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'pi', image: 'perl', command: ['perl', '-e', 'print 1'] }] } } } },
  });
  assert.equal(job.spec!.backoffLimit, 6);
  assert.equal(job.spec!.completions, 1);
  assert.equal(job.spec!.parallelism, 1);
  assert.equal(job.spec!.selector!.matchLabels!['batch.kubernetes.io/controller-uid'], job.metadata!.uid);
  assert.equal(job.spec!.template.metadata!.labels!['job-name'], 'pi');

  const patched = await batch.patchNamespacedJob({ name: 'pi', namespace: ns, body: { spec: { activeDeadlineSeconds: 120 }, metadata: { labels: { tier: 'batch' } } } }, mergePatch);
  assert.equal(patched.spec!.activeDeadlineSeconds, 120);
  assert.equal(patched.metadata!.labels!.tier, 'batch');
  assert.equal(patched.metadata!.uid, job.metadata!.uid);
  const listed = await batch.listNamespacedJob({ namespace: ns });
  assert.deepEqual(listed.items.map((j) => j.metadata!.name), ['pi']);
});

test('a watch on pods sees ADDED, MODIFIED and DELETED', async () => {
  const seen: { type: string; name: string; labels?: Record<string, string> }[] = [];
  let stopped: unknown = 'not yet';
  const want = (n: number) => new Promise<void>((resolve, reject) => {
    const t = setTimeout(() => reject(new Error(`saw only ${JSON.stringify(seen)}`)), 10_000);
    const poll = setInterval(() => { if (seen.length >= n) { clearTimeout(t); clearInterval(poll); resolve(); } }, 20);
  });
  const w = new Watch(kc);
  const abort = await w.watch(`/api/v1/namespaces/${ns}/pods`, {}, (type, obj: V1Pod) => {
    seen.push({ type, name: obj.metadata!.name!, labels: obj.metadata!.labels });
  }, (err) => { stopped = err; });
  try {
    // A scheduler no one runs: only this test's own writes change the pod (no scheduling updates).
    await core.createNamespacedPod({ namespace: ns, body: { metadata: { name: 'watched' }, spec: { schedulerName: 'nobody', containers: [{ name: 'c', image: 'busybox' }] } } });
    await want(1);
    await core.patchNamespacedPod({ name: 'watched', namespace: ns, body: { metadata: { labels: { step: 'two' } } } }, mergePatch);
    await want(2);
    await core.deleteNamespacedPod({ name: 'watched', namespace: ns });
    await want(3);
    assert.deepEqual(seen.map((e) => `${e.type} ${e.name}`), ['ADDED watched', 'MODIFIED watched', 'DELETED watched']);
    assert.deepEqual(seen[1]!.labels, { step: 'two' });
    assert.equal(stopped, 'not yet', 'the watch stays open');
  } finally {
    abort.abort();
  }
});

test('lists with a label selector', async () => {
  for (const [name, app] of [['sel-a', 'web'], ['sel-b', 'web'], ['sel-c', 'db']] as const) {
    await core.createNamespacedConfigMap({ namespace: ns, body: { metadata: { name, labels: { app, group: 'sel' } } } });
  }
  const names = async (labelSelector: string) => (await core.listNamespacedConfigMap({ namespace: ns, labelSelector })).items.map((c) => c.metadata!.name).sort();
  assert.deepEqual(await names('app=web'), ['sel-a', 'sel-b']);
  assert.deepEqual(await names('group=sel,app!=web'), ['sel-c']);
  assert.deepEqual(await names('app in (db, nothing)'), ['sel-c']);
  assert.deepEqual(await names('group=sel,!app'), []);
  await assert.rejects(core.listNamespacedConfigMap({ namespace: ns, labelSelector: 'app in (web' }), (e: unknown) => e instanceof ApiException && e.code === 400);
});

test('pages through 25 ConfigMaps with limit 10 and continue', async () => {
  const pageNs = 'paging';
  await core.createNamespace({ body: { metadata: { name: pageNs } } });
  const want: string[] = [];
  for (let i = 0; i < 25; i++) {
    const name = `cm-${String(i).padStart(2, '0')}`;
    want.push(name);
    await core.createNamespacedConfigMap({ namespace: pageNs, body: { metadata: { name }, data: { i: String(i) } } });
  }
  const pages: V1ConfigMap[][] = [];
  const remaining: (number | undefined)[] = [];
  let cont: string | undefined;
  do {
    const page = await core.listNamespacedConfigMap({ namespace: pageNs, limit: 10, _continue: cont });
    pages.push(page.items);
    remaining.push(page.metadata!.remainingItemCount);
    cont = page.metadata!._continue || undefined;
  } while (cont && pages.length < 10);
  assert.deepEqual(pages.map((p) => p.length), [10, 10, 5]);
  assert.deepEqual(remaining, [15, 5, undefined]);
  assert.deepEqual(pages.flat().map((c) => c.metadata!.name), want);
});
