import type { ServerResponse } from 'node:http';
import { StatusError, internalError } from '../../api/errors.js';

export function sendJSON(res: ServerResponse, code: number, body: unknown, contentType = 'application/json'): void {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  res.writeHead(code, { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

/** Renders any error as a Status; anything that is not a StatusError is a logged 500. */
export function sendError(res: ServerResponse, err: unknown, log: (msg: string) => void): void {
  let se: StatusError;
  if (err instanceof StatusError) se = err;
  else {
    log(`internal error: ${err instanceof Error ? err.stack : String(err)}`);
    se = internalError(err);
  }
  if (res.headersSent) { res.destroy(); return; }
  sendJSON(res, se.code, se.toStatus());
}

export function sendText(res: ServerResponse, code: number, text: string): void {
  res.writeHead(code, { 'Content-Type': 'text/plain; charset=utf-8', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}
