// The real kubectl against pods bound to a fake node: logs, exec, attach and port-forward through
// the API server's streaming subresources (WebSocket channel protocol, SPDY tunnelled in WebSocket).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer, connect, type AddressInfo, type Server } from 'node:net';
import { after, before, describe, test } from 'node:test';
import type { KObject } from '../../../api/object.js';
import { FakeNode } from './fake-node.js';
import { startStreamTestServer, type StreamTestServer } from './test-server.js';

const KUBECTL = process.env.KUBECTL ?? 'kubectl';
const missing = spawnSync(KUBECTL, ['version', '--client'], { encoding: 'utf8' }).status !== 0;

function olderKubectls(versions: string[]): string[] {
  if (missing) return [];
  const which = spawnSync('sh', ['-c', `command -v ${KUBECTL}`], { encoding: 'utf8' }).stdout.trim();
  const dir = which ? dirname(realpathSync(which)) : '';
  return versions.map((v) => join(dir, `kubectl.${v}`)).filter((p) => dir && existsSync(p));
}

const freePort = () => new Promise<number>((r) => { const s = createServer(); s.listen(0, '127.0.0.1', () => { const p = (s.address() as AddressInfo).port; s.close(() => r(p)); }); });

async function waitFor(cond: () => boolean, ms = 10_000): Promise<void> {
  for (const end = Date.now() + ms; !cond(); ) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Run { code: number; stdout: string; stderr: string }

function run(kubectl: string, srv: StreamTestServer, args: string[], input = ''): Promise<Run> {
  return new Promise((resolve) => {
    const p = spawn(kubectl, ['--kubeconfig', srv.kubeconfig, ...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    const t = setTimeout(() => p.kill('SIGKILL'), 20_000);
    p.on('close', (code) => { clearTimeout(t); resolve({ code: code ?? -1, stdout, stderr }); });
    p.stdin.end(input);
  });
}

const pod = (name: string, containers: string[], nodeName?: string, init: string[] = []): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name, namespace: 'default' },
  spec: {
    ...(nodeName ? { nodeName } : {}),
    ...(init.length ? { initContainers: init.map((c) => ({ name: c, image: 'busybox' })) } : {}),
    containers: containers.map((c) => ({ name: c, image: 'luksa/kubia', stdin: true })),
  },
});

describe('kubectl streaming through the API server', { skip: missing && 'kubectl not found' }, () => {
  let srv: StreamTestServer;
  let echo: Server;
  let echoPort: number;
  const node = new FakeNode();

  before(async () => {
    srv = await startStreamTestServer(node);
    const pods = srv.client.kind('', 'Pod');
    for (const p of [pod('kubia', ['main'], 'node-1'), pod('two', ['a', 'sidecar'], 'node-1', ['init']), pod('pending', ['main'])]) {
      const created = await srv.client.create(pods, p);
      if (p.spec && (p.spec as { nodeName?: string }).nodeName) {
        await srv.client.updateStatus(pods, { ...created, status: { phase: 'Running' } });
      }
    }
    echo = createServer((s) => s.pipe(s));
    await new Promise<void>((r) => echo.listen(0, '127.0.0.1', r));
    echoPort = (echo.address() as AddressInfo).port;
  });
  after(async () => { echo.close(); await srv.close(); });

  const logCases: Array<{ name: string; args: string[]; code?: number; stdout?: string; stderr?: RegExp }> = [
    { name: 'logs of the only container', args: ['logs', 'kubia'], stdout: 'line 1\nline 2\nline 3\n' },
    { name: 'logs --tail', args: ['logs', 'kubia', '--tail=1'], stdout: 'line 3\n' },
    { name: 'logs --timestamps', args: ['logs', 'kubia', '--timestamps', '--tail=1'], stdout: '2025-01-02T03:04:05.000000006Z line 3\n' },
    { name: 'logs -f streams until the kubelet ends', args: ['logs', '-f', 'kubia'], stdout: 'line 1\nline 2\nline 3\nline 4 (followed)\n' },
    { name: 'logs -c of another container', args: ['logs', 'two', '-c', 'a', '--tail=2'], stdout: 'line 2\nline 3\n' },
    { name: 'logs --previous without a previous instance', args: ['logs', 'kubia', '--previous'], code: 1, stderr: /^Error from server \(BadRequest\): previous terminated container "main" in pod "kubia" not found\n$/ },
    { name: 'logs of a waiting container', args: ['logs', 'two', '-c', 'sidecar'], code: 1, stderr: /^Error from server \(BadRequest\): container "sidecar" in pod "two" is waiting to start: ContainerCreating\n$/ },
    { name: 'raw log of an unknown container', args: ['get', '--raw', '/api/v1/namespaces/default/pods/kubia/log?container=nope'], code: 1, stderr: /^Error from server \(BadRequest\): container nope is not valid for pod kubia\n$/ },
    { name: 'raw log without container on a two-container pod', args: ['get', '--raw', '/api/v1/namespaces/default/pods/two/log'], code: 1, stderr: /a container name must be specified for pod two, choose one of: \[init a sidecar\]/ },
    { name: 'negative tailLines is invalid', args: ['get', '--raw', '/api/v1/namespaces/default/pods/kubia/log?tailLines=-1'], code: 1, stderr: /PodLogOptions "kubia" is invalid: tailLines: Invalid value: -1: must be greater than or equal to 0/ },
    { name: 'logs of an unscheduled pod are empty', args: ['logs', 'pending'], stdout: '' },
  ];
  for (const c of logCases) {
    test(c.name, async () => {
      const r = await run(KUBECTL, srv, c.args);
      assert.equal(r.code, c.code ?? 0, r.stderr);
      if (c.stdout !== undefined) assert.equal(r.stdout, c.stdout);
      if (c.stderr) assert.match(r.stderr, c.stderr);
    });
  }

  // Older clients beside the dispatcher are called directly too: it picks 1.33 for this server.
  const kubectls = [KUBECTL, ...olderKubectls(['1.32', '1.31', '1.30'])];
  for (const k of kubectls) {
    const execCases: Array<{ name: string; args: string[]; input?: string; code: number; stdout?: string; stderr?: RegExp }> = [
      { name: 'exec stdout', args: ['exec', 'kubia', '--', 'echo', 'hello', 'world'], code: 0, stdout: 'hello world\n' },
      { name: 'exec stderr', args: ['exec', 'kubia', '--', 'warn', 'oops'], code: 0, stdout: '', stderr: /^oops\n$/ },
      { name: 'exec exit code propagates', args: ['exec', 'kubia', '--', 'sh', '-c', 'exit 3'], code: 3, stderr: /command terminated with exit code 3/ },
      { name: 'exec -i sends stdin until EOF', args: ['exec', '-i', 'kubia', '--', 'cat'], input: 'abc\ndef\n', code: 0, stdout: 'ABC\nDEF\n' },
      { name: 'exec -c picks the container', args: ['exec', 'two', '-c', 'sidecar', '--', 'echo', 'hi'], code: 0, stdout: 'hi\n' },
      { name: 'exec failure is an error', args: ['exec', 'kubia', '--', 'nosuch'], code: 1, stderr: /error executing command in container: executable file not found in \$PATH: nosuch/ },
      { name: 'exec on an unscheduled pod', args: ['exec', 'pending', '--', 'echo'], code: 1, stderr: /pod pending does not have a host assigned/ },
      { name: 'attach shows output', args: ['attach', 'kubia'], code: 0, stdout: 'attached output\n' },
      { name: 'attach -i', args: ['attach', '-i', 'kubia'], input: 'x\n', code: 0, stdout: 'attached output\necho: x\n' },
    ];
    for (const c of execCases) {
      test(`${k}: ${c.name}`, async () => {
        const r = await run(k, srv, c.args, c.input);
        assert.equal(r.code, c.code, `stdout: ${r.stdout}\nstderr: ${r.stderr}`);
        if (c.stdout !== undefined) assert.equal(r.stdout, c.stdout);
        if (c.stderr) assert.match(r.stderr, c.stderr);
      });
    }

    test(`${k}: port-forward to a closed port reports the kubelet's error`, async () => {
      const local = await freePort();
      const pf = spawn(k, ['--kubeconfig', srv.kubeconfig, 'port-forward', 'pod/kubia', `${local}:1`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      pf.stdout.on('data', (d) => { out += d; });
      pf.stderr.on('data', (d) => { out += d; });
      const exited = new Promise<void>((r) => pf.on('close', () => r()));
      try {
        await waitFor(() => out.includes('Forwarding from'));
        await new Promise<void>((r) => { const c = connect(local, '127.0.0.1', () => c.write('x')); c.on('close', () => r()); c.on('error', () => r()); });
        await waitFor(() => /error forwarding port 1 to pod kubia_default, uid [0-9a-f-]+: dial tcp4 127\.0\.0\.1:1: connect: connection refused/.test(out));
      } finally {
        pf.kill('SIGTERM');
        await exited;
      }
    });

    test(`${k}: port-forward reaches the pod port, twice`, async () => {
      const local = await freePort();
      // -v=4 shows whether kubectl fell back from the WebSocket tunnel (1.31+) to a plain SPDY upgrade.
      const pf = spawn(k, ['--kubeconfig', srv.kubeconfig, '-v=4', 'port-forward', 'pod/kubia', `${local}:${echoPort}`], { stdio: ['ignore', 'pipe', 'pipe'] });
      let out = '';
      pf.stdout.on('data', (d) => { out += d; });
      pf.stderr.on('data', (d) => { out += d; });
      try {
        await new Promise<void>((resolve, reject) => {
          const t = setTimeout(() => reject(new Error(`port-forward did not start: ${out}`)), 10_000);
          pf.stdout.on('data', () => { if (out.includes('Forwarding from')) { clearTimeout(t); resolve(); } });
        });
        for (const msg of ['ping', 'second connection']) {
          const got = await new Promise<string>((resolve, reject) => {
            const s = connect(local, '127.0.0.1', () => s.write(msg));
            s.on('data', (d) => { resolve(d.toString()); s.end(); });
            s.on('error', reject);
          });
          assert.equal(got, msg, out);
        }
        assert.match(out, new RegExp(`Forwarding from 127\\.0\\.0\\.1:${local} -> ${echoPort}`));
        if (!k.endsWith('kubectl.1.30')) assert.doesNotMatch(out, /fallback to secondary dialer/);
      } finally {
        pf.kill('SIGTERM');
      }
    });
  }
});
