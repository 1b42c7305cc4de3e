// The client end of exec and attach over WebSocket (client-go tools/remotecommand websocket.go):
// subprotocol v5.channel.k8s.io (v4 accepted), each binary message prefixed with its channel — 0
// stdin, 1 stdout, 2 stderr, 3 error (the final Status), 4 resize — and v5's `[255, 0]` closing
// stdin. The error channel's Status becomes kubectl's outcome: success, an exit code, or an error.
import { WebSocket } from 'ws';
import { statusErrorFrom } from '../../client/http-transport.js';
import type { CliContext } from '../core/context.js';

export const PROTOCOLS = ['v5.channel.k8s.io', 'v4.channel.k8s.io'];
const STDIN = 0, STDOUT = 1, STDERR = 2, ERROR = 3, RESIZE = 4, CLOSE = 255;

export interface StreamSpec {
  stdin?: NodeJS.ReadableStream;
  stdout: (b: Buffer) => void;
  stderr?: (b: Buffer) => void;
  tty: boolean;
  /** The terminal size now, and a way to hear of changes (SIGWINCH). */
  size?: () => { Width: number; Height: number } | undefined;
  onResize?: (listener: () => void) => () => void;
}

/** What the command's final Status meant (remotecommand errorDecoderV4). */
export type Outcome = { ok: true } | { exitCode: number; message: string } | { error: string };

/** The command's outcome from the error channel's Status JSON. */
export function outcomeOf(statusJson: string): Outcome {
  let s: { status?: string; reason?: string; message?: string; details?: { causes?: Array<{ reason?: string; message?: string }> } };
  try { s = JSON.parse(statusJson) as typeof s; } catch (e) { return { error: `error stream protocol error: ${(e as Error).message} in "${statusJson}"` }; }
  if (s.status === 'Success') return { ok: true };
  if (s.status !== 'Failure') return { error: 'error stream protocol error: unknown error' };
  if (s.reason === 'NonZeroExitCode') {
    if (!s.details) return { error: 'error stream protocol error: details must be set' };
    const cause = s.details.causes?.find((c) => c.reason === 'ExitCode');
    if (!cause) return { error: 'error stream protocol error: no ExitCode cause given' };
    const rc = Number(cause.message);
    if (!/^\d+$/.test(cause.message ?? '') || rc > 255) return { error: `error stream protocol error: invalid exit code value "${cause.message}"` };
    return { exitCode: rc, message: `command terminated with exit code ${rc}` };
  }
  return { error: s.message ?? '' };
}

/** Opens pods/{name}/{exec|attach} and runs the session to its end. Rejected upgrades throw the server's StatusError. */
export function runRemoteCommand(ctx: CliContext, path: string, spec: StreamSpec): Promise<Outcome> {
  const access = ctx.access;
  const url = new URL(access.server.replace(/\/$/, '') + path);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, PROTOCOLS, {
      ca: access.caPem, cert: access.certPem, key: access.keyPem, rejectUnauthorized: !access.insecureSkipTlsVerify,
      headers: access.token ? { Authorization: `Bearer ${access.token}` } : {}, perMessageDeflate: false,
    });
    let outcome: Outcome | undefined;
    let stopResize: (() => void) | undefined;
    const send = (channel: number, data: Buffer) => { if (ws.readyState === WebSocket.OPEN) ws.send(Buffer.concat([Buffer.from([channel]), data])); };
    ws.on('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => reject(statusErrorFrom(res.statusCode ?? 0, Buffer.concat(chunks).toString('utf8'))));
    });
    ws.on('error', (e) => reject(e));
    ws.on('open', () => {
      if (spec.tty && spec.size) {
        const sendSize = () => { const s = spec.size!(); if (s) send(RESIZE, Buffer.from(JSON.stringify(s))); };
        sendSize();
        stopResize = spec.onResize?.(sendSize);
      }
      if (spec.stdin) {
        spec.stdin.on('data', (d: Buffer | string) => send(STDIN, Buffer.isBuffer(d) ? d : Buffer.from(d)));
        // v5 can say "no more input"; v4 has no way to, so the remote side keeps reading.
        spec.stdin.on('end', () => { if (ws.protocol === PROTOCOLS[0]) send(CLOSE, Buffer.from([STDIN])); });
      }
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (!isBinary || data.length === 0) return;
      const payload = data.subarray(1);
      switch (data[0]) {
        case STDOUT: if (payload.length) spec.stdout(payload); break;
        case STDERR: if (payload.length) (spec.stderr ?? spec.stdout)(payload); break;
        case ERROR: if (payload.length) outcome = outcomeOf(payload.toString('utf8')); break;
        default: break;
      }
    });
    ws.on('close', () => {
      stopResize?.();
      spec.stdin?.removeAllListeners('data');
      resolve(outcome ?? { ok: true });
    });
  });
}

/** The query of pods/{name}/exec or attach (PodExecOptions / PodAttachOptions as URL parameters). */
export function streamQuery(o: { container: string; command?: string[]; stdin: boolean; stdout: boolean; stderr: boolean; tty: boolean }): string {
  const q = new URLSearchParams();
  q.set('container', o.container);
  for (const c of o.command ?? []) q.append('command', c);
  if (o.stdin) q.set('stdin', 'true');
  if (o.stdout) q.set('stdout', 'true');
  if (o.stderr) q.set('stderr', 'true');
  if (o.tty) q.set('tty', 'true');
  return q.toString();
}
