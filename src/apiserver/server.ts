// The HTTP front of the API server: bearer-token authentication, request routing, and one place
// that renders every failure as a Kubernetes Status.
import type { Server, IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { timingSafeEqual } from 'node:crypto';
import { unauthorized } from '../api/errors.js';
import type { KindDef } from '../api/kind.js';
import type { Store } from '../store/store.js';
import type { Clock } from '../util/clock.js';
import { Discovery } from './discovery.js';
import type { ApiContext } from './handlers/context.js';
import { sendError } from './http/respond.js';
import { Registry, type AdmissionConfig } from './registry/registry.js';
import { createRouter } from './router.js';
import { podStreamUpgrade } from './handlers/pod-streams/index.js';
import { rejectUpgrade } from './streaming/websocket.js';
import type { NodeConnections } from '../node/connection.js';

/** Paths anyone may read, as kube-apiserver's system:public-info-viewer allows. */
const PUBLIC_PATHS = new Set(['/version', '/livez', '/readyz', '/healthz']);

export interface ApiServerOptions {
  store: Store;
  kinds: KindDef[];
  clock: Clock;
  token: string;
  host: string;
  port: number;
  /** PEM serving certificate and key: the API is served over TLS only. */
  tls: { cert: string; key: string };
  /** How to reach nodes' kubelets for pods/log, exec, attach and portforward. */
  nodes?: NodeConnections;
  log?: (msg: string) => void;
  /** Settings of the admission plugins (e.g. DefaultTolerationSeconds' seconds). */
  admission?: AdmissionConfig;
}

export class ApiServer {
  readonly registry: Registry;
  readonly discovery: Discovery;
  private http?: Server;
  private readonly abort = new AbortController();
  private readonly log: (msg: string) => void;
  private ready = false;

  constructor(private readonly opts: ApiServerOptions) {
    const nsDef = opts.kinds.find((k) => k.kind === 'Namespace' && k.group === '')!;
    this.registry = new Registry(opts.store, opts.clock, nsDef, opts.admission);
    this.discovery = new Discovery(opts.kinds, `${opts.host}:${opts.port}`);
    this.log = opts.log ?? ((m) => process.stderr.write(`${m}\n`));
  }

  kind(group: string, kind: string): KindDef {
    const d = this.opts.kinds.find((k) => k.group === group && k.kind === kind);
    if (!d) throw new Error(`unknown kind ${group}/${kind}`);
    return d;
  }

  async listen(): Promise<number> {
    const ctx: ApiContext = { registry: this.registry, discovery: this.discovery, clock: this.opts.clock, log: this.log, shutdown: this.abort.signal };
    const route = createRouter(ctx, () => this.ready, this.opts.nodes);
    const expected = Buffer.from(this.opts.token);
    const authorized = (header: string | undefined): boolean => {
      const m = /^Bearer\s+(.+)$/i.exec(header ?? '');
      if (!m) return false;
      const got = Buffer.from(m[1]!.trim());
      return got.length === expected.length && timingSafeEqual(got, expected);
    };
    this.http = createServer({ cert: this.opts.tls.cert, key: this.opts.tls.key, keepAliveTimeout: 65_000, requestTimeout: 0 }, (req: IncomingMessage, res: ServerResponse) => {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (!PUBLIC_PATHS.has(url.pathname) && !authorized(req.headers.authorization)) {
        req.resume();
        sendError(res, unauthorized(), this.log);
        return;
      }
      route(req, res, url).catch((err) => sendError(res, err, this.log));
    });
    // exec, attach and port-forward arrive as WebSocket (or SPDY) upgrades.
    this.http.on('upgrade', (req: IncomingMessage, socket: import('node:stream').Duplex, head: Buffer) => {
      if (!authorized(req.headers.authorization)) { rejectUpgrade(socket, unauthorized()); return; }
      void podStreamUpgrade(ctx, this.opts.nodes, req, socket, head);
    });
    this.http.headersTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      this.http!.once('error', reject);
      this.http!.listen(this.opts.port, this.opts.host, () => resolve());
    });
    return (this.http.address() as AddressInfo).port;
  }

  setReady(v: boolean): void { this.ready = v; }

  async close(): Promise<void> {
    this.ready = false;
    this.abort.abort();
    const http = this.http;
    if (!http) return;
    await new Promise<void>((resolve) => { http.close(() => resolve()); http.closeAllConnections(); });
  }
}
