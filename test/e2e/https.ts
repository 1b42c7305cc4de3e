// Raw HTTPS requests to a test server (as curl with the cluster CA and the admin token would send
// them), for cases kubectl cannot express: malformed bodies, missing tokens, raw watch streams.
import { readFileSync } from 'node:fs';
import { request, type RequestOptions } from 'node:https';
import { join } from 'node:path';
import type { TestServer } from './harness.js';

export interface HttpResult { status: number; headers: Record<string, string | string[] | undefined>; body: string }

export interface RequestOpts {
  body?: string | Buffer;
  contentType?: string;
  accept?: string;
  /** The bearer token to send; `null` sends no Authorization header. Defaults to the admin token. */
  token?: string | null;
  timeoutMs?: number;
}

export function adminToken(server: TestServer): string {
  return readFileSync(join(server.dataDir, 'token'), 'utf8').trim();
}

function options(server: TestServer, method: string, path: string, o: RequestOpts): RequestOptions {
  const token = o.token === undefined ? adminToken(server) : o.token;
  const headers: Record<string, string | number> = { Accept: o.accept ?? 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  if (o.body !== undefined) {
    headers['Content-Type'] = o.contentType ?? 'application/json';
    headers['Content-Length'] = Buffer.byteLength(o.body);
  }
  return { host: '127.0.0.1', port: server.port, method, path, headers, ca: readFileSync(join(server.dataDir, 'ca.crt')) };
}

export function apiRequest(server: TestServer, method: string, path: string, o: RequestOpts = {}): Promise<HttpResult> {
  return new Promise((resolve, reject) => {
    const req = request(options(server, method, path, o), (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.setTimeout(o.timeoutMs ?? 20_000, () => req.destroy(new Error(`${method} ${path} timed out`)));
    // The server may answer (413) and close before the whole body is sent; the answer still counts.
    req.on('error', reject);
    req.end(o.body);
  });
}

export interface WatchEvent { type: string; object: Record<string, unknown> }

/**
 * Opens a watch and collects events until `until` returns true for the events so far (or the
 * stream ends, or the deadline passes); the connection is then closed.
 */
export function watchEvents(server: TestServer, path: string, until: (events: WatchEvent[]) => boolean, timeoutMs = 10_000): Promise<{ status: number; events: WatchEvent[] }> {
  return new Promise((resolve, reject) => {
    const events: WatchEvent[] = [];
    let status = 0;
    let buf = '';
    const req = request(options(server, 'GET', path, {}), (res) => {
      status = res.statusCode ?? 0;
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        buf += chunk;
        let nl: number;
        while ((nl = buf.indexOf('\n')) >= 0) {
          const line = buf.slice(0, nl).trim();
          buf = buf.slice(nl + 1);
          if (line) events.push(JSON.parse(line) as WatchEvent);
        }
        if (until(events)) finish();
      });
      res.on('end', finish);
    });
    const timer = setTimeout(finish, timeoutMs);
    function finish() { clearTimeout(timer); req.destroy(); resolve({ status, events }); }
    req.on('error', (e) => { if (status === 0) reject(e); });
    req.end();
  });
}
