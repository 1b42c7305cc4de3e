// HTTPS requests to the API server as client-go's rest client makes them: one keep-alive agent
// (so a thousand simulated nodes' heartbeats share a few connections), the kubeconfig's CA and
// bearer token, JSON bodies, and non-2xx answers turned back into the StatusError the server threw
// (so isNotFound/isConflict work the same as with LocalClient).
import { Agent as HttpAgent, request as httpRequest, type IncomingMessage } from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import { StatusError, type StatusDetails } from '../api/errors.js';
import type { ClusterAccess } from './kubeconfig.js';

export interface RequestOptions {
  method: string;
  /** Path and query, e.g. /api/v1/nodes?limit=500. */
  path: string;
  body?: unknown;
  contentType?: string;
  /** Accept header (default application/json), e.g. a Table or aggregated discovery. */
  accept?: string;
}

const REASON_BY_CODE: Record<number, string> = {
  400: 'BadRequest', 401: 'Unauthorized', 403: 'Forbidden', 404: 'NotFound', 405: 'MethodNotAllowed',
  409: 'Conflict', 410: 'Gone', 422: 'Invalid', 429: 'TooManyRequests', 500: 'InternalError', 503: 'ServiceUnavailable', 504: 'Timeout',
};

const REQUEST_SOCKETS = 16; // like client-go's connection reuse: a bounded pool of TLS connections for requests

export class Transport {
  private readonly agent: HttpAgent;
  private readonly watchAgent: HttpAgent;
  private readonly base: URL;
  private readonly request: typeof httpsRequest;

  constructor(readonly access: Pick<ClusterAccess, 'server' | 'caPem' | 'token' | 'certPem' | 'keyPem' | 'insecureSkipTlsVerify'>, readonly userAgent = 'kubelite-agent/v1.33.0') {
    this.base = new URL(access.server);
    const tlsOpts = { ca: access.caPem, cert: access.certPem, key: access.keyPem, rejectUnauthorized: !access.insecureSkipTlsVerify };
    const https = this.base.protocol === 'https:';
    // Ordinary requests share a bounded pool (an unbounded one opens a new TLS connection for nearly
    // every request under load); watches hold a socket each, so they get their own unbounded pool.
    const make = (bounded: boolean) => {
      const o = { keepAlive: true, maxFreeSockets: bounded ? REQUEST_SOCKETS : 64, ...(bounded ? { maxSockets: REQUEST_SOCKETS } : {}) };
      return https ? new HttpsAgent({ ...o, ...tlsOpts }) : new HttpAgent(o);
    };
    this.agent = make(true);
    this.watchAgent = make(false);
    this.request = https ? httpsRequest : (httpRequest as unknown as typeof httpsRequest);
  }

  private headers(contentType?: string, hasBody = false, accept = 'application/json'): Record<string, string> {
    const h: Record<string, string> = { Accept: accept, 'User-Agent': this.userAgent };
    if (this.access.token) h.Authorization = `Bearer ${this.access.token}`;
    if (hasBody) h['Content-Type'] = contentType ?? 'application/json';
    return h;
  }

  /** Opens a request and resolves with the response (status not checked); the caller reads the body. */
  open(opts: RequestOptions & { watch?: boolean }, signal?: AbortSignal): Promise<IncomingMessage> {
    const payload = opts.body === undefined ? undefined : Buffer.from(JSON.stringify(opts.body));
    return new Promise((resolve, reject) => {
      const req = this.request({
        protocol: this.base.protocol, hostname: this.base.hostname.replace(/^\[|\]$/g, ''), port: this.base.port,
        path: this.base.pathname.replace(/\/$/, '') + opts.path, method: opts.method, agent: opts.watch ? this.watchAgent : this.agent,
        headers: { ...this.headers(opts.contentType, !!payload, opts.accept), ...(payload ? { 'Content-Length': String(payload.length) } : {}) },
        signal,
      }, resolve);
      req.on('error', reject);
      req.end(payload);
    });
  }

  /** A request whose answer is a JSON object; a non-2xx answer throws its StatusError. */
  async json<T>(opts: RequestOptions): Promise<T> {
    const res = await this.open(opts);
    const text = await readAll(res);
    const code = res.statusCode ?? 0;
    if (code < 200 || code > 299) throw statusErrorFrom(code, text);
    return JSON.parse(text) as T;
  }

  close(): void { this.agent.destroy(); this.watchAgent.destroy(); }
}

/** The whole body as text. Listeners, not `for await`: the async iterator's machinery costs a CLI
 *  command ~0.7 ms of cold code on its one response. */
export function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.once('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.once('error', reject); // a connection lost mid-body: IncomingMessage's 'aborted' (ECONNRESET)
    res.once('close', () => { if (!res.complete) reject(new Error('aborted')); });
  });
}

/** The StatusError a Status body describes (or one made from the HTTP code when the body is not a Status). */
export function statusErrorFrom(code: number, body: string | object): StatusError {
  let s: { kind?: string; code?: number; reason?: string; message?: string; details?: StatusDetails } | undefined;
  if (typeof body === 'object') s = body;
  else {
    try { s = JSON.parse(body) as typeof s; } catch { s = undefined; }
  }
  if (s?.kind === 'Status') return new StatusError(s.code ?? code, s.reason ?? REASON_BY_CODE[code] ?? '', s.message ?? '', s.details);
  const text = typeof body === 'string' ? body.trim() : '';
  return new StatusError(code, REASON_BY_CODE[code] ?? 'Unknown', text || `the server responded with HTTP ${code}`);
}
