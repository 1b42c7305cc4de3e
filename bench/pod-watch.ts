// Watches the bench's pods and notes, per pod, when (bench clock, on receipt) its container first
// showed as started, when it reached a terminal phase and when it was deleted. Status timestamps have
// one-second precision, so receipt times are the measure; watch delivery lag is part of the figure.
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { expectStatus, keepAliveAgent, request, type Endpoint } from './https-client.js';

export interface PodTimes {
  /** Container state running or terminated first seen. */
  started: Float64Array;
  succeeded: Float64Array;
  failedAt: Float64Array;
  deleted: Float64Array;
}

export class PodWatch {
  readonly times: PodTimes;
  startedCount = 0;
  succeededCount = 0;
  deletedCount = 0;
  failedCount = 0;
  /** Whether a Failed pod ends every wait at once (otherwise callers count them). */
  failFast = true;
  failed: string[] = [];
  /** Set once the bench deletes its pods: a deleted pod's containers are killed, so Failed is expected. */
  deleting = false;
  /** The first pod IP seen: 10.x in namespaces mode, 127.x in loopback mode. */
  firstPodIP?: string;
  private res?: IncomingMessage;
  private readonly agent: Agent;
  private waiters: Array<() => void> = [];
  private error?: Error;

  private constructor(private readonly indexOf: (name: string) => number, count: number, agent: Agent) {
    this.times = { started: new Float64Array(count).fill(NaN), succeeded: new Float64Array(count).fill(NaN), failedAt: new Float64Array(count).fill(NaN), deleted: new Float64Array(count).fill(NaN) };
    this.agent = agent;
  }

  /** Lists then watches pods in `namespace` from the list's resourceVersion. */
  static async open(ep: Endpoint, namespace: string, count: number, indexOf: (name: string) => number): Promise<PodWatch> {
    const path = `/api/v1/namespaces/${namespace}/pods`;
    const admin = keepAliveAgent(ep, 1);
    let rv: string;
    try {
      const list = expectStatus(await request(ep, admin, 'GET', `${path}?limit=1`), 200, 'list pods');
      rv = (JSON.parse(list.body.toString('utf8')) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;
    } finally { admin.destroy(); }
    const w = new PodWatch(indexOf, count, new Agent({ keepAlive: false, ca: ep.ca }));
    await new Promise<void>((resolve, reject) => {
      const req = httpsRequest({ host: ep.host, port: ep.port, path: `${path}?watch=1&resourceVersion=${rv}`, agent: w.agent, headers: { Authorization: `Bearer ${ep.token}`, Accept: 'application/json' } }, (res) => {
        w.res = res;
        if (res.statusCode !== 200) { reject(new Error(`pod watch: HTTP ${res.statusCode}`)); return; }
        resolve();
        res.setEncoding('utf8');
        let buf = '';
        res.on('data', (chunk: string) => {
          const now = performance.now();
          buf += chunk;
          let start = 0;
          for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
            w.onEvent(buf.slice(start, nl), now);
            start = nl + 1;
          }
          buf = buf.slice(start);
          w.notify();
        });
        res.on('end', () => w.fail(new Error('pod watch ended')));
        res.on('error', (e) => w.fail(e));
      });
      req.on('error', reject);
      req.end();
    });
    return w;
  }

  private onEvent(line: string, now: number): void {
    if (!line) return;
    const ev = JSON.parse(line) as { type: string; object: Pod };
    const i = this.indexOf(ev.object.metadata?.name ?? '');
    if (i < 0) return;
    const t = this.times;
    if (ev.type === 'DELETED') {
      if (Number.isNaN(t.deleted[i]!)) { t.deleted[i] = now; this.deletedCount++; }
      return;
    }
    const st = ev.object.status;
    if (!this.firstPodIP && st?.podIP) this.firstPodIP = st.podIP;
    const state = st?.containerStatuses?.[0]?.state;
    if ((state?.running || state?.terminated) && Number.isNaN(t.started[i]!)) { t.started[i] = now; this.startedCount++; }
    if (st?.phase === 'Succeeded' && Number.isNaN(t.succeeded[i]!)) { t.succeeded[i] = now; this.succeededCount++; }
    if (st?.phase === 'Failed' && !this.deleting && Number.isNaN(t.failedAt[i]!)) {
      t.failedAt[i] = now;
      this.failedCount++;
      if (this.failed.length < 5) this.failed.push(`${ev.object.metadata?.name}: ${JSON.stringify(st.containerStatuses?.[0]?.state)}`);
    }
  }

  private fail(e: Error): void {
    this.error ??= e;
    this.notify();
  }

  private notify(): void {
    const ws = this.waiters;
    this.waiters = [];
    ws.forEach((f) => f());
  }

  /** Resolves once `done()` holds; rejects after timeoutMs (saying what `progress` reports) or if the watch breaks. */
  async until(done: () => boolean, timeoutMs: number, progress: () => string): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    while (!done()) {
      if (this.error) throw this.error;
      if (this.failFast && this.failed.length) throw new Error(`pods failed: ${this.failed.join('; ')}`);
      const left = deadline - performance.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms: ${progress()}`);
      await new Promise<void>((res) => {
        const t = setTimeout(res, Math.min(left, 1000));
        this.waiters.push(() => { clearTimeout(t); res(); });
      });
    }
  }

  close(): void {
    this.res?.destroy();
    this.agent.destroy();
  }
}
