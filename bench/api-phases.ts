// The create and list phases of the API benchmark: concurrent keep-alive clients against a running
// server, latency taken per request from the bench process.
import { performance } from 'node:perf_hooks';
import { expectStatus, keepAliveAgent, request, type Endpoint } from './https-client.js';
import { median, quantile } from './stats.js';

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io';

/**
 * A pod for a scheduler that does not run: the API benchmark measures the API server and store, so
 * the server's scheduler (which would mark every pod Unschedulable, one status write and one event
 * each, with no node) and kubelet leave these pods alone.
 */
export function podManifest(i: number): string {
  return JSON.stringify({
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: `bench-${String(i).padStart(5, '0')}`, labels: { app: 'bench', shard: String(i % 16) } },
    spec: { schedulerName: 'bench-unscheduled', containers: [{ name: 'main', image: 'busybox:1.36', command: ['sleep', '3600'] }] },
  });
}

export interface LoadResult {
  count: number;
  perSec: number;
  p50Ms: number;
  p99Ms: number;
  /** One stored object as the server answered it, for the SQLite baseline's row size. */
  sample: string;
}

/** Runs `count` requests from `concurrency` workers sharing one keep-alive agent. */
export async function runLoad(
  ep: Endpoint, count: number, concurrency: number,
  send: (i: number) => { method: string; path: string; body: string; want: number },
  /** Told each request's send and acknowledgement times (performance.now()). */
  record?: (i: number, sentAt: number, ackedAt: number) => void,
): Promise<LoadResult> {
  const agent = keepAliveAgent(ep, concurrency);
  const latencies = new Float64Array(count);
  let next = 0;
  let sample = '';
  const worker = async () => {
    while (next < count) {
      const i = next++;
      const r = send(i);
      const t = performance.now();
      const res = await request(ep, agent, r.method, r.path, r.body);
      const acked = performance.now();
      latencies[i] = acked - t;
      record?.(i, t, acked);
      expectStatus(res, r.want, `${r.method} ${r.path}`);
      if (i === 0) sample = res.body.toString('utf8');
    }
  };
  const t0 = performance.now();
  try {
    await Promise.all(Array.from({ length: concurrency }, worker));
  } finally {
    agent.destroy();
  }
  const secs = (performance.now() - t0) / 1000;
  return { count, perSec: count / secs, p50Ms: quantile(latencies, 0.5), p99Ms: quantile(latencies, 0.99), sample };
}

export function createPods(ep: Endpoint, count: number, concurrency: number): Promise<LoadResult> {
  return runLoad(ep, count, concurrency, (i) => ({ method: 'POST', path: '/api/v1/namespaces/default/pods', body: podManifest(i), want: 201 }));
}

export interface ListResult {
  jsonMs: number;
  jsonBytes: number;
  tableMs: number;
  tableBytes: number;
}

/** Median of `runs` full lists, plain and as the Table kubectl asks for; checks both hold every pod. */
export async function listPods(ep: Endpoint, want: number, runs = 5): Promise<ListResult> {
  const agent = keepAliveAgent(ep, 1);
  const path = '/api/v1/namespaces/default/pods';
  try {
    const timed = async (accept: string, countOf: (body: unknown) => number) => {
      const times: number[] = [];
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const t = performance.now();
        const res = expectStatus(await request(ep, agent, 'GET', path, undefined, { Accept: accept }), 200, `GET ${path}`);
        times.push(performance.now() - t);
        bytes = res.body.length;
        if (i === 0) {
          const n = countOf(JSON.parse(res.body.toString('utf8')) as unknown);
          if (n !== want) throw new Error(`GET ${path} (${accept}) returned ${n} items, want ${want}`);
        }
      }
      return { ms: median(times), bytes };
    };
    const json = await timed('application/json', (b) => (b as { items: unknown[] }).items.length);
    const table = await timed(TABLE_ACCEPT, (b) => (b as { rows: unknown[] }).rows.length);
    return { jsonMs: json.ms, jsonBytes: json.bytes, tableMs: table.ms, tableBytes: table.bytes };
  } finally {
    agent.destroy();
  }
}
