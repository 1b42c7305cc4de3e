// Starts a real `kubelite server` process on a free loopback port with a fresh data dir, and runs
// the real kubectl (PATH or $KUBECTL) against it. In CI (CI=true) a missing kubectl fails the
// suite; elsewhere kubectl-based tests are reported as skipped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { claimPodCidr as claimCidr, SHARED_BRIDGE_BLOCKS } from '../../src/node/sandbox/pod-cidr-claims.js';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
export const kubeliteBin = join(repoRoot, 'bin', 'kubelite.js');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

/**
 * A pod CIDR on kubelite's default bridge that no other live test process on this host holds. Test
 * servers share the bridge, and each removes the network namespaces left in its own block when it
 * ends (see pod-cidr-claims.ts).
 */
export function claimPodCidr(): string {
  return claimCidr(SHARED_BRIDGE_BLOCKS);
}

/** Everything the process writes to stdout and stderr so far. */
function collectOutput(p: ChildProcess): () => string {
  let out = '';
  p.stdout!.on('data', (d) => { out += d; });
  p.stderr!.on('data', (d) => { out += d; });
  return () => out;
}

/** Resolves once the process prints `marker` on stdout; rejects when it exits first or after 15 s. */
function outputLine(p: ChildProcess, out: () => string, marker: string, timeoutMessage: string, who: string): Promise<void> {
  return new Promise<void>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`${timeoutMessage}:\n${out()}`)), 15_000);
    p.stdout!.on('data', () => { if (out().includes(marker)) { clearTimeout(t); res(); } });
    p.on('exit', (code) => { clearTimeout(t); rej(new Error(`${who} exited with ${code}:\n${out()}`)); });
  });
}

export const kubectlPath = process.env.KUBECTL ?? 'kubectl';

/** Why kubectl tests cannot run here, or undefined when they can. Throws in CI: never skip silently there. */
export function kubectlMissing(): string | undefined {
  const r = spawnSync(kubectlPath, ['version', '--client'], { encoding: 'utf8' });
  if (r.status === 0) return undefined;
  if (process.env.CI === 'true') throw new Error(`kubectl is required in CI but "${kubectlPath}" did not run: ${r.error?.message ?? r.stderr}`);
  return `kubectl not found (${kubectlPath})`;
}

export interface TestServer {
  port: number;
  dataDir: string;
  kubeconfig: string;
  url: string;
  proc: ChildProcess;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** apiOnly: no local node (`--no-node`), for tests of the API alone: nothing schedules or runs pods. */
export async function startTestServer(opts: { dataDir?: string; extraArgs?: string[]; store?: string; apiOnly?: boolean } = {}): Promise<TestServer> {
  const dataDir = opts.dataDir ?? mkdtempSync(join(tmpdir(), 'kubelite-e2e-'));
  const port = await freePort();
  // Test servers run side by side on one bridge: each node gets its own /24 so pod IPs never collide.
  const podCidr = opts.apiOnly || (opts.extraArgs ?? []).some((a) => a.startsWith('--pod-cidr')) ? [] : ['--pod-cidr', claimPodCidr()];
  const args = [kubeliteBin, 'server', ...podCidr, '--data-dir', dataDir, '--port', String(port), '--store', opts.store ?? 'sqlite', ...(opts.apiOnly ? ['--no-node'] : []), ...(opts.extraArgs ?? [])];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const out = collectOutput(proc);
  try {
    await outputLine(proc, out, 'kubelite server ready', 'server did not become ready', 'server');
  } catch (e) {
    // A server that never became ready leaves neither a process nor its data dir behind.
    if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
    if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  return {
    port, dataDir, kubeconfig: join(dataDir, 'kubeconfig'), url: `https://127.0.0.1:${port}`, proc,
    output: out,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill(signal);
      const code = await exited;
      if (!opts.dataDir) rmSync(dataDir, { recursive: true, force: true });
      return code;
    },
  };
}

export interface RunResult { code: number; stdout: string; stderr: string }

/** Runs a command to completion with a deadline; never inherits a terminal. */
export function run(cmd: string, args: string[], opts: { input?: string; env?: Record<string, string>; unsetEnv?: string[]; cwd?: string; timeoutMs?: number } = {}): Promise<RunResult> {
  const env = { ...process.env, ...opts.env };
  for (const name of opts.unsetEnv ?? []) delete env[name];
  return new Promise((res) => {
    const p = spawn(cmd, args, { env, cwd: opts.cwd, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '', stderr = '';
    p.stdout.on('data', (d) => { stdout += d; });
    p.stderr.on('data', (d) => { stderr += d; });
    const t = setTimeout(() => p.kill('SIGKILL'), opts.timeoutMs ?? 30_000);
    p.on('close', (code) => { clearTimeout(t); res({ code: code ?? -1, stdout, stderr }); });
    p.stdin.end(opts.input ?? '');
  });
}

export function kubectl(server: TestServer, args: string[], opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return run(kubectlPath, ['--kubeconfig', server.kubeconfig, ...args], opts);
}

/** Signals a child process and resolves once it has exited (at once if it is gone already). */
export async function signalAndWait(p: ChildProcess | undefined, signal: NodeJS.Signals): Promise<void> {
  if (!p || p.exitCode !== null || p.signalCode !== null) return;
  const exited = new Promise((r) => p.once('exit', r));
  p.kill(signal);
  await exited;
}

export interface TestAgent { proc: ChildProcess; output: () => string }

/**
 * The `kubelite agent` processes of one test file, by name. An agent is tracked from the moment it
 * is spawned, so `stopAll` in the file's `after` ends it even when it never registered: no agent (and,
 * as the agent stops its pods' containers on SIGTERM, no container) outlives the file.
 */
export class TestAgents {
  private readonly procs = new Map<string, ChildProcess>();

  /**
   * Starts (or restarts, on the same data dir under the server's) agent `name` with `runtime` and
   * `extra` flags, and waits for its "node(s) registered" line.
   */
  async start(server: TestServer, name: string, runtime: 'process' | 'simulated', extra: string[] = []): Promise<TestAgent> {
    const dir = join(server.dataDir, `agent-${name}`);
    mkdirSync(dir, { recursive: true });
    const p = spawn(process.execPath, [kubeliteBin, 'agent', '--kubeconfig', server.kubeconfig, '--name', name, '--runtime', runtime, '--data-dir', dir, ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
    this.procs.set(name, p);
    const out = collectOutput(p);
    await outputLine(p, out, 'node(s) registered', `agent ${name} did not register`, `agent ${name}`);
    return { proc: p, output: out };
  }

  /** The last process started as `name`. */
  get(name: string): ChildProcess | undefined {
    return this.procs.get(name);
  }

  signal(name: string, signal: NodeJS.Signals): Promise<void> {
    return signalAndWait(this.procs.get(name), signal);
  }

  /** SIGTERMs every agent still running, one after another, and waits for each to exit. */
  async stopAll(): Promise<void> {
    for (const name of this.procs.keys()) await this.signal(name, 'SIGTERM');
  }
}
