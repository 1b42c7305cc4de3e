import assert from 'node:assert/strict';
import { once } from 'node:events';
import { createServer, type Server } from 'node:https';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer as createTcpServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { loadOrCreateTls } from '../server/tls.js';
import { Transport } from './http-transport.js';
import { connectTls } from './tls-connect.js';

const dir = mkdtempSync(join(tmpdir(), 'kubelite-transport-'));
after(() => rmSync(dir, { recursive: true, force: true }));
const tls = await loadOrCreateTls(dir, ['127.0.0.1']);

/** An HTTPS server answering {"path": …} that counts the TLS connections it accepted. */
async function server(): Promise<{ srv: Server; url: string; connections: () => number }> {
  let n = 0;
  const srv = createServer({ cert: tls.certPem, key: tls.keyPem }, (req, res) => { res.setHeader('content-type', 'application/json'); res.end(JSON.stringify({ path: req.url })); });
  srv.on('secureConnection', () => { n++; });
  srv.listen(0, '127.0.0.1');
  await once(srv, 'listening');
  return { srv, url: `https://127.0.0.1:${(srv.address() as AddressInfo).port}`, connections: () => n };
}
const access = (server: string) => ({ server, caPem: tls.caPem, insecureSkipTlsVerify: false });
/** A transport whose first connection was opened beforehand (or not). */
const transport = (server: string, early = true) => new Transport(access(server), undefined, early ? connectTls(access(server)) : undefined);

test('the first request uses the connection opened before it', async () => {
  const { srv, url, connections } = await server();
  const t = transport(url);
  await once(srv, 'secureConnection');
  assert.deepEqual(await t.json({ method: 'GET', path: '/api' }), { path: '/api' });
  assert.deepEqual(await t.json({ method: 'GET', path: '/apis' }), { path: '/apis' });
  assert.equal(connections(), 1);
  t.close();
  srv.close();
});

test('an early connection to a closed port: the request fails as it would have without it', async () => {
  const probe = createTcpServer().listen(0, '127.0.0.1');
  await once(probe, 'listening');
  const port = (probe.address() as AddressInfo).port;
  probe.close();
  await once(probe, 'close');
  const errorOf = async (pre: boolean) => {
    const t = transport(`https://127.0.0.1:${port}`, pre);
    await new Promise((r) => setImmediate(r));
    const e = await t.json({ method: 'GET', path: '/api' }).then(() => undefined, (err: NodeJS.ErrnoException) => err.code);
    t.close();
    return e;
  };
  assert.equal(await errorOf(true), 'ECONNREFUSED');
  assert.equal(await errorOf(false), 'ECONNREFUSED');
});

test('close ends an early connection no request took', async () => {
  const { srv, url } = await server();
  const t = transport(url);
  const [socket] = (await once(srv, 'secureConnection')) as [import('node:tls').TLSSocket];
  t.close();
  await once(socket, 'close');
  srv.close();
});

test('a prefetched GET answers the next identical request, once; others are asked for', async () => {
  const { srv, url } = await server();
  const seen: string[] = [];
  srv.on('request', (req: import('node:http').IncomingMessage) => seen.push(`${req.url} ${req.headers.accept}`));
  const t = transport(url);
  t.prefetch({ method: 'GET', path: '/a', accept: 'x' });
  await new Promise((r) => setTimeout(r, 50)); // the answer has arrived before anyone asks
  assert.deepEqual(await t.json({ method: 'GET', path: '/a', accept: 'x' }), { path: '/a' });
  assert.deepEqual(await t.json({ method: 'GET', path: '/a', accept: 'y' }), { path: '/a' });
  assert.deepEqual(await t.json({ method: 'GET', path: '/a', accept: 'x' }), { path: '/a' });
  assert.deepEqual(seen, ['/a x', '/a y', '/a x']);
  t.close();
  srv.close();
});

test('a prefetched GET that fails fails the request that takes it, and is not unhandled before', async () => {
  const t = transport('https://127.0.0.1:1', false);
  t.prefetch({ method: 'GET', path: '/a' });
  await new Promise((r) => setTimeout(r, 50));
  await assert.rejects(t.json({ method: 'GET', path: '/a' }), (e: NodeJS.ErrnoException) => e.code === 'ECONNREFUSED');
  t.close();
});
