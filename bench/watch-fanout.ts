// Watch fan-out: many watchers on one collection, each of which must receive every write. Lag is
// taken per (watcher, event) from the bench's own clock, against the write's send and its ack.
import { Agent, request as httpsRequest } from 'node:https';
import type { IncomingMessage } from 'node:http';
import { performance } from 'node:perf_hooks';
import { runLoad } from './api-phases.js';
import { expectStatus, keepAliveAgent, request, type Endpoint } from './https-client.js';
import { quantile } from './stats.js';

const NAMESPACE = 'bench-watch';
const NAME_PREFIX = 'bw-';
const NAME_DIGITS = 5;
const DRAIN_TIMEOUT_MS = 60_000; // after the last write is acked, every watcher must be complete by then

export interface FanoutResult {
  watchers: number;
  events: number;
  writesPerSec: number;
  /** Receipt minus the write's acknowledgement; negative when the event beat the response. */
  lagAfterAckP50Ms: number;
  lagAfterAckP99Ms: number;
  /** Receipt minus the moment the write was sent: write latency plus delivery. */
  lagAfterSendP50Ms: number;
  lagAfterSendP99Ms: number;
  /** From the first write sent to the last event received by the last watcher. */
  totalMs: number;
}

interface WatchStream {
  received: number;
  problems: string[];
  res?: IncomingMessage;
}

export async function watchFanout(ep: Endpoint, watchers: number, events: number, concurrency: number): Promise<FanoutResult> {
  const admin = keepAliveAgent(ep, 1);
  const streamAgent = new Agent({ keepAlive: false, maxSockets: Infinity, ca: ep.ca });
  const streams: WatchStream[] = [];
  try {
    const ns = JSON.stringify({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NAMESPACE } });
    expectStatus(await request(ep, admin, 'POST', '/api/v1/namespaces', ns), 201, 'create namespace');
    const path = `/api/v1/namespaces/${NAMESPACE}/configmaps`;
    const list = expectStatus(await request(ep, admin, 'GET', path), 200, 'list configmaps');
    const rv = (JSON.parse(list.body.toString('utf8')) as { metadata: { resourceVersion: string } }).metadata.resourceVersion;

    // receivedAt[w * events + i]: when watcher w got the event for write i (NaN until then).
    const receivedAt = new Float64Array(watchers * events).fill(NaN);
    const sentAt = new Float64Array(events);
    const ackedAt = new Float64Array(events);
    let complete = 0;
    let lastReceipt = 0;
    let settle: (err?: Error) => void = () => undefined;
    const allDelivered = new Promise<void>((res, rej) => { settle = (err) => (err ? rej(err) : res()); });

    const open = (w: number) => new Promise<void>((resolve, reject) => {
      const s: WatchStream = { received: 0, problems: [] };
      streams.push(s);
      const req = httpsRequest({ host: ep.host, port: ep.port, path: `${path}?watch=1&resourceVersion=${rv}`, agent: streamAgent, headers: { Authorization: `Bearer ${ep.token}`, Accept: 'application/json' } }, (res) => {
        s.res = res;
        if (res.statusCode !== 200) { reject(new Error(`watcher ${w}: HTTP ${res.statusCode}`)); return; }
        resolve();
        res.setEncoding('utf8');
        let buf = '';
        const base = w * events;
        res.on('data', (chunk: string) => {
          const now = performance.now();
          buf += chunk;
          let start = 0;
          for (let nl = buf.indexOf('\n'); nl >= 0; nl = buf.indexOf('\n', start)) {
            const i = eventIndex(buf, start, nl, events);
            if (typeof i === 'string') s.problems.push(i);
            else if (!Number.isNaN(receivedAt[base + i]!)) s.problems.push(`duplicate event for write ${i}`);
            else {
              receivedAt[base + i] = now;
              if (++s.received === events) { lastReceipt = now; if (++complete === watchers) settle(); }
            }
            start = nl + 1;
          }
          buf = buf.slice(start);
          if (s.problems.length) settle(new Error(`watcher ${w}: ${s.problems.slice(0, 3).join('; ')}`));
        });
        res.on('end', () => { if (s.received < events) settle(new Error(`watcher ${w}: stream ended after ${s.received}/${events} events`)); });
        res.on('error', (e) => settle(new Error(`watcher ${w}: ${e.message}`)));
      });
      req.on('error', reject);
      req.end();
    });
    await Promise.all(Array.from({ length: watchers }, (_, w) => open(w)));

    const t0 = performance.now();
    const load = await runLoad(ep, events, concurrency, (i) => ({
      method: 'POST', path, want: 201,
      body: JSON.stringify({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: nameOf(i) }, data: { seq: String(i) } }),
    }), (i, sent, acked) => { sentAt[i] = sent; ackedAt[i] = acked; });

    const timer = setTimeout(() => {
      const short = streams.map((s, w) => [w, s.received] as const).filter(([, n]) => n < events);
      settle(new Error(`${short.length}/${watchers} watchers incomplete ${DRAIN_TIMEOUT_MS} ms after the last write; e.g. ${short.slice(0, 5).map(([w, n]) => `#${w}: ${n}/${events}`).join(', ')}`));
    }, DRAIN_TIMEOUT_MS);
    try { await allDelivered; } finally { clearTimeout(timer); }

    const afterAck = new Float64Array(receivedAt.length);
    const afterSend = new Float64Array(receivedAt.length);
    for (let k = 0; k < receivedAt.length; k++) {
      const i = k % events;
      afterAck[k] = receivedAt[k]! - ackedAt[i]!;
      afterSend[k] = receivedAt[k]! - sentAt[i]!;
    }
    return {
      watchers, events, writesPerSec: load.perSec,
      lagAfterAckP50Ms: quantile(afterAck, 0.5), lagAfterAckP99Ms: quantile(afterAck, 0.99),
      lagAfterSendP50Ms: quantile(afterSend, 0.5), lagAfterSendP99Ms: quantile(afterSend, 0.99),
      totalMs: lastReceipt - t0,
    };
  } finally {
    for (const s of streams) s.res?.destroy();
    streamAgent.destroy();
    admin.destroy();
  }
}

const nameOf = (i: number) => `${NAME_PREFIX}${String(i).padStart(NAME_DIGITS, '0')}`;

/** The write index an ADDED event line carries, or a description of what is wrong with the line. */
function eventIndex(buf: string, start: number, end: number, events: number): number | string {
  if (!buf.startsWith('{"type":"ADDED"', start)) return `unexpected event: ${buf.slice(start, Math.min(end, start + 300))}`;
  const marker = `"name":"${NAME_PREFIX}`;
  const at = buf.indexOf(marker, start);
  if (at < 0 || at > end) return `event without a ${NAME_PREFIX} name`;
  const i = Number(buf.slice(at + marker.length, at + marker.length + NAME_DIGITS));
  return Number.isInteger(i) && i >= 0 && i < events ? i : `bad name index in event`;
}
