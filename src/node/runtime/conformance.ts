// The shared suite every Runtime passes (process and simulated), as store/conformance.ts is for stores:
// one contract, one test. A runtime describes how to make a container that exits with a code, one that
// runs until stopped, and optionally one that ignores SIGTERM, a server, exec and reopening its state;
// cases a runtime cannot express are skipped with the reason.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { test } from 'node:test';
import type { ContainerConfig, Runtime, SandboxConfig } from './runtime.js';

export interface Workload {
  argv: string[];
  /** Pod annotations (the simulated runtime's kubelite.io/simulate-* live here). */
  annotations?: Record<string, string>;
  builtin?: string;
}

export interface RuntimeFixture {
  runtime: Runtime;
  exitsWith(code: number): Workload;
  /** Ends with 143 (SIGTERM) when stopped. */
  runsUntilStopped: Workload;
  /** Resolves once a started workload has set itself up (e.g. installed its signal handlers). */
  ready?(c: ContainerConfig): Promise<void>;
  /** Ignores SIGTERM: stop ends it with 137 (SIGKILL) after the grace period. */
  ignoresTerm?: Workload;
  /** Accepts TCP connections on port in its sandbox. */
  server?: { workload: Workload; port: number };
  /** Whether exec runs real commands (`sh -c 'echo out; exit 4'` → 4, "out"). */
  realExec?: boolean;
  /** A new runtime over the same node state (an agent restart); the old one is simply dropped. */
  reopen?(): Promise<Runtime>;
  cleanup(): Promise<void>;
}

let seq = 0;
export function sandboxConfig(annotations: Record<string, string> = {}): SandboxConfig {
  const n = seq++;
  return { podUid: `uid-${process.pid}-${n}`, namespace: 'default', name: `pod-${n}`, hostname: `pod-${n}`, hostNetwork: false, annotations };
}

export function containerConfig(w: Workload, logDir: string, name = 'c'): ContainerConfig {
  const id = `c${process.pid}-${seq++}_${name}_0`;
  return {
    id, name, image: w.builtin ?? 'busybox', argv: w.argv, env: [], mounts: [], stdin: false, stdinOnce: false, tty: false,
    limits: {}, logPath: join(logDir, id, '0.log'), builtin: w.builtin,
  };
}

export function runtimeConformance(name: string, open: () => Promise<RuntimeFixture>): void {
  const logDir = mkdtempSync(join(tmpdir(), 'kubelite-rt-logs-'));
  test.after(() => rmSync(logDir, { recursive: true, force: true }));
  const withRuntime = (title: string, fn: (f: RuntimeFixture) => Promise<void>, skip?: (f: RuntimeFixture) => string | undefined) =>
    test(`${name}: ${title}`, async (t) => {
      const f = await open();
      try {
        const why = skip?.(f);
        if (why) { t.skip(why); return; }
        await fn(f);
      } finally {
        await f.cleanup();
      }
    });
  const run = async (f: RuntimeFixture, w: Workload) => {
    const sb = await f.runtime.createSandbox(sandboxConfig(w.annotations));
    const cfg = containerConfig(w, logDir);
    const c = await f.runtime.startContainer(sb, cfg);
    if (w === f.runsUntilStopped || w === f.ignoresTerm) await f.ready?.(cfg);
    return { sb, c };
  };

  for (const code of [0, 3]) {
    withRuntime(`a container exiting with ${code} reports it`, async (f) => {
      const { sb, c } = await run(f, f.exitsWith(code));
      const exit = await c.exited;
      assert.equal(exit.exitCode, code);
      assert.equal(exit.signal, undefined);
      assert.equal(exit.oomKilled, false);
      assert.ok(exit.finishedAt >= exit.startedAt);
      await f.runtime.removeSandbox(sb);
    });
  }

  withRuntime('stop sends SIGTERM: 143', async (f) => {
    const { sb, c } = await run(f, f.runsUntilStopped);
    const exit = await c.stop(10_000);
    assert.deepEqual([exit.exitCode, exit.signal], [143, 'SIGTERM']);
    assert.deepEqual(await c.exited, exit);
    await f.runtime.removeSandbox(sb);
  });

  withRuntime('stop sends SIGKILL after the grace period to what ignores SIGTERM: 137', async (f) => {
    const { sb, c } = await run(f, f.ignoresTerm as Workload);
    const exit = await c.stop(300);
    assert.deepEqual([exit.exitCode, exit.signal], [137, 'SIGKILL']);
    await f.runtime.removeSandbox(sb);
  }, (f) => (f.ignoresTerm ? undefined : 'the runtime has no SIGTERM-ignoring workload'));

  withRuntime('removeSandbox ends its containers and is idempotent', async (f) => {
    const { sb, c } = await run(f, f.runsUntilStopped);
    await f.runtime.removeSandbox(sb);
    await c.exited;
    await f.runtime.removeSandbox(sb);
  });

  withRuntime('exec runs a command in the container and resolves its exit code', async (f) => {
    const { sb, c } = await run(f, f.runsUntilStopped);
    const stdout = new PassThrough();
    let out = '';
    stdout.on('data', (d: Buffer) => (out += d));
    const code = await f.runtime.exec(sb, c, ['sh', '-c', 'echo out; exit 4'], { stdout, stderr: new PassThrough(), tty: false });
    assert.deepEqual([code, out], [4, 'out\n']);
    await f.runtime.removeSandbox(sb);
  }, (f) => (f.realExec ? undefined : 'exec runs no real commands here'));

  withRuntime('connect reaches a port in the sandbox', async (f) => {
    const { workload, port } = f.server as { workload: Workload; port: number };
    const { sb } = await run(f, workload);
    let sock;
    // Until the server listens; bounded in time, as an unreachable address takes seconds per try.
    for (const deadline = Date.now() + 10_000; !sock;) {
      try { sock = await f.runtime.connect(sb, port); } catch (e) { if (Date.now() > deadline) throw e; await new Promise((r) => setTimeout(r, 30)); }
    }
    sock.destroy();
    await f.runtime.removeSandbox(sb);
  }, (f) => (f.server ? undefined : 'no server workload'));

  withRuntime('a restarted runtime recovers sandboxes, running containers and recorded exits', async (f) => {
    const a = await run(f, f.runsUntilStopped);
    const b = await run(f, f.exitsWith(5));
    await b.c.exited;
    const again = await (f.reopen as () => Promise<Runtime>)();
    const found = await again.recover();
    const mine = (id: string) => found.find((s) => s.sandbox.id === id)?.containers ?? [];
    assert.equal(mine(a.sb.id).length, 1);
    assert.equal(mine(a.sb.id)[0].exit, undefined);
    assert.equal(mine(b.sb.id)[0].exit?.exitCode, 5);
    await again.removeSandbox(a.sb);
    await again.removeSandbox(b.sb);
    assert.equal((await again.recover()).some((s) => s.sandbox.id === a.sb.id), false);
    await again.close();
  }, (f) => (f.reopen ? undefined : 'the runtime keeps no state across restarts'));
}
