// Runs `kubelite server` as a child process, as a real deployment would, and tracks every child so
// the bench stops them all even when it fails.
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { request as httpsRequest } from 'node:https';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const repoRoot = resolve(fileURLToPath(import.meta.url), '../../..');
export const kubeliteBin = join(repoRoot, 'bin', 'kubelite.js');
const READY_LINE = 'kubelite server ready';
const START_TIMEOUT_MS = 15_000; // ~30x a normal start on a 2-core machine

const children = new Set<ChildProcess>();

/** Tracks another child (e.g. a `kubelite agent`) so killAllChildren stops it too. */
export function trackChild(proc: ChildProcess): void {
  children.add(proc);
  proc.once('exit', () => children.delete(proc));
}

/** Last resort: whatever happens to the bench, no server outlives it. */
export function killAllChildren(): void {
  for (const c of children) if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
  children.clear();
}
process.on('exit', killAllChildren);
for (const sig of ['SIGINT', 'SIGTERM'] as const) process.once(sig, () => { killAllChildren(); process.exit(130); });

export function freePort(): Promise<number> {
  return new Promise((res, rej) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => { const p = (s.address() as { port: number }).port; s.close(() => res(p)); });
    s.on('error', rej);
  });
}

export interface ServerProcess {
  pid: number;
  port: number;
  /** performance.now() just before spawn, for start-up timings. */
  spawnedAt: number;
  dataDir: string;
  /** Milliseconds from spawn to the "ready" line on stdout. */
  readyLineMs: Promise<number>;
  /** Resolves to ms since spawn when GET /readyz first answers 200. */
  waitReadyz(): Promise<number>;
  /** Rejects when the process exits or reports a start-up error before its ready line. */
  failedToStart: Promise<never>;
  output(): string;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  dataDir: string;
  store: 'sqlite' | 'memory';
  /** Extra node flags for the server, e.g. --cpu-prof. */
  nodeArgs?: string[];
  /** Extra `kubelite server` flags, e.g. --runtime simulated or --no-node. */
  args?: string[];
}

export async function spawnServer(opts: SpawnOptions): Promise<ServerProcess> {
  const port = await freePort();
  const t0 = performance.now();
  const proc = spawn(process.execPath, [...(opts.nodeArgs ?? []), kubeliteBin, 'server', '--data-dir', opts.dataDir, '--port', String(port), '--store', opts.store, ...(opts.args ?? [])], { stdio: ['ignore', 'pipe', 'pipe'] });
  children.add(proc);
  let out = '';
  const exited = new Promise<void>((res) => proc.once('exit', () => { children.delete(proc); res(); }));
  const readyLineMs = new Promise<number>((res, rej) => {
    const t = setTimeout(() => rej(new Error(`server did not print its ready line in ${START_TIMEOUT_MS} ms:\n${out}`)), START_TIMEOUT_MS);
    proc.stdout!.on('data', (d: Buffer) => {
      const before = out.length;
      out += d.toString('utf8');
      if (out.indexOf(READY_LINE, Math.max(0, before - READY_LINE.length)) >= 0) { clearTimeout(t); res(performance.now() - t0); }
    });
    proc.once('exit', (code, sig) => { clearTimeout(t); rej(new Error(`server exited (${code ?? sig}) before ready:\n${out}`)); });
  });
  readyLineMs.catch(() => undefined); // observed by callers; never an unhandled rejection
  let startError: (e: Error) => void = () => undefined;
  const failedToStart = new Promise<never>((_res, rej) => { startError = rej; });
  failedToStart.catch(() => undefined);
  readyLineMs.catch((e: Error) => startError(e));
  proc.stderr!.on('data', (d: Buffer) => {
    out += d.toString('utf8');
    // A start-up failure may leave the process listening without ever becoming ready.
    if (/^error: /m.test(out) && !out.includes(READY_LINE)) startError(new Error(`server start failed:\n${out.slice(-2000)}`));
  });
  return {
    pid: proc.pid!, port, spawnedAt: t0, dataDir: opts.dataDir, readyLineMs, failedToStart,
    waitReadyz: () => waitReadyz(port, t0, () => proc.exitCode !== null || proc.signalCode !== null),
    output: () => out,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 5_000);
      await exited;
      clearTimeout(killer);
    },
  };
}

/**
 * Polls GET /readyz on fresh connections until it answers 200; resolves to ms since `since`.
 * Gives up when `gone()` says the server has exited.
 */
export async function waitReadyz(port: number, since: number, gone: () => boolean = () => false, timeoutMs = START_TIMEOUT_MS): Promise<number> {
  const deadline = since + timeoutMs;
  for (;;) {
    if (gone()) throw new Error('server exited while waiting for /readyz');
    const status = await new Promise<number>((res) => {
      // Readiness is public and this is only a timing probe, so the certificate is not checked here.
      const req = httpsRequest({ host: '127.0.0.1', port, path: '/readyz', agent: false, rejectUnauthorized: false }, (r) => { r.resume(); r.on('end', () => res(r.statusCode ?? 0)); });
      req.on('error', () => res(0));
      req.end();
    });
    const now = performance.now();
    if (status === 200) return now - since;
    if (now > deadline) throw new Error(`/readyz did not answer 200 within ${timeoutMs} ms (last: ${status})`);
    await new Promise((r) => setTimeout(r, 2));
  }
}

/** Resident and peak resident set size of a process, in MiB, from /proc. */
export function memoryOf(pid: number): { rssMiB: number; hwmMiB: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(status)?.[1] ?? NaN);
  return { rssMiB: kb('VmRSS') / 1024, hwmMiB: kb('VmHWM') / 1024 };
}

/** CPU time (user + system) a process has used so far, in ms, from /proc/<pid>/stat. */
export function cpuMsOf(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  // Fields after the parenthesised command name; utime and stime are fields 14 and 15 (1-based).
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS_PER_SEC;
}
const CLOCK_TICKS_PER_SEC = 100; // USER_HZ: 100 on every Linux architecture Node supports
