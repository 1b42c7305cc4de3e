// WebSocket upgrades for the streaming subresources: subprotocol negotiation as apiserver's
// wsstream handshake (staging/src/k8s.io/apiserver/pkg/util/wsstream/conn.go): the first protocol the
// client offers that the server supports wins; none is an error before the upgrade.
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { StatusError } from '../../api/errors.js';


export function isWebSocketUpgrade(req: IncomingMessage): boolean {
  return (req.headers.upgrade ?? '').toLowerCase() === 'websocket';
}

export function offeredProtocols(req: IncomingMessage): string[] {
  return (req.headers['sec-websocket-protocol'] ?? '').split(',').map((p) => p.trim()).filter((p) => p !== '');
}

/** The protocol to answer with, or undefined when the client offers none the server speaks. */
export function chooseProtocol(offered: string[], supported: string[]): string | undefined {
  return offered.find((p) => supported.includes(p));
}

/** Any RFC 7230 token: what `ws` is shown instead of the client's own list (see acceptWebSocket). */
const PROTOCOL_PLACEHOLDER = 'negotiated';

export function acceptWebSocket(req: IncomingMessage, socket: Duplex, head: Buffer, protocol: string): Promise<WebSocket> {
  // The protocol is already chosen. `ws` refuses subprotocols that are not RFC 7230 tokens, and
  // the port-forward tunnel's `SPDY/3.1+portforward.k8s.io` contains a '/'; gorilla/websocket
  // (client-go) sends and accepts it. So ws sees a placeholder and answers with the real name.
  req.headers['sec-websocket-protocol'] = PROTOCOL_PLACEHOLDER;
  return new Promise((resolve) => {
    const server = new WebSocketServer({ noServer: true, perMessageDeflate: false, maxPayload: 16 * 1024 * 1024, handleProtocols: () => protocol });
    server.handleUpgrade(req, socket, head, (ws) => { resolve(ws); server.close(); });
  });
}

/** Answers an upgrade request with a Status (nothing was upgraded): the client sees an ordinary API error. */
export function rejectUpgrade(socket: Duplex, err: StatusError): void {
  const body = JSON.stringify(err.toStatus());
  const reason = err.code === 400 ? 'Bad Request' : err.code === 401 ? 'Unauthorized' : err.code === 403 ? 'Forbidden' : err.code === 404 ? 'Not Found' : err.code === 405 ? 'Method Not Allowed' : 'Error';
  socket.end(`HTTP/1.1 ${err.code} ${reason}\r\nContent-Type: application/json\r\nCache-Control: no-cache, private\r\nContent-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n${body}`);
}

