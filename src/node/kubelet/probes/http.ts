// httpGet probes (pkg/probe/http http.go, request.go): GET with `User-Agent: kube-probe/1.33` and
// `Accept: */*` unless the probe sets them, no keep-alive, redirects followed only to the same host
// (at most 10), at most 10 KiB of body read. 200–299 succeed, 300–399 give a Warning (a success),
// anything else fails with `HTTP probe failed with statuscode: N`; transport errors fail with Go's
// client error text, e.g. `Get "http://10.244.0.5:8080/": dial tcp 10.244.0.5:8080: connect: connection refused`.
import * as http from 'node:http';
import * as https from 'node:https';
import type { Duplex } from 'node:stream';
import { MAX_PROBE_OUTPUT, type ProbeOutcome } from './result.js';
import { goDialError, joinHostPort } from './tcp.js';

export const PROBE_USER_AGENT = 'kube-probe/1.33';
const MAX_REDIRECTS = 10;

export interface HttpProbeTarget {
  scheme: 'HTTP' | 'HTTPS' | string;
  host: string;
  port: number;
  path: string;
  headers?: Array<{ name: string; value: string }>;
}

/** The probe URL as the kubelet formats it (prober.go formatURL). */
export function probeUrl(t: HttpProbeTarget): string {
  const path = t.path.startsWith('/') || t.path === '' ? t.path : `/${t.path}`;
  return `${t.scheme.toLowerCase()}://${joinHostPort(t.host, t.port)}${path}`;
}

export interface HttpProbeOptions {
  /** Opens the connection (e.g. into a pod's network namespace); defaults to a TCP connection. */
  dial?: (host: string, port: number) => Promise<Duplex>;
}

interface Answer { status: number; location?: string; body: string }

async function get(url: URL, headers: Record<string, string>, deadline: number, opts: HttpProbeOptions): Promise<Answer> {
  const mod = url.protocol === 'https:' ? https : http;
  const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const reqOpts: https.RequestOptions = {
    method: 'GET', host, port, path: `${url.pathname}${url.search}`, headers, agent: false, rejectUnauthorized: false,
  };
  if (opts.dial) {
    const sock = await withDeadline(opts.dial(host, port), deadline);
    delete reqOpts.agent; // createConnection is only used without an agent
    reqOpts.createConnection = () => sock as unknown as ReturnType<NonNullable<http.RequestOptions['createConnection']>>;
  }
  return new Promise((resolve, reject) => {
    const req = mod.request(reqOpts, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (c: Buffer) => { if (size < MAX_PROBE_OUTPUT) { chunks.push(c); size += c.length; } });
      res.on('end', () => { clearTimeout(timer); resolve({ status: res.statusCode ?? 0, location: res.headers.location, body: Buffer.concat(chunks).subarray(0, MAX_PROBE_OUTPUT).toString('utf8') }); });
      res.on('error', (e) => { clearTimeout(timer); reject(e); });
    });
    const timer = setTimeout(() => { req.destroy(timeoutError()); }, Math.max(0, deadline - Date.now()));
    req.on('error', (e) => { clearTimeout(timer); reject(e); });
    req.end();
  });
}

const timeoutError = () => Object.assign(new Error('timeout'), { code: 'PROBE_TIMEOUT' });

function withDeadline<T>(p: Promise<T>, deadline: number): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(timeoutError()), Math.max(0, deadline - Date.now()));
    p.then((v) => { clearTimeout(timer); resolve(v); }, (e) => { clearTimeout(timer); reject(e); });
  });
}

function goClientError(url: string, host: string, port: number, err: NodeJS.ErrnoException): string {
  const addr = joinHostPort(host, port);
  switch (err.code) {
    case 'PROBE_TIMEOUT': return `Get "${url}": context deadline exceeded (Client.Timeout exceeded while awaiting headers)`;
    case 'ENOTFOUND': case 'EAI_AGAIN': return `Get "${url}": dial tcp: lookup ${host}: no such host`;
    case 'ECONNRESET': return `Get "${url}": read tcp ${addr}: read: connection reset by peer`;
    case 'ECONNREFUSED': case 'EHOSTUNREACH': case 'ENETUNREACH': case 'ETIMEDOUT': case 'EADDRNOTAVAIL':
      return `Get "${url}": dial tcp ${addr}: ${goDialError(err)}`;
    default: return err.message === 'socket hang up' ? `Get "${url}": EOF` : `Get "${url}": ${err.message}`;
  }
}

export async function httpProbe(target: HttpProbeTarget, timeoutMs: number, opts: HttpProbeOptions = {}): Promise<ProbeOutcome> {
  const headers: Record<string, string> = { 'User-Agent': PROBE_USER_AGENT, Accept: '*/*', Connection: 'close' };
  for (const h of target.headers ?? []) {
    // A probe header replaces the default of the same name; an empty User-Agent drops it.
    for (const k of Object.keys(headers)) if (k.toLowerCase() === h.name.toLowerCase()) delete headers[k];
    if (h.name.toLowerCase() !== 'user-agent' || h.value !== '') headers[h.name] = h.value;
  }
  const start = probeUrl(target);
  const deadline = Date.now() + timeoutMs; // the probe's own timeout, not a clock the kubelet logic reads
  let url = new URL(start);
  for (let redirects = 0; ; redirects++) {
    let answer: Answer;
    try {
      answer = await get(url, headers, deadline, opts);
    } catch (err) {
      const port = Number(url.port || (url.protocol === 'https:' ? 443 : 80));
      return { result: 'failure', output: goClientError(url.href, url.hostname.replace(/^\[|\]$/g, ''), port, err as NodeJS.ErrnoException) };
    }
    if (answer.status >= 300 && answer.status < 400 && answer.location) {
      const next = new URL(answer.location, url);
      if (next.hostname === url.hostname) {
        if (redirects + 1 >= MAX_REDIRECTS) return { result: 'failure', output: `Get "${next.href}": stopped after ${MAX_REDIRECTS} redirects` };
        url = next;
        continue;
      }
    }
    if (answer.status >= 200 && answer.status < 300) return { result: 'success', output: answer.body };
    if (answer.status >= 300 && answer.status < 400) return { result: 'warning', output: `Probe terminated redirects, Response body: ${answer.body}` };
    return { result: 'failure', output: `HTTP probe failed with statuscode: ${answer.status}` };
  }
}
