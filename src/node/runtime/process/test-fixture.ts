// Process runtimes for tests, on their own state dir, pod CIDR and bridge so they never touch the
// node's real pods: loopback mode always, namespaces mode when running as root on Linux.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { builtinProgram } from '../../images/resolve.js';
import { claimPodCidr, OWN_BRIDGE_BLOCKS } from '../../sandbox/pod-cidr-claims.js';
import { SandboxManager, type SandboxMode } from '../../sandbox/sandbox-manager.js';
import type { RuntimeFixture } from '../conformance.js';
import { ProcessRuntime } from './process-runtime.js';

export const canUseNamespaces = process.platform === 'linux' && process.getuid?.() === 0;
export const NOT_ROOT = 'namespaces mode needs root on Linux (the loopback fallback is tested instead)';

export interface ProcessFixture extends RuntimeFixture {
  runtime: ProcessRuntime;
  sandboxes: SandboxManager;
  stateDir: string;
  opts: { stateDir: string; podCidr: string; bridge: string; nodeName: string; poolSize: number; cgroupParent: string; forceLoopback?: string };
}

const rand = (n: number) => Math.floor(Math.random() * n);

export async function processFixture(mode: SandboxMode): Promise<ProcessFixture> {
  const stateDir = mkdtempSync(join(tmpdir(), 'kubelite-rt-'));
  const opts = {
    stateDir, podCidr: claimPodCidr(OWN_BRIDGE_BLOCKS), bridge: `klt${rand(0xffff).toString(16)}`, nodeName: 'test',
    poolSize: 0, cgroupParent: `kubelite-test-${process.pid}`,
    ...(mode === 'loopback' ? { forceLoopback: 'tests: loopback mode' } : {}),
  };
  const sandboxes = await SandboxManager.create(opts);
  const runtime = new ProcessRuntime({ stateDir, sandboxes });
  const managers = [sandboxes];
  const runtimes = [runtime];
  return {
    runtime, sandboxes, stateDir, opts,
    exitsWith: (code) => ({ argv: ['sh', '-c', `exit ${code}`] }),
    // A shell with a TERM handler: as PID 1 of a PID namespace, plain `sleep` would ignore SIGTERM.
    runsUntilStopped: { argv: ['sh', '-c', 'trap "exit 143" TERM; echo ready; sleep 60 & wait'] },
    ignoresTerm: { argv: ['sh', '-c', 'trap "" TERM; echo ready; sleep 60'] },
    ready: (cfg) => logContains(cfg.logPath, 'ready'),
    server: { workload: { argv: [process.execPath, builtinProgram('luksa/kubia') as string], builtin: 'luksa/kubia' }, port: 8080 },
    realExec: true,
    reopen: async () => {
      const m = await SandboxManager.create(opts);
      managers.push(m);
      const r = new ProcessRuntime({ stateDir, sandboxes: m });
      runtimes.push(r);
      return r;
    },
    cleanup: async () => {
      // Every sandbox goes, with its processes, even when a test failed before removing its own.
      for (const r of runtimes) await r.close({ removeAll: true });
      for (const m of managers) await m.close({ removeBridge: true, removeCgroupParent: true }).catch(() => undefined);
      rmSync(stateDir, { recursive: true, force: true });
    },
  };
}

/** Waits until the container's log has a line containing text (the workload said it is set up). */
export async function logContains(path: string, text: string, timeoutMs = 10_000): Promise<void> {
  for (let waited = 0; ; waited += 10) {
    try { if (readFileSync(path, 'utf8').includes(text)) return; } catch { /* not written yet */ }
    if (waited > timeoutMs) throw new Error(`${path} never contained ${JSON.stringify(text)}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}
