// Cluster-level steps of the node benchmark over HTTPS: waiting for Ready nodes, creating the bench's
// pods with their send times recorded, deleting them.
import { performance } from 'node:perf_hooks';
import type { Node } from 'kubernetes-types/core/v1.js';
import { runLoad, type LoadResult } from './api-phases.js';
import { expectStatus, keepAliveAgent, request, type Endpoint } from './https-client.js';

export const NAMESPACE = 'default';
const PODS_PATH = `/api/v1/namespaces/${NAMESPACE}/pods`;
const PREFIX = 'nb-';
const DIGITS = 5;

export const podName = (i: number) => `${PREFIX}${String(i).padStart(DIGITS, '0')}`;

/** The index in a podName, or -1 for any other name. */
export function podIndex(name: string): number {
  if (!name.startsWith(PREFIX) || name.length !== PREFIX.length + DIGITS) return -1;
  const i = Number(name.slice(PREFIX.length));
  return Number.isInteger(i) ? i : -1;
}

export interface PodShape {
  command: string[];
  restartPolicy: 'Always' | 'Never';
  /** Put in every container's environment so leftover processes can be found by it. */
  marker: string;
}

export function podManifest(i: number, s: PodShape): string {
  return JSON.stringify({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: podName(i), labels: { app: 'node-bench' } },
    spec: {
      restartPolicy: s.restartPolicy,
      terminationGracePeriodSeconds: 1,
      containers: [{ name: 'c', image: 'busybox:1.36', command: s.command, env: [{ name: 'KUBELITE_BENCH', value: s.marker }] }],
    },
  });
}

/** Polls until `count` nodes report Ready=True. */
export async function waitNodesReady(ep: Endpoint, count: number, timeoutMs = 30_000): Promise<void> {
  const agent = keepAliveAgent(ep, 1);
  const deadline = performance.now() + timeoutMs;
  try {
    for (;;) {
      const res = expectStatus(await request(ep, agent, 'GET', '/api/v1/nodes'), 200, 'list nodes');
      const nodes = (JSON.parse(res.body.toString('utf8')) as { items: Node[] }).items;
      const ready = nodes.filter((n) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')).length;
      if (ready >= count) return;
      if (performance.now() > deadline) throw new Error(`${ready}/${count} nodes Ready after ${timeoutMs} ms`);
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally { agent.destroy(); }
}

export interface Created extends LoadResult {
  /** performance.now() when each create request was sent. */
  sentAt: Float64Array;
  firstSentAt: number;
}

/** Creates pods first..first+count-1; sentAt is indexed from 0 (= pod `first`). */
export async function createPods(ep: Endpoint, count: number, clients: number, shape: PodShape, first = 0): Promise<Created> {
  const sentAt = new Float64Array(count);
  const r = await runLoad(ep, count, clients, (i) => ({ method: 'POST', path: PODS_PATH, body: podManifest(first + i, shape), want: 201 }), (i, sent) => { sentAt[i] = sent; });
  return { ...r, sentAt, firstSentAt: sentAt.reduce((m, x) => Math.min(m, x), Infinity) };
}

/** Deletes pods 0..count-1 (one DELETE each, as kubectl delete does); a pod already gone is fine. */
export async function deletePods(ep: Endpoint, count: number, clients: number): Promise<LoadResult> {
  const agent = keepAliveAgent(ep, clients);
  let next = 0;
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: clients }, async () => {
      while (next < count) {
        const path = `${PODS_PATH}/${podName(next++)}`;
        const res = await request(ep, agent, 'DELETE', path);
        // 202: this server answers a graceful deletion so (upstream answers 200); 404: already gone.
        if (res.status !== 200 && res.status !== 202 && res.status !== 404) expectStatus(res, 200, `DELETE ${path}`);
      }
    }));
  } finally { agent.destroy(); }
  return { count, perSec: count / ((performance.now() - t0) / 1000), p50Ms: NaN, p99Ms: NaN, sample: '' };
}
