// The streaming pod subresources: log over plain HTTP; exec, attach and portforward once the
// connection is upgraded (WebSocket, or SPDY for port-forward). Every check that can fail is made
// before the upgrade, so the client gets an ordinary Status error.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { StatusError, badRequest, internalError, methodNotSupported } from '../../../api/errors.js';
import type { NodeConnections } from '../../../node/connection.js';
import { parsePath } from '../../http/route.js';
import { isWebSocketUpgrade, rejectUpgrade } from '../../streaming/websocket.js';
import type { ApiContext, ResourceRequest } from '../context.js';
import { podLog } from './log.js';
import { servePortForward } from './port-forward.js';
import { parseRemoteCommandOptions, serveRemoteCommand } from './remote-command.js';
import { assignedNode, readPod, validateContainer } from './target.js';

export const POD_STREAM_SUBRESOURCES = new Set(['log', 'exec', 'attach', 'portforward']);

const notFoundStatus = () => new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});

/** A plain (not upgraded) request to a streaming subresource: log is served; the others need an upgrade. */
export async function podStreamRequest(r: ResourceRequest, nodes: NodeConnections | undefined): Promise<void> {
  const method = r.req.method ?? 'GET';
  const gr = { group: '', resource: 'pods' };
  if (r.path.subresource === 'log') {
    if (method !== 'GET') throw methodNotSupported(gr, method.toLowerCase());
    return podLog(r, nodes);
  }
  if (method !== 'GET' && method !== 'POST') throw methodNotSupported(gr, method.toLowerCase());
  throw badRequest('Upgrade request required');
}

/** An upgrade request (the server's 'upgrade' event), already authenticated. */
export async function podStreamUpgrade(ctx: ApiContext, nodes: NodeConnections | undefined, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  socket.on('error', () => socket.destroy());
  // Upgraded sockets are no longer the HTTP server's: end them when the server shuts down.
  const onShutdown = () => socket.destroy();
  ctx.shutdown.addEventListener('abort', onShutdown, { once: true });
  socket.once('close', () => ctx.shutdown.removeEventListener('abort', onShutdown));
  try {
    await upgrade(ctx, nodes, req, socket, head);
  } catch (err) {
    if (!socket.writable) return;
    if (err instanceof StatusError) rejectUpgrade(socket, err);
    else {
      ctx.log(`internal error: ${err instanceof Error ? err.stack : String(err)}`);
      rejectUpgrade(socket, internalError(err));
    }
  }
}

async function upgrade(ctx: ApiContext, nodes: NodeConnections | undefined, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const parsed = parsePath(url.pathname.replace(/\/+$/, ''));
  if (parsed.type !== 'resource') throw notFoundStatus();
  const { path } = parsed;
  if (path.group !== '' || path.version !== 'v1' || path.resource !== 'pods' || !path.namespace || !path.name) throw notFoundStatus();
  const sub = path.subresource;
  if (sub !== 'exec' && sub !== 'attach' && sub !== 'portforward') throw notFoundStatus();
  const pods = ctx.discovery.findKind('', 'v1', 'pods')!;
  const pod = await readPod(ctx.registry, pods, path.namespace, path.name);
  const q = url.searchParams;
  if (sub === 'portforward') {
    const node = assignedNode(pod);
    if (!nodes) throw badRequest(`no connection to node ${node}`);
    const conn = await nodes.forNode(node);
    return servePortForward({ conn, namespace: path.namespace, pod: path.name, uid: pod.metadata?.uid ?? '' }, req, socket, head);
  }
  const container = validateContainer(pod, q.get('container') ?? '');
  const node = assignedNode(pod);
  const opts = parseRemoteCommandOptions(q);
  if (!isWebSocketUpgrade(req)) {
    // kubectl before 1.30 (and 1.30+ when WebSockets fail) speaks SPDY here; only WebSockets are served.
    throw badRequest(`unsupported upgrade protocol ${JSON.stringify(req.headers.upgrade ?? '')}: pods/${sub} is served over WebSocket (v5.channel.k8s.io, v4.channel.k8s.io)`);
  }
  if (!nodes) throw badRequest(`no connection to node ${node}`);
  const conn = await nodes.forNode(node);
  return serveRemoteCommand(sub, { conn, namespace: path.namespace, pod: path.name, container }, opts, req, socket, head);
}
