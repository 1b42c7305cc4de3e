// Process-runtime behaviour beyond the shared conformance suite: built-in images, start errors, PID 1
// signal semantics, logs, an agent killed with SIGKILL, and start-up cost against a raw spawn.
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { text } from 'node:stream/consumers';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { resolveImage } from '../../images/resolve.js';
import { readLogs } from '../../logs/read-logs.js';
import type { SandboxMode } from '../../sandbox/sandbox-manager.js';
import { containerConfig, sandboxConfig, type Workload } from '../conformance.js';
import { StartError, type Sandbox } from '../runtime.js';
import { sameProcessAlive } from './supervisor.js';
import { canUseNamespaces, logContains, NOT_ROOT, processFixture, type ProcessFixture } from './test-fixture.js';

const modes: SandboxMode[] = ['loopback', 'namespaces'];
const builtin = (image: string): Workload => ({ argv: resolveImage(image, {}, { dataDir: '/nonexistent' }).entrypoint, builtin: image });

function inMode(mode: SandboxMode, title: string, fn: (f: ProcessFixture) => Promise<void>): void {
  test(`process (${mode}): ${title}`, { skip: mode === 'namespaces' && !canUseNamespaces ? NOT_ROOT : false }, async () => {
    const f = await processFixture(mode);
    try { await fn(f); } finally { await f.cleanup(); }
  });
}

async function start(f: ProcessFixture, w: Workload) {
  const sb = await f.runtime.createSandbox(sandboxConfig());
  const cfg = containerConfig(w, join(f.stateDir, 'logs'));
  return { sb, cfg, c: await f.runtime.startContainer(sb, cfg) };
}

/** Waits until a process named comm runs below pid. */
async function descendantRuns(pid: number, comm: string): Promise<void> {
  for (let waited = 0; waited < 5_000; waited += 10) {
    const rows = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((d) => {
      try {
        const m = /^(\d+) \((.*)\) \S+ (\d+)/.exec(readFileSync(`/proc/${d}/stat`, 'utf8'));
        return m ? [[m[1], m[3], m[2]]] : [];
      } catch { return []; } // exited meanwhile
    });
    const below = new Set([String(pid)]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [p, pp] of rows) if (below.has(pp) && !below.has(p)) { below.add(p); grew = true; }
    }
    if (rows.some(([p, , c]) => below.has(p) && c === comm)) return;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error(`no ${comm} below ${pid}`);
}

/**
 * The pids whose command line is cmdline, waiting up to 2 s for them to go: a process sent SIGKILL
 * may still show in /proc until the kernel has run its exit (the signal is delivered, not yet acted on).
 */
async function processesLeft(cmdline: string): Promise<string[]> {
  const matching = () => readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((d) => {
    try { return readFileSync(`/proc/${d}/cmdline`, 'utf8') === cmdline; } catch { return false; } // exited meanwhile
  });
  let left = matching();
  for (let waited = 0; left.length > 0 && waited < 2_000; waited += 10) {
    await new Promise((r) => setTimeout(r, 10));
    left = matching();
  }
  return left;
}

function get(host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host, port: 8080, path: '/' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

for (const mode of modes) {
  inMode(mode, 'hello-world prints its greeting and exits 0', async (f) => {
    const { sb, cfg, c } = await start(f, builtin('hello-world'));
    assert.equal((await c.exited).exitCode, 0);
    assert.match(await text(readLogs(cfg.logPath)), /^\nHello from kubelite!\n/);
    await f.runtime.removeSandbox(sb);
  });

  inMode(mode, 'a command that does not exist fails to start with runc\'s words', async (f) => {
    const sb = await f.runtime.createSandbox(sandboxConfig());
    const plain = join(f.stateDir, 'plain-file');
    writeFileSync(plain, 'echo hi\n', { mode: 0o644 });
    const cases = [
      { argv: ['bashx', '-c', 'echo x'], detail: 'exec: "bashx": executable file not found in $PATH' },
      { argv: ['/nonexistent/x'], detail: 'exec: "/nonexistent/x": stat /nonexistent/x: no such file or directory' },
      { argv: [plain], detail: `exec: "${plain}": permission denied` },
      { argv: ['/tmp'], detail: 'exec: "/tmp": permission denied' },
    ];
    for (const c of cases) {
      await assert.rejects(f.runtime.startContainer(sb, containerConfig({ argv: c.argv }, f.stateDir)), (e) => {
        assert.ok(e instanceof StartError);
        assert.equal(e.reason, 'RunContainerError');
        assert.equal(e.message, `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: ${c.detail}: unknown`);
        return true;
      });
    }
    await f.runtime.removeSandbox(sb);
  });

  inMode(mode, 'kubia answers "You\'ve hit <hostname>" on <podIP>:8080; kubia-unhealthy fails from the 6th request', async (f) => {
    for (const [image, want] of [['luksa/kubia', [200, 200, 200, 200, 200, 200]], ['luksa/kubia-unhealthy', [200, 200, 200, 200, 200, 500]]] as const) {
      const { sb, cfg } = await start(f, builtin(image));
      await logContains(cfg.logPath, 'Kubia server starting...');
      const answers = [];
      for (let i = 0; answers.length < 6; i++) {
        try { answers.push(await get(sb.ip)); } catch (e) { if (i > 200) throw e; await new Promise((r) => setTimeout(r, 20)); }
      }
      assert.deepEqual(answers.map((a) => a.status), want);
      assert.equal(answers[0].body, `You've hit ${sb.hostname}\n`);
      // In a sandbox it listens dual-stack as the book's app does, so IPv4 clients are logged IPv4-mapped.
      await logContains(cfg.logPath, mode === 'namespaces' ? 'Received request from ::ffff:' : 'Received request from ');
      await f.runtime.removeSandbox(sb);
    }
  });

  inMode(mode, 'logs: stdout and stderr in order, tail, timestamps, follow until the container exits', async (f) => {
    const { sb, cfg, c } = await start(f, { argv: ['sh', '-c', 'echo one; echo two >&2; sleep 0.3; echo three; printf four'] });
    const followed = text(readLogs(cfg.logPath, { follow: true, done: c.exited }));
    assert.equal((await c.exited).exitCode, 0);
    assert.equal(await followed, 'one\ntwo\nthree\nfour\n');
    assert.equal(await text(readLogs(cfg.logPath, { tailLines: 2 })), 'three\nfour\n');
    assert.match(await text(readLogs(cfg.logPath, { tailLines: 1, timestamps: true })), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{9}Z four\n$/);
    await f.runtime.removeSandbox(sb);
  });
}

inMode('loopback', 'sleep stopped with SIGTERM exits 143', async (f) => {
  const { sb, c } = await start(f, { argv: ['sleep', '60'] });
  assert.deepEqual([(await c.stop(10_000)).exitCode], [143]);
  await f.runtime.removeSandbox(sb);
});

inMode('namespaces', 'sleep as PID 1 ignores SIGTERM, as in Docker: SIGKILL after the grace period, 137', async (f) => {
  const { sb, c } = await start(f, { argv: ['sleep', '60'] });
  // Stop only once sleep itself runs: a signal during the set-up chain ends that chain instead.
  await descendantRuns(c.pid as number, 'sleep');
  const exit = await c.stop(200);
  assert.deepEqual([exit.exitCode, exit.signal], [137, 'SIGKILL']);
  await f.runtime.removeSandbox(sb);
});

for (const mode of modes) {
  inMode(mode, 'stop signals only the init: a shell\'s child does not get SIGTERM, and nothing outlives the container', async (f) => {
    const tag = `${60 + Math.floor(Math.random() * 1000) / 1000}`;
    const { sb, c } = await start(f, { argv: ['sh', '-c', `sleep ${tag}; echo after`] });
    await descendantRuns(c.pid as number, 'sleep');
    const exit = await c.stop(300);
    // In a PID namespace the shell is PID 1 and ignores SIGTERM (Docker's behaviour): SIGKILL after the grace.
    // Without one it dies of SIGTERM. Either way its sleep was never sent SIGTERM and is gone now.
    assert.deepEqual([exit.exitCode], [mode === 'namespaces' ? 137 : 143]);
    assert.deepEqual(await processesLeft(`sleep\0${tag}\0`), []);
    await f.runtime.removeSandbox(sb);
  });
}

for (const mode of modes) {
  inMode(mode, 'an agent killed with SIGKILL: containers live on, a new runtime recovers them with their exit codes, removeSandbox leaves no process', async (f) => {
    const script = fileURLToPath(new URL('./crashing-agent.fixture.js', import.meta.url));
    const workloads: Workload[] = [{ argv: ['sleep', '60'] }, { argv: ['sh', '-c', 'sleep 0.3; exit 7'] }];
    const agent = spawn(process.execPath, [script, JSON.stringify(f.opts), JSON.stringify(workloads)], { stdio: ['ignore', 'pipe', 'inherit'] });
    const line = await new Promise<string>((resolve) => { let s = ''; agent.stdout.on('data', (d: Buffer) => { s += d; if (s.includes('\n')) resolve(s); }); });
    const { sandbox, started } = JSON.parse(line) as { sandbox: Sandbox; started: Array<{ id: string; pid: number }> };
    agent.kill('SIGKILL');
    await new Promise((r) => agent.once('exit', r));
    assert.ok(sameProcessAlive(started[0].pid, undefined), 'the container outlives its agent');

    const again = await (f.reopen as () => Promise<import("../runtime.js").Runtime>)();
    let found = (await again.recover()).find((s) => s.sandbox.id === sandbox.id);
    assert.ok(found);
    const byId = new Map(found.containers.map((c) => [c.id, c]));
    assert.equal(byId.get(started[0].id)?.pid, started[0].pid);
    const second = byId.get(started[1].id) as { exit?: { exitCode: number }; running?: { exited: Promise<{ exitCode: number }> } };
    assert.equal((second.exit ?? await second.running?.exited)?.exitCode, 7);
    await again.removeSandbox(sandbox);
    assert.equal(sameProcessAlive(started[0].pid, undefined), false, 'removeSandbox leaves no process');
    const leftovers = spawnSync('pgrep', ['-f', f.stateDir], { encoding: 'utf8' }).stdout.trim();
    assert.equal(leftovers, '', `processes left: ${leftovers}`);
    found = (await again.recover()).find((s) => s.sandbox.id === sandbox.id);
    assert.equal(found, undefined);
  });
}

for (const mode of modes) {
  inMode(mode, 'start-up cost of `true`: raw spawn vs container start (reported)', async (f) => {
    const N = 40;
    const q = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))].toFixed(2);
    const raw: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      await new Promise((r) => spawn('true').once('exit', r));
      raw.push(performance.now() - t0);
    }
    const sb = await f.runtime.createSandbox(sandboxConfig());
    const startMs: number[] = [];
    const runMs: number[] = [];
    for (let i = 0; i < N; i++) {
      const t0 = performance.now();
      const c = await f.runtime.startContainer(sb, containerConfig({ argv: ['true'] }, join(f.stateDir, 'logs')));
      startMs.push(performance.now() - t0);
      await c.exited;
      runMs.push(performance.now() - t0);
    }
    await f.runtime.removeSandbox(sb);
    const line = `${mode}: raw spawn+exit of true p50 ${q(raw, 0.5)} ms p99 ${q(raw, 0.99)} ms; container start p50 ${q(startMs, 0.5)} ms p99 ${q(startMs, 0.99)} ms; start+exit seen p50 ${q(runMs, 0.5)} ms p99 ${q(runMs, 0.99)} ms`;
    console.log(`# ${line}`);
  });
}
