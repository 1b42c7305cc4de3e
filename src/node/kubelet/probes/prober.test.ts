import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import type { Container } from 'kubernetes-types/core/v1.js';
import { httpProbe, PROBE_USER_AGENT } from './http.js';
import { tcpProbe } from './tcp.js';
import { execProbe } from './exec.js';
import { probeEvent, probeKillMessage, probePort, runProbe } from './prober.js';

async function withServer(handler: Parameters<typeof createServer>[1], fn: (port: number, server: Server) => Promise<void>): Promise<void> {
  const server = createServer(handler);
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  try { await fn((server.address() as AddressInfo).port, server); } finally { server.closeAllConnections(); await new Promise((r) => server.close(r)); }
}
/** A port nothing listens on: bind, note it, close. */
async function closedPort(): Promise<number> {
  let port = 0;
  await withServer(() => undefined, async (p) => { port = p; });
  return port;
}
const target = (port: number, path = '/') => ({ scheme: 'HTTP', host: '127.0.0.1', port, path });

test('http: 2xx succeeds with the body; headers as kube-probe sends them', () => withServer((req, res) => {
  res.end(`${req.headers['user-agent']}|${req.headers.accept}|${req.headers['x-custom'] ?? ''}`);
}, async (port) => {
  assert.deepEqual(await httpProbe({ ...target(port), headers: [{ name: 'X-Custom', value: 'v' }] }, 1000), { result: 'success', output: `${PROBE_USER_AGENT}|*/*|v` });
}));

test('http: 500 fails with the kubelet message', () => withServer((_req, res) => { res.statusCode = 500; res.end('no'); }, async (port) => {
  assert.deepEqual(await httpProbe(target(port), 1000), { result: 'failure', output: 'HTTP probe failed with statuscode: 500' });
}));

test('http: redirect on the same host is followed; to another host it is a warning', () => withServer((req, res) => {
  if (req.url === '/a') { res.statusCode = 302; res.setHeader('Location', '/b'); res.end(); return; }
  if (req.url === '/elsewhere') { res.statusCode = 301; res.setHeader('Location', 'http://example.invalid/'); res.end('moved'); return; }
  res.end('b');
}, async (port) => {
  assert.deepEqual(await httpProbe(target(port, '/a'), 1000), { result: 'success', output: 'b' });
  assert.deepEqual(await httpProbe(target(port, '/elsewhere'), 1000), { result: 'warning', output: 'Probe terminated redirects, Response body: moved' });
}));

test('http: connection refused and timeout read as Go client errors', async () => {
  const port = await closedPort();
  assert.deepEqual(await httpProbe(target(port), 1000), { result: 'failure', output: `Get "http://127.0.0.1:${port}/": dial tcp 127.0.0.1:${port}: connect: connection refused` });
  await withServer(() => { /* never answers */ }, async (p) => {
    assert.deepEqual(await httpProbe(target(p), 100), { result: 'failure', output: `Get "http://127.0.0.1:${p}/": context deadline exceeded (Client.Timeout exceeded while awaiting headers)` });
  });
});

test('http: a custom dial is used for the connection', () => withServer((_req, res) => res.end('via dial'), async (port) => {
  let dialed = '';
  const dial = async (host: string, p: number) => { dialed = `${host}:${p}`; return connect({ host: '127.0.0.1', port }); };
  assert.deepEqual(await httpProbe({ scheme: 'HTTP', host: '192.0.2.1', port: 8080, path: '/' }, 1000, { dial }), { result: 'success', output: 'via dial' });
  assert.equal(dialed, '192.0.2.1:8080');
}));

test('tcp: open port succeeds, closed port fails', () => withServer(() => undefined, async (port) => {
  assert.deepEqual(await tcpProbe('127.0.0.1', port, 1000), { result: 'success', output: '' });
  const closed = await closedPort();
  assert.deepEqual(await tcpProbe('127.0.0.1', closed, 1000), { result: 'failure', output: `dial tcp 127.0.0.1:${closed}: connect: connection refused` });
}));

const execCases = [
  { name: 'exit 0 succeeds', r: { exitCode: 0, output: 'ok' }, want: { result: 'success', output: 'ok' } },
  { name: 'exit 1 fails with output', r: { exitCode: 1, output: 'cat: /tmp/healthy: No such file or directory\n' }, want: { result: 'failure', output: 'cat: /tmp/healthy: No such file or directory\n' } },
  { name: 'timeout', r: { exitCode: -1, output: '', timedOut: true }, want: { result: 'failure', output: 'command "cat /tmp/healthy" timed out' } },
];
for (const c of execCases) test(`exec: ${c.name}`, async () => {
  assert.deepEqual(await execProbe(['cat', '/tmp/healthy'], 1000, async () => c.r), c.want);
});

test('port by number, by name, or a number in a string', () => {
  const ctr: Container = { name: 'kubia', ports: [{ name: 'http', containerPort: 8080 }] };
  assert.equal(probePort(8080, ctr), 8080);
  assert.equal(probePort('http', ctr), 8080);
  assert.equal(probePort('9090', ctr), 9090);
  assert.throws(() => probePort('web', ctr), { message: 'strconv.Atoi: parsing "web": invalid syntax' });
  assert.throws(() => probePort(0, ctr), { message: 'invalid port number: 0' });
});

test('runProbe: host defaults to the pod IP; unknown port name is an error event', () => withServer((_q, res) => { res.statusCode = 500; res.end(); }, async (port) => {
  const ctr: Container = { name: 'kubia' };
  const exec = async () => ({ exitCode: 0, output: '' });
  const o = await runProbe({ httpGet: { port, path: '/' }, timeoutSeconds: 1 }, { podIP: '127.0.0.1', container: ctr, exec });
  assert.deepEqual(probeEvent('liveness', o), { type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500' });
  const e = await runProbe({ httpGet: { port: 'http', path: '/' } }, { podIP: '127.0.0.1', container: ctr, exec });
  assert.deepEqual(probeEvent('readiness', e)?.message, 'Readiness probe errored and resulted in unknown state: strconv.Atoi: parsing "http": invalid syntax');
  assert.equal(probeKillMessage('kubia', 'liveness', true), 'Container kubia failed liveness probe, will be restarted');
}));
