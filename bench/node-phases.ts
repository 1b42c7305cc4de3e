// The node benchmark's cluster phases: pods on the process runtime end to end, the simulated runtime
// at scale, and the agent's memory with a full node of long-running pods.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Node } from 'kubernetes-types/core/v1.js';
import { createPods, NAMESPACE, podIndex, waitNodesReady, type PodShape } from './cluster-ops.js';
import { expectStatus, keepAliveAgent, request } from './https-client.js';
import { markedProcesses } from './node-cleanup.js';
import { BenchCluster } from './node-cluster.js';
import { PodWatch } from './pod-watch.js';
import { memoryOf } from './server-process.js';
import { quantile } from './stats.js';
import { claimPodCidr, SHARED_BRIDGE_BLOCKS } from '../src/node/sandbox/pod-cidr-claims.js';

export interface Latency { p50Ms: number; p99Ms: number }

export interface Startup {
  count: number;
  /** Less than count when the run stopped waiting (simulated runtime only). */
  started: number;
  clients: number;
  /** Pods whose container started, per second, from the first create sent to the last start seen. */
  startedPerSec: number;
  /** API creates acknowledged per second (the same run's ceiling for anything downstream). */
  createPerSec: number;
  toRunning: Latency;
  serverCpuMs: number;
  agentCpuMs: number;
}

export interface ProcessRun extends Startup {
  /** Pods of `true` that ended Failed (a runtime defect); the first few with their container state. */
  failedCount: number;
  failedPods: string[];
  toSucceeded: Latency;
  podIP: string;
  /** Pods created one at a time after the burst, each once the previous one has Succeeded. */
  idle: number;
  idleToRunning: Latency;
  idleToSucceeded: Latency;
}
export interface SimulatedRun extends Startup {
  nodes: number;
  /** Until the last DELETED event; over `deleted` pods when fewer than count went in time. */
  deleteMs: number;
  deleted: number;
}
export interface AgentMemory {
  pods: number;
  allocatablePods: number;
  idleRssMiB: number;
  rssMiB: number;
  perPodKiB: number;
  /** idle + 500 × per-pod: an extrapolation, used only when the node holds fewer than 500 pods. */
  extrapolated500MiB?: number;
  /** Proportional set size of every process the pods run (supervisors, sandbox chains, sleeps). */
  podProcessesPssMiB: number;
  podProcesses: number;
  startedPerSec: number;
}

const WAIT_MS = 90_000;
// A /24 of its own for each process node: other servers (tests, a user's) may share the kubelite0
// bridge. Claimed in the tests' registry, so a bench run beside the test suite never shares a block.
const claimedPodCidr = () => claimPodCidr(SHARED_BRIDGE_BLOCKS);
// Keep the whole bench within ~4 minutes when the simulated run is slow: what was done by then is reported.
const SIM_PARTIAL_AFTER_MS = 75_000;
const SIM_DELETE_PARTIAL_AFTER_MS = 30_000;

/** Quantiles over the pods that got there (NaN: never seen). */
function latency(at: Float64Array, sentAt: Float64Array, from = 0): Latency {
  const d: number[] = [];
  for (let i = from; i < Math.min(at.length, sentAt.length); i++) if (!Number.isNaN(at[i]!)) d.push(at[i]! - sentAt[i]!);
  return { p50Ms: quantile(d, 0.5), p99Ms: quantile(d, 0.99) };
}

const maxOf = (xs: Float64Array) => xs.reduce((m, x) => (x > m ? x : m), -Infinity); // NaN-skipping

/**
 * Creates `count` pods of `shape` and waits until each one's container has started. With `partialAfterMs`
 * a slow run stops waiting then and reports what started by that time (`started` < `count`).
 */
async function startPods(c: BenchCluster, w: PodWatch, count: number, clients: number, shape: PodShape, partialAfterMs?: number): Promise<Startup & { sentAt: Float64Array }> {
  const cpu0 = c.cpuMs();
  c.created = count;
  const created = await createPods(c.ep, count, clients, shape);
  try {
    await w.until(() => w.startedCount >= count, partialAfterMs ?? WAIT_MS, () => `${w.startedCount}/${count} pods started`);
  } catch (e) {
    if (partialAfterMs === undefined || w.startedCount === 0 || !/^timed out/.test((e as Error).message)) throw e;
  }
  const cpu1 = c.cpuMs();
  const started = w.startedCount;
  return {
    count, started, clients, sentAt: created.sentAt,
    startedPerSec: started / ((maxOf(w.times.started) - created.firstSentAt) / 1000),
    createPerSec: created.perSec,
    toRunning: latency(w.times.started, created.sentAt),
    serverCpuMs: cpu1.server - cpu0.server, agentCpuMs: cpu1.agents - cpu0.agents,
  };
}

/** `kubelite server --runtime process`: pods running `true` once, on the server's own node. */
export async function processEndToEnd(dataDir: string, marker: string, count: number, clients: number, idle: number): Promise<ProcessRun> {
  const c = await BenchCluster.start(dataDir, ['--runtime', 'process', '--pod-cidr', claimedPodCidr()], marker);
  try {
    await waitNodesReady(c.ep, 1);
    const w = await PodWatch.open(c.ep, NAMESPACE, count + idle, podIndex);
    try {
      const shape: PodShape = { command: ['true'], restartPolicy: 'Never', marker };
      w.failFast = false; // a pod of `true` that fails is a finding to report beside the figures
      const s = await startPods(c, w, count, clients, shape);
      await w.until(() => w.succeededCount + w.failedCount >= count, WAIT_MS, () => `${w.succeededCount}/${count} pods Succeeded, ${w.failedCount} Failed`);
      const failedPods = [...w.failed];
      const { sentAt, ...rest } = s;
      const toSucceeded = latency(w.times.succeeded, sentAt);
      // Then one pod at a time on the now idle node: the pipeline's own latency, without queueing. The
      // node is idle once it has torn down the burst's sandboxes (the first pod used to wait ~100 ms on that).
      await c.quiet();
      const idleSent = new Float64Array(count + idle).fill(NaN);
      for (let i = count; i < count + idle; i++) {
        c.created = i + 1;
        idleSent[i] = (await createPods(c.ep, 1, 1, shape, i)).firstSentAt;
        await w.until(() => !Number.isNaN(w.times.succeeded[i]!) || !Number.isNaN(w.times.failedAt[i]!), WAIT_MS, () => `pod ${i} not Succeeded`);
      }
      const run = { ...rest, failedCount: w.failedCount, failedPods: [...failedPods, ...w.failed.slice(failedPods.length)], toSucceeded, podIP: w.firstPodIP ?? '', idle, idleToRunning: latency(w.times.started, idleSent, count), idleToSucceeded: latency(w.times.succeeded, idleSent, count) };
      await c.deleteAll(w, count + idle);
      return run;
    } finally { w.close(); }
  } finally {
    const killed = await c.stop();
    if (killed) throw new Error(`${killed} container process(es) outlived their pods`);
  }
}

/** A simulated server node plus one agent hosting `agentNodes` simulated nodes, `count` pods that run until deleted. */
export async function simulatedScale(dataDir: string, marker: string, count: number, clients: number, agentNodes: number): Promise<SimulatedRun> {
  const c = await BenchCluster.start(dataDir, ['--runtime', 'simulated'], marker);
  try {
    // Room for every pod on the agent's nodes alone; the server's node keeps the kubelet default of 110.
    await c.addAgent({ name: 'sim', runtime: 'simulated', count: agentNodes, capacity: `cpu=32,memory=256Gi,pods=${Math.ceil(count / agentNodes)}` });
    await waitNodesReady(c.ep, agentNodes + 1);
    const w = await PodWatch.open(c.ep, NAMESPACE, count, podIndex);
    try {
      const { sentAt: _s, ...s } = await startPods(c, w, count, clients, { command: ['sleep', '3600'], restartPolicy: 'Always', marker }, SIM_PARTIAL_AFTER_MS);
      const del = await c.deleteAll(w, count, SIM_DELETE_PARTIAL_AFTER_MS);
      return { ...s, nodes: agentNodes + 1, deleteMs: del.ms, deleted: del.deleted };
    } finally { w.close(); }
  } finally {
    c.created = 0; // simulated pods hold nothing on the machine: stopping the server and removing its data is enough
    await c.stop();
  }
}

/** `kubelite agent --runtime process` (server --no-node) filled with `sleep 3600` pods up to its pod limit. */
export async function agentMemory(dataDir: string, marker: string, want: number, clients: number): Promise<AgentMemory> {
  const c = await BenchCluster.start(dataDir, ['--no-node'], marker);
  try {
    // A /23 of its own: 500 pods need more addresses than a /24 holds.
    const podCidr = `10.244.${100 + 2 * Math.floor(Math.random() * 75)}.0/23`;
    const agent = await c.addAgent({ name: 'bench-process', runtime: 'process', podCidr, maxPods: want });
    await waitNodesReady(c.ep, 1);
    const allocatablePods = await nodeAllocatablePods(c, 'bench-process');
    const count = Math.min(want, allocatablePods);
    await new Promise((r) => setTimeout(r, 1000)); // the agent's start-up garbage settles
    const idle = memoryOf(agent.pid).rssMiB;
    const w = await PodWatch.open(c.ep, NAMESPACE, count, podIndex);
    try {
      const s = await startPods(c, w, count, clients, { command: ['sleep', '3600'], restartPolicy: 'Always', marker });
      await new Promise((r) => setTimeout(r, 2000)); // status writes and events after the starts finish
      const rss = memoryOf(agent.pid).rssMiB;
      const procs = markedProcesses(marker);
      const perPodKiB = ((rss - idle) * 1024) / count;
      const m: AgentMemory = {
        pods: count, allocatablePods, idleRssMiB: idle, rssMiB: rss, perPodKiB,
        extrapolated500MiB: count < 500 ? idle + (500 * perPodKiB) / 1024 : undefined,
        podProcessesPssMiB: procs.reduce((sum, p) => sum + pssKiB(p.pid), 0) / 1024,
        podProcesses: procs.length,
        startedPerSec: s.startedPerSec,
      };
      await c.deleteAll(w, count);
      const left = markedProcesses(marker);
      if (left.length) throw new Error(`${left.length} pod process(es) still running after their pods were deleted: ${left.slice(0, 3).map((p) => p.cmd).join('; ')}`);
      return m;
    } finally { w.close(); }
  } finally {
    const killed = await c.stop();
    if (killed) throw new Error(`${killed} container process(es) outlived their pods`);
  }
}

async function nodeAllocatablePods(c: BenchCluster, name: string): Promise<number> {
  const agent = keepAliveAgent(c.ep, 1);
  try {
    const res = expectStatus(await request(c.ep, agent, 'GET', `/api/v1/nodes/${name}`), 200, `get node ${name}`);
    return Number((JSON.parse(res.body.toString('utf8')) as Node).status?.allocatable?.pods ?? NaN);
  } finally { agent.destroy(); }
}

function pssKiB(pid: number): number {
  try {
    return Number(/^Pss:\s+(\d+) kB/m.exec(readFileSync(join('/proc', String(pid), 'smaps_rollup'), 'utf8'))?.[1] ?? 0);
  } catch { return 0; }
}
