import { after, before } from 'node:test';
// Shared pieces of the pod end-to-end tests (pods-*.test.ts, agent-failure.test.ts): kubectl that
// must succeed, polling with a deadline, `get pods` rows, the processes a test's pods started, and
// plain HTTP to a pod IP.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { claimPodCidr, kubectl, kubectlPath, startTestServer, type RunResult, type TestServer } from './harness.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Runs kubectl and requires success; returns stdout. */
export async function ok(server: TestServer, args: string[], opts: { input?: string } = {}): Promise<string> {
  const r = await kubectl(server, args, opts);
  assert.equal(r.code, 0, `kubectl ${args.join(' ')} failed (${r.code}):\n${r.stderr}${r.stdout}`);
  return r.stdout;
}

/** Polls until `check` passes, failing with its last error once the deadline is past. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000, everyMs = 250): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try { return await check(); } catch (e) {
      if (Date.now() > deadline) throw e;
      await sleep(everyMs);
    }
  }
}

export interface PodRow { name: string; ready: string; status: string; restarts: string; age: string; ip?: string; node?: string }

/** One `kubectl get pod NAME -o wide --no-headers` row (RESTARTS may read `1 (3s ago)`). */
export async function podRow(server: TestServer, name: string, ns = 'default'): Promise<PodRow> {
  const out = (await ok(server, ['get', 'pod', name, '-n', ns, '-o', 'wide', '--no-headers'])).trim();
  const m = /^(\S+)\s+(\S+)\s+(\S+)\s+(\d+(?: \([^)]*\))?)\s+(\S+)\s+(\S+)\s+(\S+)/.exec(out);
  assert.ok(m, `unexpected row: ${out}`);
  return { name: m[1]!, ready: m[2]!, status: m[3]!, restarts: m[4]!, age: m[5]!, ip: m[6]!, node: m[7]! };
}

/** Waits for the pod's STATUS column to read `status`; returns the row. */
export function waitStatus(server: TestServer, name: string, status: string | RegExp, timeoutMs = 15_000): Promise<PodRow> {
  return eventually(async () => {
    const row = await podRow(server, name);
    if (typeof status === 'string') assert.equal(row.status, status, JSON.stringify(row));
    else assert.match(row.status, status, JSON.stringify(row));
    return row;
  }, timeoutMs);
}

/** Waits until `kubectl get pod` says NotFound. */
export function waitGone(server: TestServer, name: string, timeoutMs = 15_000): Promise<void> {
  return eventually(async () => {
    const r = await kubectl(server, ['get', 'pod', name]);
    assert.match(r.stderr, /NotFound|not found/, `pod ${name} still there: ${r.stdout}`);
  }, timeoutMs);
}

/** `kubectl get pods --watch` in the background, collecting rows until stopped. */
export function watchPods(server: TestServer, args: string[]): { rows: () => string[]; stop(): void; proc: ChildProcess } {
  const proc = spawn(kubectlPath, ['--kubeconfig', server.kubeconfig, 'get', 'pods', '--watch', '--no-headers', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  return { rows: () => out.split('\n').filter(Boolean).map((l) => l.replace(/\s+/g, ' ').trim()), stop: () => { proc.kill('SIGTERM'); }, proc };
}

/** PIDs of processes whose full command line contains `pattern` (a unique marker chosen by the test). */
export function pids(pattern: string): number[] {
  const r = spawnSync('pgrep', ['-f', '--', pattern], { encoding: 'utf8' });
  return r.stdout.split('\n').filter(Boolean).map(Number).filter((p) => p !== process.pid);
}

/** Events of one object as `Type Reason Message` lines, oldest first. */
export async function eventsOf(server: TestServer, name: string, ns = 'default'): Promise<string[]> {
  const out = await ok(server, ['get', 'events', '-n', ns, '--field-selector', `involvedObject.name=${name}`, '--sort-by=.lastTimestamp',
    '-o', 'jsonpath={range .items[*]}{.type} {.reason} {.message}{"\\n"}{end}']);
  return out.split('\n').filter(Boolean);
}

export function httpGet(host: string, port: number, timeoutMs = 2000): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host, port, path: '/', timeout: timeoutMs }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('timeout', () => req.destroy(new Error(`GET http://${host}:${port}/ timed out`)));
    req.on('error', reject).end();
  });
}

/** Network namespaces (`ip netns`) whose eth0 address lies in `cidr` (a /24). */
export function namespacesInCidr(cidr: string): string[] {
  const prefix = cidr.split('.').slice(0, 3).join('.') + '.';
  const list = spawnSync('ip', ['netns', 'list'], { encoding: 'utf8' }).stdout.split('\n').map((l) => l.split(' ')[0]!).filter(Boolean);
  return list.filter((ns) => spawnSync('ip', ['-n', ns, '-br', '-4', 'addr', 'show', 'eth0'], { encoding: 'utf8' }).stdout.includes(prefix));
}

/**
 * Removes the network namespaces left in this test's own CIDR once its server has stopped: the
 * process runtime does not yet drop its pool of ready namespaces on shutdown (see
 * agent-failure.test.ts), and leaving them would hand a later run duplicate IPs on the bridge.
 */
export function removeNamespacesInCidr(cidr: string): void {
  if (process.getuid?.() !== 0) return;
  for (const ns of namespacesInCidr(cidr)) spawnSync('ip', ['netns', 'del', ns]);
}

/**
 * Deletes every pod the test created (short grace) and waits for them to be gone, so the
 * server stops with no container left: containers outlive a stopped agent by design (adoption).
 */
export async function deleteAllPods(server: TestServer, ns = 'default'): Promise<RunResult> {
  const r = await kubectl(server, ['delete', 'pods', '--all', '-n', ns, '--grace-period=1', '--wait=true', '--timeout=30s'], { timeoutMs: 40_000 });
  return r;
}

/**
 * Starts this test file's own process-runtime server in `before` (its own pod /24, so files running
 * side by side never share IPs) and in `after` deletes its pods, stops it and removes leftover
 * namespaces in its range. `onStart` receives the server.
 */
export function podTestServer(skip: string | undefined, onStart: (s: TestServer) => void): { cidr: string } {
  const cidr = claimPodCidr(); // servers share the bridge: a /24 no other running test holds
  let server: TestServer | undefined;
  before(async () => {
    if (skip) return;
    const started = await startTestServer({ store: 'memory', extraArgs: ['--pod-cidr', cidr] });
    server = started;
    onStart(started);
  });
  after(async () => {
    if (skip || !server) return;
    await deleteAllPods(server);
    await server.stop();
    removeNamespacesInCidr(cidr);
  });
  return { cidr };
}
