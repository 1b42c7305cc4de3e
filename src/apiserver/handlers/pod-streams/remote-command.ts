// pods/exec and pods/attach over WebSocket: the channel protocol (streaming/channel-protocol.ts) on
// the client's side, the node's NodeConnection on the other. The final Status on the error channel is
// the kubelet's (cri/streaming/remotecommand/httpstream.go and exec.go): Success, NonZeroExitCode
// with an ExitCode cause (kubectl exits with it), or InternalError.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, badRequest, internalError } from '../../../api/errors.js';
import type { NodeConnection, StreamIO } from '../../../node/connection.js';
import { ChannelServer, REMOTE_COMMAND_PROTOCOLS } from '../../streaming/channel-protocol.js';
import { acceptWebSocket, chooseProtocol, offeredProtocols } from '../../streaming/websocket.js';
import { queryBool } from './target.js';

export interface RemoteCommandOptions { stdin: boolean; stdout: boolean; stderr: boolean; tty: boolean; command: string[] }

export function parseRemoteCommandOptions(q: URLSearchParams): RemoteCommandOptions {
  const o = { stdin: queryBool(q, 'stdin'), stdout: queryBool(q, 'stdout'), stderr: queryBool(q, 'stderr'), tty: queryBool(q, 'tty'), command: q.getAll('command') };
  // As the kubelet's remotecommand.NewOptions.
  if (!o.stdin && !o.stdout && !o.stderr) throw badRequest('you must specify at least 1 of stdin, stdout, stderr');
  return o;
}

/** The error-channel Status for a finished exec. */
export function execStatus(command: string[], exitCode: number): object {
  if (exitCode === 0) return { metadata: {}, status: 'Success' };
  return {
    metadata: {},
    status: 'Failure',
    message: `command terminated with non-zero exit code: error executing command [${command.join(' ')}], exit code ${exitCode}`,
    reason: 'NonZeroExitCode',
    details: { causes: [{ reason: 'ExitCode', message: String(exitCode) }] },
  };
}

/** A failure before or while running: the StatusError as is, anything else as the kubelet's InternalError. */
export function failureStatus(err: unknown, what: 'executing command in container' | 'attaching to container'): object {
  if (err instanceof StatusError) return err.toStatus();
  const se = internalError(new Error(`error ${what}: ${err instanceof Error ? err.message : String(err)}`));
  const { kind: _k, apiVersion: _a, ...status } = se.toStatus();
  return status;
}

export interface RemoteCommandTarget { conn: NodeConnection; namespace: string; pod: string; container: string }

/** Upgrades the request, runs exec (or attach), reports the outcome on the error channel and closes. */
export async function serveRemoteCommand(kind: 'exec' | 'attach', t: RemoteCommandTarget, opts: RemoteCommandOptions, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const protocol = chooseProtocol(offeredProtocols(req), REMOTE_COMMAND_PROTOCOLS);
  if (!protocol) {
    throw badRequest(`requested protocol(s) are not supported: [${offeredProtocols(req).join(' ')}]; supports [${REMOTE_COMMAND_PROTOCOLS.join(' ')}]`);
  }
  const ws = await acceptWebSocket(req, socket, head, protocol);
  const ch = new ChannelServer(ws, opts);
  const io: StreamIO = { stdin: ch.stdin, stdout: ch.stdout, stderr: ch.stderr, tty: opts.tty, resize: ch.resize };
  let status: object;
  try {
    if (kind === 'exec') {
      const { exitCode } = await t.conn.exec(t.namespace, t.pod, t.container, opts.command, io);
      status = execStatus(opts.command, exitCode);
    } else {
      await t.conn.attach(t.namespace, t.pod, t.container, io);
      status = { metadata: {}, status: 'Success' };
    }
  } catch (err) {
    status = failureStatus(err, kind === 'exec' ? 'executing command in container' : 'attaching to container');
  }
  await ch.finish(status);
}
