// Runs real sandboxes: needs root on Linux (as CI has). Everything it creates uses its own names
// (bridge kltest0, range 10.251.7.0/24, a temp state dir) and is removed at the end.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Mount, SandboxConfig } from '../runtime/runtime.js';
import { NETNS_DIR, pidsInNetns } from './network.js';

// Its own cgroup parent: other test files (run alongside) create and remove theirs.
const CGROUP_PARENT = `kubelite-test-${process.pid}`;
import { SandboxManager, type CommandLine, type PodSandbox } from './sandbox-manager.js';

const isRoot = process.platform === 'linux' && process.getuid?.() === 0;
const skip = isRoot ? false : 'needs root on Linux (network, PID and mount namespaces)';
const BRIDGE = 'kltest0';
const dir = mkdtempSync(join(tmpdir(), 'kl-sandbox-'));
let mgr: SandboxManager;
let a: PodSandbox;
let b: PodSandbox;

function cfg(name: string): SandboxConfig {
  return { podUid: `uid-${name}`, namespace: 'default', name, hostname: name, hostNetwork: false, annotations: {} };
}

interface Run { code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; pid: number }

function run(cl: CommandLine, timeoutMs = 10_000): Promise<Run> {
  const child = spawn(cl.file, cl.args, { cwd: cl.cwd, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => { stdout += d; });
  child.stderr.on('data', (d: Buffer) => { stderr += d; });
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), timeoutMs);
  return new Promise((resolve) => child.on('close', (code, signal) => {
    clearTimeout(timer);
    resolve({ code, signal, stdout: stdout.trim(), stderr: stderr.trim(), pid: child.pid! });
  }));
}

function inPod(s: PodSandbox, argv: string[], extra: { mounts?: Mount[]; memoryBytes?: number; name?: string; workingDir?: string } = {}): CommandLine {
  return mgr.containerCommand(s, { argv, mounts: extra.mounts ?? [], workingDir: extra.workingDir,
    limits: { memoryBytes: extra.memoryBytes }, cgroupName: extra.name ?? `kltest-${s.id}-${Math.random().toString(16).slice(2, 8)}` });
}

async function until<T>(fn: () => Promise<T | undefined> | T | undefined, what: string, ms = 5000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    try {
      const v = await fn();
      if (v !== undefined) return v;
    } catch { /* not yet */ }
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

before(async () => {
  if (!isRoot) return;
  mgr = await SandboxManager.create({ stateDir: dir, podCidr: '10.251.7.0/24', bridge: BRIDGE, nodeName: 'test', poolSize: 2, cgroupParent: CGROUP_PARENT });
  a = await mgr.createSandbox(cfg('pod-a'));
  b = await mgr.createSandbox(cfg('pod-b'));
});

after(async () => {
  if (!isRoot) return rmSync(dir, { recursive: true, force: true });
  for (const s of await mgr.list()) await mgr.removeSandbox(s);
  await mgr.close({ removeBridge: true, removeCgroupParent: true });
  assert.ok(!existsSync(`/sys/fs/cgroup/memory/${CGROUP_PARENT}`) && !existsSync(`/sys/fs/cgroup/${CGROUP_PARENT}`));
  rmSync(dir, { recursive: true, force: true });
});

test('namespaces mode on root Linux, distinct IPs from the node range', { skip }, () => {
  assert.equal(mgr.mode, 'namespaces', mgr.degradedReason);
  assert.notEqual(a.ip, b.ip);
  for (const s of [a, b]) assert.match(s.ip, /^10\.251\.7\.\d+$/);
  assert.ok(existsSync(`${NETNS_DIR}/${a.netns}`));
});

test('hostname prints the pod hostname; the command is PID 1 of its own PID namespace', { skip }, async () => {
  assert.equal((await run(inPod(a, ['hostname']))).stdout, 'pod-a');
  const r = await run(inPod(b, ['sh', '-c', 'echo $$; echo /proc/[0-9]*']));
  assert.deepEqual(r.stdout.split('\n'), ['1', '/proc/1'], r.stderr); // PID 1, and the only process visible
});

test('exit codes pass through; a missing command fails', { skip }, async () => {
  assert.equal((await run(inPod(a, ['sh', '-c', 'exit 3']))).code, 3);
  assert.equal((await run(inPod(a, ['no-such-command-kl']))).code, 127);
});

test('volumes appear at containerPath, read-only ones refuse writes, workingDir is applied', { skip }, async () => {
  const host = join(dir, 'vol');
  mkdirSync(host);
  writeFileSync(join(host, 'hello.txt'), 'from the host\n');
  const at = join(dir, 'not-yet', 'data');
  const rw = await run(inPod(a, ['sh', '-c', 'cat hello.txt && pwd && echo w > new.txt'], { mounts: [{ hostPath: host, containerPath: at, readOnly: false }], workingDir: at }));
  assert.deepEqual([rw.code, rw.stdout], [0, `from the host\n${at}`], rw.stderr);
  assert.ok(existsSync(join(host, 'new.txt')));
  const ro = await run(inPod(a, ['sh', '-c', `echo x > ${at}/x.txt`], { mounts: [{ hostPath: host, containerPath: at, readOnly: true }] }));
  assert.notEqual(ro.code, 0);
  assert.match(ro.stderr, /Read-only file system/);
});

test('pods reach each other and the host reaches pods by pod IP', { skip }, async () => {
  const server = `require('http').createServer((q, s) => s.end('hit ' + require('os').hostname())).listen(8080, '0.0.0.0')`;
  const cl = inPod(a, [process.execPath, '-e', server], { name: 'kltest-server' });
  const child = spawn(cl.file, cl.args, { detached: true, stdio: 'ignore' });
  try {
    const body = await until(async () => (await fetch(`http://${a.ip}:8080/`)).text(), 'the pod server');
    assert.equal(body, 'hit pod-a');
    const fromB = await run(inPod(b, [process.execPath, '-e', `fetch('http://${a.ip}:8080/').then(r => r.text()).then(console.log)`]));
    assert.equal(fromB.stdout, 'hit pod-a', fromB.stderr);
    // exec joins the running container: same hostname, PID namespace (node is PID 1) and cgroup.
    const ex = await run(mgr.execCommand(a, child.pid!, ['sh', '-c', 'hostname; tr "\\0" " " < /proc/1/cmdline'], 'kltest-server'));
    assert.equal(ex.stdout.split('\n')[0], 'pod-a');
    assert.match(ex.stdout.split('\n')[1], /-e require\('http'\)/);
    // A PID 1 without a SIGTERM handler ignores SIGTERM (as in any container); the group SIGKILL ends it all.
    process.kill(-child.pid!, 'SIGKILL');
    await until(async () => ((await pidsInNetns(a.netns!)).length === 0 ? true : undefined), 'the pod processes to die');
  } finally {
    try { process.kill(-child.pid!, 'SIGKILL'); } catch { /* gone */ }
  }
});

test('a memory limit OOM-kills the container: exit 137 and oomKilled', { skip }, async (t) => {
  if (!mgr.cgroupVersion) return t.skip('cgroup memory controller not writable here');
  const hog = `const a = []; for (;;) a.push(Buffer.alloc(1 << 20, 1))`;
  const r = await run(inPod(a, [process.execPath, '-e', hog], { memoryBytes: 64 * 1024 * 1024, name: 'kltest-oom' }));
  assert.equal(r.code, 137, r.stderr);
  assert.equal(mgr.oomKilled('kltest-oom'), true);
  assert.equal((await run(inPod(a, ['true'], { memoryBytes: 64 * 1024 * 1024, name: 'kltest-ok' }))).code, 0);
  assert.equal(mgr.oomKilled('kltest-ok'), false);
  await mgr.removeCgroup('kltest-oom');
  assert.ok(!existsSync(`/sys/fs/cgroup/memory/${CGROUP_PARENT}/kltest-oom`) && !existsSync(`/sys/fs/cgroup/${CGROUP_PARENT}/kltest-oom`));
});

test('a SIGKILLed agent takes its containers with it', { skip }, async () => {
  const s = await mgr.createSandbox(cfg('pod-orphan'));
  const cl = inPod(s, ['sh', '-c', 'sleep 1000 & sleep 1001']);
  // The "agent": a process that spawns the container and is then killed with SIGKILL.
  const agent = spawn(process.execPath, ['-e', `const c = require('child_process').spawn(${JSON.stringify(cl.file)}, ${JSON.stringify(cl.args)}, { detached: true, stdio: 'ignore' }); console.log(c.pid); setInterval(() => {}, 1000)`], { stdio: ['ignore', 'pipe', 'inherit'] });
  const pid = Number(await new Promise<string>((r) => agent.stdout.once('data', (d: Buffer) => r(String(d)))));
  const init = await until(() => mgr.containerInitPid(pid), 'the container init');
  await until(async () => ((await pidsInNetns(s.netns!)).length >= 3 ? true : undefined), 'the container processes');
  agent.kill('SIGKILL');
  await until(async () => ((await pidsInNetns(s.netns!)).length === 0 && !alive(init) && !alive(pid) ? true : undefined), 'every container process to die');
  await mgr.removeSandbox(s);
});

test('removeSandbox kills what runs inside, deletes netns, veth and cgroups, frees the IP; idempotent', { skip }, async () => {
  const s = await mgr.createSandbox(cfg('pod-gone'));
  const cl = inPod(s, ['sleep', '1000'], { memoryBytes: 32 << 20, name: 'kltest-gone' });
  const child = spawn(cl.file, cl.args, { detached: true, stdio: 'ignore' });
  await until(async () => ((await pidsInNetns(s.netns!)).length >= 1 ? true : undefined), 'the container');
  await mgr.removeSandbox(s);
  assert.deepEqual(await pidsInNetns(s.netns!), []);
  assert.ok(!existsSync(`${NETNS_DIR}/${s.netns}`));
  // The host end of the veth goes with the namespace, in the kernel's batched clean-up.
  await until(async () => ((await run({ file: 'ip', args: ['link', 'show', `klv${s.id.slice(3)}`] })).code === 1 ? true : undefined), 'the host end of the veth to go');
  assert.ok(!existsSync(`/sys/fs/cgroup/memory/${CGROUP_PARENT}/kltest-gone`) && !existsSync(`/sys/fs/cgroup/${CGROUP_PARENT}/kltest-gone`));
  if (child.exitCode === null && child.signalCode === null) await new Promise((r) => child.once('exit', r));
  assert.ok(!(await mgr.list()).some((x) => x.id === s.id));
  await mgr.removeSandbox(s);
});

test('set-up time: pooled and inline', { skip }, async (t) => {
  const made: PodSandbox[] = [];
  for (let i = 0; i < 30; i++) {
    made.push(await mgr.createSandbox(cfg(`pod-t${i}`)));
    if (i % 3 === 0) await new Promise((r) => setTimeout(r, 20)); // let the pool refill now and then
  }
  const timings = mgr.setupTimings();
  t.diagnostic(`sandbox set-up: ${JSON.stringify(timings)}`);
  for (const s of made) await mgr.removeSandbox(s);
  assert.ok(timings.pooled > 0);
});

test('loopback mode: 127.x addresses from the node range, commands run as they are', async () => {
  const lo = await SandboxManager.create({ stateDir: join(dir, 'lo'), podCidr: '10.251.7.0/24', nodeName: 'test', forceLoopback: 'kubelite is not running as root: pods share the host network and get loopback addresses' });
  const s1 = await lo.createSandbox(cfg('x'));
  const s2 = await lo.createSandbox(cfg('y'));
  assert.equal(lo.mode, 'loopback');
  assert.deepEqual([s1.ip, s2.ip], ['127.251.7.2', '127.251.7.3']);
  assert.match(s1.degraded ?? '', /not running as root/);
  assert.deepEqual(lo.containerCommand(s1, { argv: ['node', 'x.js'], mounts: [], workingDir: '/w', limits: {}, cgroupName: 'c' }), { file: 'node', args: ['x.js'], cwd: '/w' });
  await lo.removeSandbox(s1);
  assert.equal((await lo.createSandbox(cfg('z'))).ip, '127.251.7.4');
  await lo.close();
});

test('without root, create() degrades to loopback and says why', { skip: isRoot ? 'runs only unprivileged' : false }, async () => {
  const m = await SandboxManager.create({ stateDir: join(dir, 'unprivileged'), podCidr: '10.251.7.0/24', nodeName: 'test' });
  assert.equal(m.mode, 'loopback');
  assert.equal(m.degradedReason, 'kubelite is not running as root: pods share the host network and get loopback addresses');
  await m.close();
});
