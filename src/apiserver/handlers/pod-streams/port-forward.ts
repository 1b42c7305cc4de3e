// pods/portforward: kubectl 1.31+ tunnels SPDY through a WebSocket (subprotocol
// `SPDY/3.1+portforward.k8s.io`, client-go tools/portforward/tunneling_dialer.go; the apiserver
// side is apiserver pkg/util/proxy/streamtunnel.go), older kubectl upgrades straight to SPDY/3.1.
// Either way each forwarded connection is a pair of SPDY streams sharing a requestID: `error`
// (the server writes a message if forwarding fails) and `data` (the bytes), as the kubelet serves
// them (cri/streaming/portforward/httpstream.go).
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { createWebSocketStream } from 'ws';
import { badRequest } from '../../../api/errors.js';
import type { NodeConnection } from '../../../node/connection.js';
import { SpdySession, type SpdyStream } from '../../streaming/spdy/session.js';
import { acceptWebSocket, chooseProtocol, isWebSocketUpgrade, offeredProtocols } from '../../streaming/websocket.js';

export const PORT_FORWARD_PROTOCOL = 'portforward.k8s.io';
export const TUNNELED_PORT_FORWARD_PROTOCOL = `SPDY/3.1+${PORT_FORWARD_PROTOCOL}`;

export interface PortForwardTarget { conn: NodeConnection; namespace: string; pod: string; uid: string }

/** The kubelet's checks on a stream's port header (httpStreamHandler.httpStreamReceived). */
export function parsePortHeader(value: string | undefined): number {
  if (!value) throw new Error('"port" header is required');
  if (!/^\d+$/.test(value) || Number(value) > 65535) throw new Error(`unable to parse "${value}" as a port: strconv.ParseUint: parsing "${value}": invalid syntax`);
  if (Number(value) < 1) throw new Error(`port "${value}" must be > 0`);
  return Number(value);
}

export async function servePortForward(t: PortForwardTarget, req: IncomingMessage, socket: Duplex, head: Buffer): Promise<void> {
  let transport: Duplex;
  if (isWebSocketUpgrade(req)) {
    const protocol = chooseProtocol(offeredProtocols(req), [TUNNELED_PORT_FORWARD_PROTOCOL]);
    if (!protocol) throw badRequest(`requested protocol(s) are not supported: [${offeredProtocols(req).join(' ')}]; supports [${TUNNELED_PORT_FORWARD_PROTOCOL}]`);
    transport = createWebSocketStream(await acceptWebSocket(req, socket, head, protocol));
  } else {
    socket.write(`HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: SPDY/3.1\r\nX-Stream-Protocol-Version: ${PORT_FORWARD_PROTOCOL}\r\n\r\n`);
    if (head.length) socket.unshift(head);
    transport = socket;
  }
  transport.on('error', () => transport.destroy());
  const session = new SpdySession(transport);
  const pairs = new Map<string, { data?: SpdyStream; error?: SpdyStream }>();
  session.on('stream', (s) => {
    const type = s.header('streamtype');
    let port: number;
    try {
      if (type !== 'data' && type !== 'error') throw new Error(`invalid stream type "${type ?? ''}"`);
      port = parsePortHeader(s.header('port'));
    } catch {
      s.destroy();
      return;
    }
    void s.reply();
    const id = s.header('requestid') ?? String(type === 'error' ? s.id : s.id - 2);
    const pair = pairs.get(id) ?? {};
    pair[type] = s;
    pairs.set(id, pair);
    if (pair.data && pair.error) {
      pairs.delete(id);
      void forward(t, port, pair.data, pair.error);
    }
  });
}

async function forward(t: PortForwardTarget, port: number, data: SpdyStream, error: SpdyStream): Promise<void> {
  const fail = (err: unknown) => {
    const why = err instanceof Error ? err.message : String(err);
    if (error.writable) error.end(`error forwarding port ${port} to pod ${t.pod}_${t.namespace}, uid ${t.uid}: ${why}`);
    if (data.writable) data.end();
  };
  error.resume(); // the client sends nothing on the error stream; drain its FIN
  let target: Duplex;
  try {
    target = await t.conn.portForward(t.namespace, t.pod, port);
  } catch (err) {
    fail(err);
    return;
  }
  target.on('error', fail);
  data.on('close', () => target.destroy());
  target.on('close', () => {
    if (data.writable) data.end();
    if (error.writable) error.end();
  });
  data.pipe(target);
  target.pipe(data);
}
