// Starts a real `kubelite server` process on a free loopback port with a fresh data dir, and runs
// the real kubectl (PATH or $KUBECTL) against it. In CI (CI=true) a missing kubectl fails the
// suite; elsewhere kubectl-based tests are reported as skipped.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../../..');
export const kubeliteBin = join(repoRoot, 'bin', 'kubelite.js');

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
    s.on('error', rej);
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
  const podCidr = opts.apiOnly || (opts.extraArgs ?? []).some((a) => a.startsWith('--pod-cidr')) ? [] : ['--pod-cidr', `10.244.${10 + Math.floor(Math.random() * 240)}.0/24`];
  const args = [kubeliteBin, 'server', ...podCidr, '--data-dir', dataDir, '--port', String(port), '--store', opts.store ?? 'sqlite', ...(opts.apiOnly ? ['--no-node'] : []), ...(opts.extraArgs ?? [])];
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  proc.stdout!.on('data', (d) => { out += d; });
  proc.stderr!.on('data', (d) => { out += d; });
  await new Promise<void>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`server did not become ready:\n${out}`)), 15_000);
    const check = () => { if (out.includes('kubelite server ready')) { clearTimeout(t); res(); } };
    proc.stdout!.on('data', check);
    proc.on('exit', (code) => { clearTimeout(t); rej(new Error(`server exited with ${code}:\n${out}`)); });
  });
  const exited = new Promise<number | null>((res) => proc.on('exit', (code) => res(code)));
  return {
    port, dataDir, kubeconfig: join(dataDir, 'kubeconfig'), url: `https://127.0.0.1:${port}`, proc,
    output: () => out,
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
export function run(cmd: string, args: string[], opts: { input?: string; env?: Record<string, string>; timeoutMs?: number } = {}): Promise<RunResult> {
  return new Promise((res) => {
    const p = spawn(cmd, args, { env: { ...process.env, ...opts.env }, stdio: ['pipe', 'pipe', 'pipe'] });
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
