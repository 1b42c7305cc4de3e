// `npm run bench api`: the API server as a separate process over HTTPS, driven from this process
// with keep-alive clients, every figure printed next to a same-run baseline from this machine.
// A failing phase is reported and fails the run (exit 1) after the figures that could be taken.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPods, listPods, podManifest } from './api-phases.js';
import { report, type Figures, type StartResult } from './api-report.js';
import { endpointFromKubeconfig } from './https-client.js';
import { cpuMsOf, memoryOf, spawnServer, type ServerProcess } from './server-process.js';
import { nodeBaseline, sqliteBaseline } from './sqlite-baseline.js';
import { median } from './stats.js';
import { watchFanout } from './watch-fanout.js';

export const PODS = 10_000;
export const CLIENTS = 16;
const WATCHERS = 100;
const WATCH_EVENTS = 10_000;
const START_RUNS = 3;

/** BENCH_CPU_PROF=dir profiles the main server (node --cpu-prof); the .cpuprofile lands in dir on stop. */
const serverNodeArgs = (): string[] => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);

async function startedServer(dataDir: string, store: 'sqlite' | 'memory', nodeArgs: string[] = []): Promise<ServerProcess> {
  const s = await spawnServer({ dataDir, store, nodeArgs, args: ['--no-node'] });
  try {
    await Promise.race([s.failedToStart, s.readyLineMs.then(() => s.waitReadyz())]);
    return s;
  } catch (e) {
    await s.stop();
    throw e;
  }
}

async function timeStart(dataDir: string): Promise<StartResult> {
  const s = await spawnServer({ dataDir, store: 'sqlite', args: ['--no-node'] });
  try {
    const readyzMs = await Promise.race([s.failedToStart, s.waitReadyz()]);
    return { readyzMs, readyLineMs: await s.readyLineMs };
  } finally {
    await s.stop();
  }
}

async function startRuns(dataDir: () => string): Promise<StartResult> {
  const runs: StartResult[] = [];
  for (let i = 0; i < START_RUNS; i++) runs.push(await timeStart(dataDir()));
  return { readyzMs: median(runs.map((r) => r.readyzMs)), readyLineMs: median(runs.map((r) => r.readyLineMs)) };
}

/** Server CPU time spent in fn, in ms: less sensitive to other load on the machine than wall time. */
async function withCpu<T>(pid: number, fn: () => Promise<T>): Promise<T & { serverCpuMs: number }> {
  const c0 = cpuMsOf(pid);
  const r = await fn();
  return { ...r, serverCpuMs: cpuMsOf(pid) - c0 };
}

export async function runApiBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kubelite-bench-'));
  const log = (m: string) => process.stderr.write(`[bench api] ${m}\n`);
  const failures: string[] = [];
  const attempt = async <T>(phase: string, fn: () => Promise<T>): Promise<T | undefined> => {
    log(phase);
    try { return await fn(); } catch (e) {
      failures.push(`${phase}: ${e instanceof Error ? e.message : String(e)}`);
      log(`FAILED ${failures[failures.length - 1]}`);
      return undefined;
    }
  };
  let server: ServerProcess | undefined;
  const f: Partial<Figures> = {};
  try {
    f.nodeBase = await nodeBaseline();

    const loadedDir = join(root, 'loaded');
    server = await startedServer(loadedDir, 'sqlite', serverNodeArgs());
    const ep = endpointFromKubeconfig(join(loadedDir, 'kubeconfig'));
    const pid = server.pid;
    f.create = await attempt(`create: ${PODS} pods, ${CLIENTS} clients (sqlite)`, () => withCpu(pid, () => createPods(ep, PODS, CLIENTS)));
    f.rssAfterCreate = memoryOf(pid);
    if (f.create) {
      f.list = await attempt('list: 5 plain, 5 as Table', () => listPods(ep, PODS));
      f.fanout = await attempt(`watch: ${WATCHERS} watchers x ${WATCH_EVENTS} configmap creates`, () => withCpu(pid, () => watchFanout(ep, WATCHERS, WATCH_EVENTS, CLIENTS)));
      f.rss = memoryOf(pid);
    }
    await server.stop();
    server = undefined;

    log('baseline: better-sqlite3 inserts and scan');
    const sqlDir = join(root, 'sqlite-baseline');
    mkdirSync(sqlDir);
    f.sql = sqliteBaseline(sqlDir, f.create?.sample ?? podManifest(0), PODS);

    let fresh = 0;
    f.startFresh = await attempt(`start to ready: ${START_RUNS}x fresh data dir`, () => startRuns(() => join(root, `fresh-${fresh++}`)));
    if (f.create) f.startLoaded = await attempt(`start to ready: ${START_RUNS}x with ${PODS} pods`, () => startRuns(() => loadedDir));

    f.createMem = await attempt(`create: ${PODS} pods, ${CLIENTS} clients (memory store)`, async () => {
      const mem = await startedServer(join(root, 'memory'), 'memory');
      try {
        const r = await withCpu(mem.pid, () => createPods(endpointFromKubeconfig(join(root, 'memory', 'kubeconfig')), PODS, CLIENTS));
        f.rssMem = memoryOf(mem.pid);
        return r;
      } finally {
        await mem.stop();
      }
    });

    report(f, { pods: PODS, clients: CLIENTS }, failures);
  } finally {
    await server?.stop();
    rmSync(root, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(`${failures.length} phase(s) failed:\n  ${failures.join('\n  ')}`);
}
