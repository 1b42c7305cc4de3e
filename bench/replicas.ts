// `npm run bench replicas`: controllers at scale on the simulated runtime. A ReplicaSet scaled
// 0 → 10,000 → 0 across 100 nodes, a DaemonSet across 1,000 nodes, and the time to recover a
// ReplicaSet after the agent holding ~1,000 of its pods is killed (minus the configured grace and
// toleration). Baseline, same run: the raw rate of pod creates over HTTPS, the ceiling for scale-up.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { runLoad } from './api-phases.js';
import { waitNodesReady } from './cluster-ops.js';
import { expectStatus, keepAliveAgent, request, type Endpoint } from './https-client.js';
import { BenchCluster } from './node-cluster.js';
import { pct, printTable, round, verdict, type Row } from './stats.js';

const NODES = 100;
const REPLICAS = 10_000;
const DS_NODES = 1_000;
const KILL_NODES = 10; // the nodes that take over
const KILL_REPLICAS = 1_000; // all on the node that is killed
const GRACE_S = 5;
const TOLERATION_S = 1;
const CLIENTS = 16;
const TARGET_PER_SEC = 1_000;
const WAIT_MS = 300_000;

const ns = 'default';
const template = (app: string) => ({
  metadata: { labels: { app } },
  spec: { terminationGracePeriodSeconds: 0, containers: [{ name: 'c', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
});

async function api(ep: Endpoint, method: string, path: string, body?: unknown, want = 200, contentType?: string): Promise<unknown> {
  const agent = keepAliveAgent(ep, 1);
  try {
    const res = await request(ep, agent, method, path, body === undefined ? undefined : JSON.stringify(body), contentType ? { 'Content-Type': contentType } : {});
    return JSON.parse(expectStatus(res, want, `${method} ${path}`).body.toString('utf8'));
  } finally { agent.destroy(); }
}

/** Polls every 100 ms until check() holds; ms since t0 then. */
async function until(check: () => Promise<boolean>, t0: number, what: () => Promise<string>): Promise<number> {
  const deadline = performance.now() + WAIT_MS;
  for (;;) {
    if (await check()) return performance.now() - t0;
    if (performance.now() > deadline) throw new Error(`timed out: ${await what()}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const rsPath = (name: string) => `/apis/apps/v1/namespaces/${ns}/replicasets/${name}`;
const rsStatus = async (ep: Endpoint, name: string) => ((await api(ep, 'GET', rsPath(name))) as { status?: { replicas?: number; readyReplicas?: number; availableReplicas?: number } }).status ?? {};
const podsOf = async (ep: Endpoint, app: string) => ((await api(ep, 'GET', `/api/v1/namespaces/${ns}/pods?labelSelector=app%3D${app}`)) as { items: Pod[] }).items;

async function scale(ep: Endpoint, name: string, replicas: number): Promise<void> {
  await api(ep, 'PATCH', `${rsPath(name)}/scale`, { spec: { replicas } }, 200, 'application/merge-patch+json');
}

async function createReplicaSet(ep: Endpoint, name: string, replicas: number): Promise<void> {
  await api(ep, 'POST', `/apis/apps/v1/namespaces/${ns}/replicasets`, {
    apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name },
    spec: { replicas, selector: { matchLabels: { app: name } }, template: template(name) },
  }, 201);
}

/** Raw pod creates, 16 clients, on a server with no nodes: what scale-up cannot beat. */
async function baseline(dir: string, marker: string): Promise<number> {
  const c = await BenchCluster.start(dir, ['--no-node'], marker);
  try {
    const body = (i: number) => JSON.stringify({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `raw-${i}` }, spec: { schedulerName: 'nobody', containers: [{ name: 'c', image: 'busybox:1.36' }] } });
    const r = await runLoad(c.ep, 2_000, CLIENTS, (i) => ({ method: 'POST', path: `/api/v1/namespaces/${ns}/pods`, body: body(i), want: 201 }));
    return r.perSec;
  } finally { await c.stop(); }
}

/** The store's revision now: every write to any object moves it by one. */
const storeRevision = async (ep: Endpoint) => Number(((await api(ep, 'GET', '/api/v1/namespaces/kube-system/configmaps?limit=1')) as { metadata: { resourceVersion: string } }).metadata.resourceVersion);

export async function replicaSetScale(dir: string, marker: string, replicas = REPLICAS): Promise<{ upMs: number; downMs: number; upWrites: number }> {
  const c = await BenchCluster.start(dir, ['--no-node'], marker);
  try {
    await c.addAgent({ name: 'sim', runtime: 'simulated', count: NODES, capacity: 'cpu=32,memory=256Gi,pods=110' });
    await waitNodesReady(c.ep, NODES, 60_000);
    await createReplicaSet(c.ep, 'rs-bench', 0);
    const rev0 = await storeRevision(c.ep);
    let t0 = performance.now();
    await scale(c.ep, 'rs-bench', replicas);
    const upMs = await until(async () => (await rsStatus(c.ep, 'rs-bench')).availableReplicas === replicas, t0, async () => JSON.stringify(await rsStatus(c.ep, 'rs-bench')));
    const upWrites = (await storeRevision(c.ep)) - rev0;
    t0 = performance.now();
    await scale(c.ep, 'rs-bench', 0);
    const downMs = await until(async () => (await podsOf(c.ep, 'rs-bench')).length === 0, t0, async () => `${(await podsOf(c.ep, 'rs-bench')).length} pods left`);
    return { upMs, downMs, upWrites };
  } finally { await c.stop(); }
}

async function daemonSetSpread(dir: string, marker: string): Promise<{ registerMs: number; availableMs: number }> {
  const c = await BenchCluster.start(dir, ['--no-node'], marker);
  try {
    let t0 = performance.now();
    await c.addAgent({ name: 'sim', runtime: 'simulated', count: DS_NODES });
    await waitNodesReady(c.ep, DS_NODES, 120_000);
    const registerMs = performance.now() - t0;
    t0 = performance.now();
    await api(c.ep, 'POST', `/apis/apps/v1/namespaces/${ns}/daemonsets`, {
      apiVersion: 'apps/v1', kind: 'DaemonSet', metadata: { name: 'ds-bench' },
      spec: { selector: { matchLabels: { app: 'ds-bench' } }, template: template('ds-bench') },
    }, 201);
    const status = async () => ((await api(c.ep, 'GET', `/apis/apps/v1/namespaces/${ns}/daemonsets/ds-bench`)) as { status?: { numberAvailable?: number; desiredNumberScheduled?: number } }).status ?? {};
    const availableMs = await until(async () => (await status()).numberAvailable === DS_NODES, t0, async () => JSON.stringify(await status()));
    return { registerMs, availableMs };
  } finally { await c.stop(); }
}

export async function nodeKillRecovery(dir: string, marker: string): Promise<{ onKilled: number; recoveryMs: number; configuredMs: number }> {
  const c = await BenchCluster.start(dir, ['--no-node', '--node-monitor-grace-period', `${GRACE_S}s`,
    '--default-unreachable-toleration-seconds', String(TOLERATION_S), '--default-not-ready-toleration-seconds', String(TOLERATION_S)], marker);
  try {
    // Every replica on one node first; the nodes that take them over join afterwards.
    const doomed = await c.addAgent({ name: 'doomed', runtime: 'simulated', count: 1, capacity: `cpu=32,memory=256Gi,pods=${KILL_REPLICAS + 100}` });
    await waitNodesReady(c.ep, 1, 60_000);
    await createReplicaSet(c.ep, 'rs-kill', KILL_REPLICAS);
    await until(async () => (await rsStatus(c.ep, 'rs-kill')).availableReplicas === KILL_REPLICAS, performance.now(), async () => JSON.stringify(await rsStatus(c.ep, 'rs-kill')));
    await c.addAgent({ name: 'kept', runtime: 'simulated', count: KILL_NODES, capacity: 'cpu=32,memory=256Gi,pods=250' });
    await waitNodesReady(c.ep, 1 + KILL_NODES, 60_000);
    const onDoomed = (p: Pod) => p.spec?.nodeName === 'doomed';
    const onKilled = (await podsOf(c.ep, 'rs-kill')).filter(onDoomed).length;
    const t0 = performance.now();
    process.kill(doomed.pid, 'SIGKILL');
    const recovered = async () => {
      const live = (await podsOf(c.ep, 'rs-kill')).filter((p) => !p.metadata?.deletionTimestamp);
      const ready = live.filter((p) => !onDoomed(p) && p.status?.conditions?.some((x) => x.type === 'Ready' && x.status === 'True'));
      return ready.length === KILL_REPLICAS;
    };
    const recoveryMs = await until(recovered, t0, async () => JSON.stringify(await rsStatus(c.ep, 'rs-kill')));
    return { onKilled, recoveryMs, configuredMs: (GRACE_S + TOLERATION_S) * 1000 };
  } finally { await c.stop(); }
}

export async function runReplicasBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kubelite-bench-replicas-'));
  const marker = root.slice(root.lastIndexOf('-') + 1);
  const log = (m: string) => process.stderr.write(`[bench replicas] ${m}\n`);
  const failures: string[] = [];
  const attempt = async <T>(phase: string, fn: () => Promise<T>): Promise<T | undefined> => {
    log(phase);
    const t0 = Date.now();
    try { return await fn(); } catch (e) {
      failures.push(`${phase}: ${e instanceof Error ? e.message : String(e)}`);
      log(`FAILED ${failures[failures.length - 1]}`);
      return undefined;
    } finally { log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`); }
  };
  try {
    const raw = await attempt(`baseline: 2,000 pod creates, ${CLIENTS} clients`, () => baseline(join(root, 'baseline'), marker));
    const rs = await attempt(`ReplicaSet 0 → ${REPLICAS} → 0 on ${NODES} simulated nodes`, () => replicaSetScale(join(root, 'rs'), marker));
    const ds = await attempt(`DaemonSet on ${DS_NODES} simulated nodes`, () => daemonSetSpread(join(root, 'ds'), marker));
    const kill = await attempt(`node kill: ${KILL_REPLICAS} replicas on one node, its agent SIGKILLed, ${KILL_NODES} nodes to take over`, () => nodeKillRecovery(join(root, 'kill'), marker));
    const rows: Row[] = [];
    if (raw) rows.push({ name: 'raw pod creates (HTTPS, 16 clients)', value: `${round(raw, 0)}/s`, target: 'baseline' });
    if (rs) {
      const up = REPLICAS / (rs.upMs / 1000);
      const down = REPLICAS / (rs.downMs / 1000);
      rows.push({ name: `scale 0 → ${REPLICAS} (to all available)`, value: `${round(rs.upMs / 1000, 1)} s, ${round(up, 0)}/s`, baseline: raw ? pct(up, raw) : '', target: verdict(up >= TARGET_PER_SEC, `≥ ${TARGET_PER_SEC}/s`) });
      rows.push({ name: '  store writes per pod on the way up (every kind)', value: `${round(rs.upWrites / REPLICAS, 2)}`, target: 'create, bind, status and the events of scheduler and kubelet' });
      rows.push({ name: '  store writes per second on the way up', value: `${round(rs.upWrites / (rs.upMs / 1000), 0)}/s`, baseline: raw ? pct(rs.upWrites / (rs.upMs / 1000), raw) : '', target: 'vs the raw create rate' });
      rows.push({ name: `scale ${REPLICAS} → 0 (to all pods gone)`, value: `${round(rs.downMs / 1000, 1)} s, ${round(down, 0)}/s`, baseline: raw ? pct(down, raw) : '', target: verdict(down >= TARGET_PER_SEC, `≥ ${TARGET_PER_SEC}/s`) });
    }
    if (ds) {
      rows.push({ name: `${DS_NODES} simulated nodes registered and Ready`, value: `${round(ds.registerMs / 1000, 1)} s` });
      rows.push({ name: `DaemonSet on ${DS_NODES} nodes, to all available`, value: `${round(ds.availableMs / 1000, 1)} s` });
    }
    if (kill) rows.push({ name: `recovery after killing a node of ${kill.onKilled} pods`, value: `${round((kill.recoveryMs - kill.configuredMs) / 1000, 1)} s`, target: `beyond ${kill.configuredMs / 1000} s grace + toleration (total ${round(kill.recoveryMs / 1000, 1)} s); as upstream, up to 10 s lease renewal + 2 × 5 s monitor period of it is waiting` });
    printTable('replicas (simulated runtime)', rows);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(`${failures.length} phase(s) failed:\n  ${failures.join('\n  ')}`);
}
