// The API server's side of a remote agent's kubelet server: a NodeConnection over HTTPS and
// WebSocket. Like kube-apiserver without --kubelet-certificate-authority, the kubelet's serving
// certificate is not verified; the bearer token authenticates the API server to the kubelet.
import { request } from 'node:https';
import type { Duplex, Readable } from 'node:stream';
import { WebSocket } from 'ws';
import { StatusError, internalError } from '../../api/errors.js';
import { CHANNEL_CLOSE, CHANNEL_ERROR, CHANNEL_RESIZE, CHANNEL_STDERR, CHANNEL_STDIN, CHANNEL_STDOUT, STREAM_PROTOCOL_V5 } from '../../apiserver/streaming/channel-protocol.js';
import type { LogOptions, NodeConnection, StreamIO } from '../connection.js';
import { PORT_FORWARD_STREAM_PROTOCOL } from './kubelet-server.js';
import { WebSocketDuplex } from './ws-duplex.js';

interface StatusBody { status?: string; message?: string; reason?: string; code?: number; details?: { causes?: Array<{ reason?: string; message?: string }> } }

/** A Status from the kubelet server back into the StatusError it was. */
export function statusError(body: StatusBody, fallbackCode: number): StatusError {
  return new StatusError(body.code ?? fallbackCode, body.reason ?? '', body.message ?? `kubelet answered ${fallbackCode}`, body.details);
}

export function logQuery(o: LogOptions): string {
  const q = new URLSearchParams();
  if (o.follow) q.set('follow', 'true');
  if (o.previous) q.set('previous', 'true');
  if (o.timestamps) q.set('timestamps', 'true');
  if (o.sinceSeconds !== undefined) q.set('sinceSeconds', String(o.sinceSeconds));
  if (o.sinceTime !== undefined) q.set('sinceTime', o.sinceTime);
  if (o.tailLines !== undefined) q.set('tailLines', String(o.tailLines));
  if (o.limitBytes !== undefined) q.set('limitBytes', String(o.limitBytes));
  return q.toString();
}

const seg = (s: string) => encodeURIComponent(s);

export class RemoteNodeConnection implements NodeConnection {
  private readonly base: string;

  constructor(host: string, port: number, private readonly token: string) {
    this.base = `${host.includes(':') ? `[${host}]` : host}:${port}`;
  }

  logs(namespace: string, pod: string, opts: LogOptions): Promise<Readable> {
    const path = `/containerLogs/${seg(namespace)}/${seg(pod)}/${seg(opts.container)}?${logQuery(opts)}`;
    return new Promise((resolve, reject) => {
      const req = request(`https://${this.base}${path}`, { headers: { Authorization: `Bearer ${this.token}` }, rejectUnauthorized: false }, (res) => {
        if (res.statusCode === 200) { resolve(res); return; }
        let text = '';
        res.on('data', (d) => { text += d; });
        res.on('end', () => {
          try { reject(statusError(JSON.parse(text) as StatusBody, res.statusCode ?? 500)); } catch { reject(internalError(new Error(text))); }
        });
      });
      req.on('error', (err) => reject(internalError(err)));
      req.end();
    });
  }

  async exec(namespace: string, pod: string, container: string, command: string[], io: StreamIO): Promise<{ exitCode: number }> {
    const q = new URLSearchParams(command.map((c) => ['command', c]));
    const status = await this.remoteCommand(`/exec/${seg(namespace)}/${seg(pod)}/${seg(container)}`, q, io);
    if (status.status === 'Success') return { exitCode: 0 };
    const cause = status.reason === 'NonZeroExitCode' ? status.details?.causes?.find((c) => c.reason === 'ExitCode') : undefined;
    if (cause) return { exitCode: Number(cause.message) };
    throw statusError(status, 500);
  }

  async attach(namespace: string, pod: string, container: string, io: StreamIO): Promise<void> {
    const status = await this.remoteCommand(`/attach/${seg(namespace)}/${seg(pod)}/${seg(container)}`, new URLSearchParams(), io);
    if (status.status !== 'Success') throw statusError(status, 500);
  }

  portForward(namespace: string, pod: string, port: number): Promise<Duplex> {
    const ws = this.open(`/portForward/${seg(namespace)}/${seg(pod)}?port=${port}`, PORT_FORWARD_STREAM_PROTOCOL);
    return new Promise((resolve, reject) => {
      ws.once('unexpected-response', (_req, res) => reject(internalError(new Error(`kubelet answered ${res.statusCode}`))));
      ws.once('error', (err) => reject(internalError(err)));
      ws.once('message', (data: Buffer) => {
        const hello = JSON.parse(data.toString()) as { ok?: boolean; error?: string };
        if (hello.ok) resolve(new WebSocketDuplex(ws));
        else { ws.close(); reject(new Error(hello.error ?? 'port-forward failed')); }
      });
    });
  }

  private open(path: string, protocol: string): WebSocket {
    return new WebSocket(`wss://${this.base}${path}`, [protocol], { headers: { Authorization: `Bearer ${this.token}` }, rejectUnauthorized: false, perMessageDeflate: false });
  }

  /** The client half of the channel protocol; resolves with the Status the kubelet server ended with. */
  private remoteCommand(path: string, q: URLSearchParams, io: StreamIO): Promise<StatusBody> {
    if (io.stdin) q.set('stdin', 'true');
    if (io.stdout) q.set('stdout', 'true');
    if (io.stderr) q.set('stderr', 'true');
    if (io.tty) q.set('tty', 'true');
    const ws = this.open(`${path}?${q.toString()}`, STREAM_PROTOCOL_V5);
    return new Promise((resolve, reject) => {
      let statusText = '';
      const pending: Array<Promise<void>> = [];
      const write = (w: NodeJS.WritableStream | undefined, d: Buffer) => { if (w) pending.push(new Promise((r) => w.write(d, () => r()))); };
      ws.once('unexpected-response', (_req, res) => {
        let text = '';
        res.on('data', (d: Buffer) => { text += d; });
        res.on('end', () => { try { reject(statusError(JSON.parse(text) as StatusBody, res.statusCode ?? 500)); } catch { reject(internalError(new Error(text))); } });
      });
      ws.on('error', (err) => reject(internalError(err)));
      ws.on('open', () => {
        const send = (ch: number, d: Buffer) => { if (ws.readyState === ws.OPEN) ws.send(Buffer.concat([Buffer.from([ch]), d])); };
        io.stdin?.on('data', (d: Buffer) => send(CHANNEL_STDIN, Buffer.from(d)));
        io.stdin?.on('end', () => send(CHANNEL_CLOSE, Buffer.from([CHANNEL_STDIN])));
        io.resize?.on('data', (size: unknown) => send(CHANNEL_RESIZE, Buffer.from(JSON.stringify(size))));
      });
      ws.on('message', (data: Buffer) => {
        const payload = data.subarray(1);
        if (payload.length === 0) return;
        if (data[0] === CHANNEL_STDOUT) write(io.stdout, payload);
        else if (data[0] === CHANNEL_STDERR) write(io.stderr, payload);
        else if (data[0] === CHANNEL_ERROR) statusText += payload.toString();
      });
      ws.on('close', () => {
        void Promise.all(pending).then(() => {
          try { resolve(JSON.parse(statusText) as StatusBody); } catch { reject(internalError(new Error('the kubelet closed the stream without a status'))); }
        });
      });
    });
  }
}
