// The same pods with kubelite running without root (issue 5: every scenario also works in the
// fallback): the server runs as `nobody` with a data dir it owns, so pods get no namespaces —
// loopback pod IPs (127.x), host network — and the kubelet says so with a Warning event that
// `kubectl describe` shows. hello-world completes, kubia answers on its 127.x pod IP (three
// replicas on one port, scenario 16), liveness restarts kubia (scenario 10), a crashing pod backs
// off (scenario 9), and a deleted pod leaves no process.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, copyFileSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readlinkSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { claimPodCidr, freePort, kubectlMissing, kubeliteBin, type TestServer } from './harness.js';
import { deleteAllPods, eventually, httpGet, ok, pids, podRow, waitGone, waitStatus } from './pods-helpers.js';

const NOBODY = 65534;
const skip = kubectlMissing() ?? (process.getuid?.() === 0 ? undefined : 'the test must run as root to start kubelite as another, unprivileged user');
let server: TestServer;
const cidr = claimPodCidr();
const loopbackPrefix = `127.${cidr.split('.').slice(1, 3).join('.')}.`;

/**
 * `to` as a copy of `from` that anyone can read: files are hard links where the file is
 * world-readable and on the same filesystem (the tree is mostly node_modules: linking takes a
 * fraction of the time of copying), copies made readable otherwise; symbolic links stay links.
 */
function readableTree(from: string, to: string): void {
  const st = lstatSync(from);
  if (st.isDirectory()) {
    mkdirSync(to);
    chmodSync(to, 0o755);
    for (const name of readdirSync(from)) readableTree(join(from, name), join(to, name));
  } else if (st.isSymbolicLink()) {
    symlinkSync(readlinkSync(from), to);
  } else {
    if (st.mode & 0o004) {
      try { linkSync(from, to); return; } catch (e) { if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e; }
    }
    copyFileSync(from, to);
    chmodSync(to, (st.mode & 0o777) | 0o444);
  }
}

/**
 * The built server where `nobody` can read it. The repository may sit below a directory only its
 * owner can enter (a clone under `mktemp -d`, as CI may make), so running bin/kubelite.js in place
 * fails with "Cannot find module". The server needs its entry point, the compiled tree, package.json
 * (`"type": "module"`, the version) and its dependencies.
 */
function readableBuild(into: string): string {
  const repo = dirname(dirname(kubeliteBin));
  mkdirSync(into);
  chmodSync(into, 0o755);
  for (const entry of ['bin', 'dist', 'package.json', 'node_modules']) readableTree(join(repo, entry), join(into, entry));
  return join(into, 'bin', 'kubelite.js');
}

/** `kubelite server` as uid/gid 65534 (nobody) on a data dir that user owns, with HOME there. */
async function startServerAsNobody(): Promise<TestServer> {
  const home = mkdtempSync(join(tmpdir(), 'kubelite-nonroot-'));
  const removeHome = () => rmSync(home, { recursive: true, force: true });
  let bin: string;
  try {
    chownSync(home, NOBODY, NOBODY);
    bin = readableBuild(join(home, 'kubelite'));
  } catch (e) {
    removeHome();
    throw e;
  }
  const dataDir = join(home, 'data');
  const port = await freePort();
  const proc: ChildProcess = spawn(process.execPath, [bin, 'server', '--data-dir', dataDir, '--port', String(port), '--store', 'memory', '--pod-cidr', cidr], {
    uid: NOBODY, gid: NOBODY, cwd: home, env: { ...process.env, HOME: home, USER: 'nobody' }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  const stop = async (signal: NodeJS.Signals = 'SIGTERM') => {
    if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
    const code = await exited;
    removeHome();
    return code;
  };
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  try {
    await new Promise<void>((res, rej) => {
      const t = setTimeout(() => rej(new Error(`server did not become ready:\n${out}`)), 15_000);
      proc.stdout!.on('data', () => { if (out.includes('kubelite server ready')) { clearTimeout(t); res(); } });
      proc.on('exit', (code) => { clearTimeout(t); rej(new Error(`server exited with ${code}:\n${out}`)); });
    });
  } catch (e) {
    await stop('SIGKILL');
    throw e;
  }
  return { port, dataDir, kubeconfig: join(dataDir, 'kubeconfig'), url: `https://127.0.0.1:${port}`, proc, output: () => out, stop };
}

before(async () => {
  if (skip) return;
  server = await startServerAsNobody();
});
after(async () => {
  if (skip) return;
  await deleteAllPods(server);
  await server.stop();
});

const k = (args: string[], input?: string) => ok(server, args, { input });
const DEGRADED = 'kubelite is not running as root: pods share the host network and get loopback addresses';

describe('pods with kubelite running as an unprivileged user', { skip, concurrency: true }, () => {
  test('hello-world completes and prints its greeting', async () => {
    await k(['run', 'hello', '--image=hello-world', '--restart=Never']);
    const row = await waitStatus(server, 'hello', 'Completed');
    assert.ok(row.ip!.startsWith(loopbackPrefix), `pod IP ${row.ip} is not a loopback address in ${loopbackPrefix}0/24`);
    assert.match(await k(['logs', 'hello']), /^\nHello from kubelite!\n/);
  });

  test('kubia gets a 127.x pod IP that answers "You\'ve hit <name>"; describe shows the degraded isolation', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: kubia-nr}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - {name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}
`);
    const row = await waitStatus(server, 'kubia-nr', 'Running');
    assert.ok(row.ip!.startsWith(loopbackPrefix), `pod IP ${row.ip} is not a loopback address in ${loopbackPrefix}0/24`);
    const r = await eventually(() => httpGet(row.ip!, 8080), 5000, 100);
    assert.deepEqual(r, { status: 200, body: "You've hit kubia-nr\n" });
    const d = await k(['describe', 'pod', 'kubia-nr']);
    assert.match(d, new RegExp(`Warning\\s+DegradedIsolation\\s+\\S+\\s+kubelet\\s+${DEGRADED}\\n`));
  });

  test('scenario 16 without root: three kubia pods on port 8080, each on its own loopback address', async () => {
    const names = ['kubia-x', 'kubia-y', 'kubia-z'];
    await k(['apply', '-f', '-'], names.map((n) => `apiVersion: v1
kind: Pod
metadata: {name: ${n}}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - {name: kubia, image: luksa/kubia}
`).join('---\n'));
    const ips = new Set<string>();
    for (const n of names) {
      const row = await waitStatus(server, n, 'Running');
      assert.ok(row.ip!.startsWith(loopbackPrefix), row.ip);
      ips.add(row.ip!);
      assert.deepEqual(await eventually(() => httpGet(row.ip!, 8080), 5000, 100), { status: 200, body: `You've hit ${n}\n` });
    }
    assert.equal(ips.size, 3);
  });

  test('scenario 10 without root: the liveness probe reaches the pod IP and restarts kubia (137)', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: kubia-liveness}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: kubia
    image: luksa/kubia-unhealthy
    livenessProbe:
      httpGet: {path: /, port: 8080}
      initialDelaySeconds: 2
      periodSeconds: 2
      failureThreshold: 3
`);
    await eventually(async () => assert.match((await podRow(server, 'kubia-liveness')).restarts, /^1 \(\d+s ago\)$/), 35_000, 500);
    const d = await k(['describe', 'pod', 'kubia-liveness']);
    assert.match(d, /Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137\n/);
    assert.match(d, /Liveness probe failed: HTTP probe failed with statuscode: 500\n/);
    assert.match(d, /Container kubia failed liveness probe, will be restarted\n/);
  });

  test('scenario 9 without root: Completed, restarted, then CrashLoopBackOff', async () => {
    await k(['run', 'testpod', '--image=centos:7', '--command', '--', 'sleep', '1']);
    const row = await waitStatus(server, 'testpod', 'CrashLoopBackOff', 15_000);
    assert.match(row.restarts, /^1 \(\d+s ago\)$/);
    assert.match(await k(['describe', 'pod', 'testpod']), /Last State:\s+Terminated\n\s+Reason:\s+Completed\n\s+Exit Code:\s+0\n/);
  });

  test('deleting a pod stops its process (grace 1 s)', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: sleeper-nr}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - {name: main, image: busybox, command: ["sleep", "424501"]}
`);
    await waitStatus(server, 'sleeper-nr', 'Running');
    assert.ok(pids('sleep 424501').length > 0);
    await k(['delete', 'pod', 'sleeper-nr']);
    await waitGone(server, 'sleeper-nr', 10_000);
    await eventually(async () => assert.deepEqual(pids('sleep 424501'), []), 5000);
    assert.equal((await podRow(server, 'hello')).status, 'Completed');
  });
});
