// The kubelet server and RemoteNodeConnection against a fake node, then the real kubectl through
// the API server to a "remote" node (API server -> kubelet server -> fake node).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import type { Node } from 'kubernetes-types/core/v1.js';
import { StatusError } from '../../api/errors.js';
import { FakeNode } from '../../apiserver/handlers/pod-streams/fake-node.js';
import { startStreamTestServer } from '../../apiserver/handlers/pod-streams/test-server.js';
import { loadOrCreateTls } from '../../server/tls.js';
import { KubeletServer } from './kubelet-server.js';
import { kubeletAddress, NodeConnectionRegistry } from './node-connections.js';
import { RemoteNodeConnection } from './remote-connection.js';

const TOKEN = 'stream-test-token';
const collect = async (r: Readable) => { let s = ''; for await (const c of r) s += c; return s; };
const LOG = { container: 'main', previous: false, follow: false, timestamps: false };

describe('kubelet server', () => {
  const fake = new FakeNode();
  let kubelet: KubeletServer;
  let port: number;
  let echo: Server;
  let echoPort: number;
  let dir: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'kubelet-server-'));
    const tls = await loadOrCreateTls(dir, []);
    kubelet = new KubeletServer({ connection: fake, token: TOKEN, tls: { cert: tls.certPem, key: tls.keyPem }, host: '127.0.0.1', port: 0 });
    port = await kubelet.listen();
    echo = createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    echoPort = (echo.address() as AddressInfo).port;
  });
  after(async () => { echo.close(); await kubelet.close(); rmSync(dir, { recursive: true, force: true }); });

  const remote = () => new RemoteNodeConnection('127.0.0.1', port, TOKEN);

  test('logs stream through, with their options', async () => {
    assert.equal(await collect(await remote().logs('default', 'kubia', { ...LOG, tailLines: 2 })), 'line 2\nline 3\n');
  });

  test('a log error keeps its code, reason and words', async () => {
    await assert.rejects(remote().logs('default', 'kubia', { ...LOG, previous: true }), (e: StatusError) =>
      e.code === 400 && e.reason === 'BadRequest' && e.message === 'previous terminated container "main" in pod "kubia" not found');
  });

  test('a wrong token is refused', async () => {
    await assert.rejects(new RemoteNodeConnection('127.0.0.1', port, 'wrong').logs('default', 'kubia', LOG), (e: StatusError) => e.code === 401);
  });

  const execCases = [
    { name: 'stdout', command: ['echo', 'hi'], exitCode: 0, stdout: 'hi\n' },
    { name: 'exit code', command: ['sh', '-c', 'exit 7'], exitCode: 7, stdout: '' },
    { name: 'stdin until EOF', command: ['cat'], stdin: 'abc', exitCode: 0, stdout: 'ABC' },
  ];
  for (const c of execCases) {
    test(`exec: ${c.name}`, async () => {
      const stdout = new PassThrough();
      const stdin = c.stdin === undefined ? undefined : new PassThrough();
      stdin?.end(c.stdin);
      const res = await remote().exec('default', 'kubia', 'main', c.command, { stdout, stdin, tty: false });
      stdout.end();
      assert.equal(res.exitCode, c.exitCode);
      assert.equal(await collect(stdout), c.stdout);
    });
  }

  test('exec of a missing command fails with the kubelet status', async () => {
    await assert.rejects(remote().exec('default', 'kubia', 'main', ['nosuch'], { stdout: new PassThrough(), tty: false }), (e: StatusError) =>
      e.code === 500 && /executable file not found/.test(e.message));
  });

  test('attach', async () => {
    const stdout = new PassThrough();
    await remote().attach('default', 'kubia', 'main', { stdout, tty: false });
    stdout.end();
    assert.equal(await collect(stdout), 'attached output\n');
  });

  test('port-forward carries bytes both ways and half-closes', async () => {
    const s = await remote().portForward('default', 'kubia', echoPort);
    s.end('ping');
    assert.equal(await collect(s), 'ping');
  });

  test('port-forward to a closed port fails', async () => {
    const closed = await new Promise<number>((r) => { const t = createServer(); t.listen(0, '127.0.0.1', () => { const p = (t.address() as AddressInfo).port; t.close(() => r(p)); }); });
    await assert.rejects(remote().portForward('default', 'kubia', closed), /connection refused/);
  });
});

test('kubeletAddress: InternalIP and the recorded kubelet port, 10250 by default', () => {
  const node = (port?: number): Node => ({ metadata: { name: 'n' }, status: { addresses: [{ type: 'Hostname', address: 'n' }, { type: 'InternalIP', address: '10.0.0.5' }], ...(port ? { daemonEndpoints: { kubeletEndpoint: { Port: port } } } : {}) } });
  assert.deepEqual(kubeletAddress(node(12345)), { host: '10.0.0.5', port: 12345 });
  assert.deepEqual(kubeletAddress(node()), { host: '10.0.0.5', port: 10250 });
});

const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const missing = spawnSync(KUBECTL, ['version', '--client']).status !== 0;

test('kubectl reaches a remote node through the API server', { skip: missing && 'kubectl not found' }, async () => {
  const dir = mkdtempSync(join(tmpdir(), 'kubelet-remote-'));
  const tls = await loadOrCreateTls(dir, []);
  const kubelet = new KubeletServer({ connection: new FakeNode(), token: TOKEN, tls: { cert: tls.certPem, key: tls.keyPem }, host: '127.0.0.1', port: 0 });
  const kport = await kubelet.listen();
  let getNode: (n: string) => Promise<Node> = async () => { throw new Error('not ready'); };
  const srv = await startStreamTestServer(new NodeConnectionRegistry((n) => getNode(n), TOKEN));
  const echo = createServer((s) => s.pipe(s));
  await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
  try {
    const nodes = srv.client.kind('', 'Node');
    const pods = srv.client.kind('', 'Pod');
    getNode = async (n) => (await srv.client.get(nodes, undefined, n)) as Node;
    const node = await srv.client.create(nodes, { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1' } });
    await srv.client.updateStatus(nodes, { ...node, status: { addresses: [{ type: 'InternalIP', address: '127.0.0.1' }], daemonEndpoints: { kubeletEndpoint: { Port: kport } } } });
    const pod = await srv.client.create(pods, { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia', namespace: 'default' }, spec: { nodeName: 'node-1', containers: [{ name: 'main', image: 'luksa/kubia' }] } });
    await srv.client.updateStatus(pods, { ...pod, status: { phase: 'Running' } });
    const kubectl = (args: string[]) => new Promise<{ code: number; out: string }>((resolve) => {
      const p = spawn(KUBECTL, ['--kubeconfig', srv.kubeconfig, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      p.stdout.on('data', (d) => { out += d; });
      p.stderr.on('data', (d) => { out += d; });
      p.on('close', (code) => resolve({ code: code ?? -1, out }));
    });
    assert.deepEqual(await kubectl(['logs', 'kubia', '--tail=1']), { code: 0, out: 'line 3\n' });
    assert.deepEqual(await kubectl(['exec', 'kubia', '--', 'echo', 'remote']), { code: 0, out: 'remote\n' });
    assert.deepEqual(await kubectl(['exec', 'kubia', '--', 'sh', '-c', 'exit 4']), { code: 4, out: 'command terminated with exit code 4\n' });
    const local = await new Promise<number>((r) => { const t = createServer(); t.listen(0, '127.0.0.1', () => { const p = (t.address() as AddressInfo).port; t.close(() => r(p)); }); });
    const pf = spawn(KUBECTL, ['--kubeconfig', srv.kubeconfig, 'port-forward', 'kubia', `${local}:${(echo.address() as AddressInfo).port}`], { stdio: ['ignore', 'pipe', 'pipe'] });
    try {
      await new Promise<void>((r) => pf.stdout.on('data', (d: Buffer) => { if (d.toString().includes('Forwarding from')) r(); }));
      const got = await new Promise<string>((resolve, reject) => {
        const s = connect(local, '127.0.0.1', () => s.write('through two hops'));
        s.on('data', (d) => { resolve(d.toString()); s.end(); });
        s.on('error', reject);
      });
      assert.equal(got, 'through two hops');
    } finally { pf.kill('SIGTERM'); }
  } finally {
    echo.close();
    await srv.close();
    await kubelet.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
