// The HTTPS server an agent runs so the API server can reach its node for logs, exec, attach and
// port-forward, as kube-apiserver reaches kubelet's :10250 (pkg/kubelet/server/server.go paths:
// /containerLogs/{ns}/{pod}/{container}, /exec|/attach/{ns}/{pod}/{container}, /portForward/{ns}/{pod}).
// Authenticated with the cluster's bearer token. Exec and attach speak the same WebSocket channel
// protocol as the API server's clients; each port-forward connection is one WebSocket of raw bytes,
// opened by a text message saying whether the pod port answered.
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer, type Server } from 'node:https';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { StatusError, badRequest, internalError, unauthorized } from '../../api/errors.js';
import { parseLogOptions } from '../../apiserver/handlers/pod-streams/log.js';
import { parseRemoteCommandOptions, serveRemoteCommand } from '../../apiserver/handlers/pod-streams/remote-command.js';
import { acceptWebSocket, rejectUpgrade } from '../../apiserver/streaming/websocket.js';
import type { NodeConnection } from '../connection.js';
import { WebSocketDuplex } from './ws-duplex.js';

export const DEFAULT_KUBELET_PORT = 10250;
export const PORT_FORWARD_STREAM_PROTOCOL = 'kubelite.portforward.v1';

export interface KubeletServerOptions {
  connection: NodeConnection;
  token: string;
  tls: { cert: string; key: string };
  host: string;
  /** 0 picks a free port; the agent records the one listened on in Node.status.daemonEndpoints. */
  port: number;
  log?: (msg: string) => void;
}

type Route = { kind: 'containerLogs' | 'exec' | 'attach'; namespace: string; pod: string; container: string } | { kind: 'portForward'; namespace: string; pod: string };

export function parseKubeletPath(pathname: string): Route | undefined {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  const [kind, namespace, pod, container] = parts;
  if (!namespace || !pod) return undefined;
  if ((kind === 'containerLogs' || kind === 'exec' || kind === 'attach') && container && parts.length === 4) return { kind, namespace, pod, container };
  if (kind === 'portForward' && parts.length === 3) return { kind, namespace, pod };
  return undefined;
}

const notFound = () => new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});

export class KubeletServer {
  private http?: Server;
  private readonly log: (msg: string) => void;

  constructor(private readonly opts: KubeletServerOptions) {
    this.log = opts.log ?? ((m) => process.stderr.write(`${m}\n`));
  }

  async listen(): Promise<number> {
    const expected = Buffer.from(`Bearer ${this.opts.token}`);
    const authorized = (h: string | undefined) => { const got = Buffer.from(h ?? ''); return got.length === expected.length && timingSafeEqual(got, expected); };
    this.http = createServer({ cert: this.opts.tls.cert, key: this.opts.tls.key, requestTimeout: 0 }, (req, res) => {
      if (!authorized(req.headers.authorization)) { req.resume(); this.fail(res, unauthorized()); return; }
      this.request(req, res).catch((err) => this.fail(res, err));
    });
    this.http.on('upgrade', (req: IncomingMessage, socket: Duplex, head: Buffer) => {
      socket.on('error', () => socket.destroy());
      if (!authorized(req.headers.authorization)) { rejectUpgrade(socket, unauthorized()); return; }
      this.upgrade(req, socket, head).catch((err) => {
        if (socket.writable) rejectUpgrade(socket, err instanceof StatusError ? err : internalError(err));
      });
    });
    await new Promise<void>((resolve, reject) => {
      this.http!.once('error', reject);
      this.http!.listen(this.opts.port, this.opts.host, () => resolve());
    });
    return (this.http.address() as AddressInfo).port;
  }

  async close(): Promise<void> {
    const http = this.http;
    if (!http) return;
    await new Promise<void>((resolve) => { http.close(() => resolve()); http.closeAllConnections(); });
  }

  private fail(res: ServerResponse, err: unknown): void {
    const se = err instanceof StatusError ? err : internalError(err);
    if (!(err instanceof StatusError)) this.log(`kubelet server: ${err instanceof Error ? err.stack : String(err)}`);
    if (res.headersSent) { res.destroy(); return; }
    const body = JSON.stringify(se.toStatus());
    res.writeHead(se.code, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) });
    res.end(body);
  }

  private async request(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = parseKubeletPath(url.pathname);
    if (!route || route.kind !== 'containerLogs' || req.method !== 'GET') throw notFound();
    const opts = { ...parseLogOptions(url.searchParams, route.pod), container: route.container };
    const body = await this.opts.connection.logs(route.namespace, route.pod, opts);
    res.writeHead(200, { 'Content-Type': 'text/plain', 'Transfer-Encoding': 'chunked' });
    res.on('close', () => body.destroy());
    body.on('error', () => res.destroy());
    body.pipe(res);
  }

  private async upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://localhost');
    const route = parseKubeletPath(url.pathname);
    if (!route) throw notFound();
    const conn = this.opts.connection;
    if (route.kind === 'exec' || route.kind === 'attach') {
      const opts = parseRemoteCommandOptions(url.searchParams);
      return serveRemoteCommand(route.kind, { conn, namespace: route.namespace, pod: route.pod, container: route.container }, opts, req, socket, head);
    }
    if (route.kind !== 'portForward') throw notFound();
    const port = Number(url.searchParams.get('port'));
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw badRequest(`invalid port ${JSON.stringify(url.searchParams.get('port') ?? '')}`);
    const ws = await acceptWebSocket(req, socket, head, PORT_FORWARD_STREAM_PROTOCOL);
    let target: Duplex;
    try {
      target = await conn.portForward(route.namespace, route.pod, port);
    } catch (err) {
      ws.send(JSON.stringify({ error: err instanceof Error ? err.message : String(err) }), () => ws.close(1000));
      return;
    }
    ws.send(JSON.stringify({ ok: true }));
    const client = new WebSocketDuplex(ws);
    client.on('error', () => target.destroy());
    target.on('error', () => client.destroy());
    client.on('close', () => target.destroy());
    client.pipe(target);
    target.pipe(client);
  }
}

