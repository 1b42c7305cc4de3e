// The process runtime: pods as sandboxes from SandboxManager (Linux namespaces, or loopback addresses
// without root), containers as local processes, each started by a supervisor shell (supervisor.ts)
// that outlives the agent and records the exit status, with output carried into CRI logs. State lives
// in <stateDir>/containers/<id>.{json,out,err,pid,exit} so a restarted agent adopts what it finds.
import { spawn, spawnSync } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { join } from 'node:path';
import type { Duplex } from 'node:stream';
import { realClock, type Clock } from '../../../util/clock.js';
import type { PodSandbox, SandboxManager } from '../../sandbox/sandbox-manager.js';
import { StartError, type ContainerConfig, type ContainerExit, type ExecOptions, type RunningContainer, type RecoveredContainer, type Runtime, type Sandbox, type SandboxConfig } from '../runtime.js';
import { ContainerHandle, type ContainerRecord } from './container-handle.js';
import { DEFAULT_PATH, lookPathError, runcStartMessage } from './look-path.js';
import { containerFiles, processStartTime, readExitFile, sameProcessAlive } from './supervisor.js';
import { spawnBroker } from './spawn-broker.js';

export interface ProcessRuntimeOptions {
  stateDir: string;
  sandboxes: SandboxManager;
  clock?: Clock;
}


const INIT_WAIT_TRIES = 5000; // ~1 ms each: bounds the wait for the sandbox chain to fork the container's init
const EAGER_TRIES = 50; // the chain usually gets there within a few hundred µs: look again at once first
const REMOVE_WAIT_MS = 10_000; // SIGKILL is immediate; this only bounds a wedged supervisor

export class ProcessRuntime implements Runtime {
  readonly name = 'process';
  readonly usesImages = true;
  private readonly handles = new Map<string, ContainerHandle>();
  private readonly sandboxes: SandboxManager;
  private readonly clock: Clock;
  private readonly dir: string;
  /** Container records by sandbox, read from disk once: a scan per pod removal made a full node quadratic. */
  private readonly bySandbox = new Map<string, Map<string, ContainerRecord>>();

  constructor(private opts: ProcessRuntimeOptions) {
    this.sandboxes = opts.sandboxes;
    this.clock = opts.clock ?? realClock;
    this.dir = join(opts.stateDir, 'containers');
    mkdirSync(this.dir, { recursive: true });
    for (const r of this.records()) this.index(r);
  }

  private index(r: ContainerRecord): void {
    let m = this.bySandbox.get(r.sandboxId);
    if (!m) this.bySandbox.set(r.sandboxId, (m = new Map()));
    m.set(r.id, r);
  }

  createSandbox(cfg: SandboxConfig): Promise<PodSandbox> {
    return this.sandboxes.createSandbox(cfg);
  }

  async removeSandbox(sandbox: Sandbox): Promise<void> {
    const records = [...(this.bySandbox.get(sandbox.id)?.values() ?? [])];
    await Promise.all(records.map(async (r) => {
      const h = this.handles.get(r.id) ?? this.adopt(r);
      await Promise.race([h.stop(0), new Promise((res) => setTimeout(res, REMOVE_WAIT_MS).unref())]);
    }));
    await this.sandboxes.removeSandbox(sandbox);
    this.bySandbox.delete(sandbox.id);
    for (const r of records) {
      this.handles.delete(r.id);
      const f = containerFiles(this.opts.stateDir, r.id);
      for (const p of [f.record, f.out, f.err, f.pid, f.exit, f.stdin, `${f.out}.pos`, `${f.err}.pos`]) rmSync(p, { force: true });
    }
  }

  async startContainer(sandbox: Sandbox, cfg: ContainerConfig): Promise<RunningContainer> {
    const sb = await this.podSandbox(sandbox);
    const env = new Map(cfg.env);
    if (!env.has('PATH')) env.set('PATH', DEFAULT_PATH);
    if (!env.has('HOSTNAME')) env.set('HOSTNAME', sandbox.hostname);
    // Built-in servers bind 0.0.0.0 of their own network namespace; without one, the pod's loopback IP.
    if (cfg.builtin && sb.mode === 'loopback' && !sb.hostNetwork) env.set('KUBELITE_POD_IP', sandbox.ip);
    const workingDir = cfg.workingDir || '/';
    const insideMount = cfg.mounts.some((m) => cfg.argv[0]?.startsWith(`${m.containerPath}/`));
    const notRunnable = insideMount ? undefined : lookPathError(cfg.argv[0], env.get('PATH') ?? '', workingDir);
    if (notRunnable) throw new StartError('RunContainerError', runcStartMessage(notRunnable));
    if (sb.mode === 'loopback') mkdirSync(workingDir, { recursive: true }); // as runc creates a missing cwd

    const files = containerFiles(this.opts.stateDir, cfg.id);
    const cgroupName = cfg.id;
    const cmd = this.sandboxes.containerCommand(sandbox, { argv: cfg.argv, mounts: cfg.mounts, workingDir: cfg.workingDir, limits: cfg.limits, cgroupName });
    if (sb.mode === 'loopback') cmd.cwd = workingDir;
    let stdin = '/dev/null';
    let stdinHold: number | undefined;
    if (cfg.stdin) {
      rmSync(files.stdin, { force: true });
      if (spawnSync('mkfifo', ['-m', '600', files.stdin]).status !== 0) throw new StartError('RunContainerError', `cannot create the stdin pipe ${files.stdin}`);
      stdin = files.stdin;
      // Opening a FIFO to read blocks until it has a writer: hold one open (O_RDWR never blocks) while
      // the container starts, or its redirection would wait for the handle that waits for it to start.
      stdinHold = openSync(files.stdin, 'r+');
    }
    // Recorded before the start so a crash right after it still leaves a trail (the pid file completes it).
    const record: ContainerRecord = {
      id: cfg.id, sandboxId: sandbox.id, logPath: cfg.logPath, startedAt: this.clock.now(),
      supervisorPid: 0, pid: 0, cgroupName, stdin: cfg.stdin, mountPaths: cfg.mounts.map((m) => m.containerPath),
    };
    await Promise.all([writeFile(files.record, JSON.stringify(record)), this.sandboxes.recordSaved(sandbox)]);
    this.index(record);
    let sup;
    try {
      sup = await spawnBroker.supervise(files, cmd, Object.fromEntries(env), stdin);
    } catch (e) {
      if (stdinHold !== undefined) closeSync(stdinHold);
      await this.sandboxes.removeCgroup(cgroupName);
      rmSync(files.record, { force: true });
      this.bySandbox.get(sandbox.id)?.delete(cfg.id);
      throw new StartError('StartError', (e as Error).message);
    }
    // Started means the container's init runs: before that a stop signal would hit the sandbox's own
    // set-up chain (whose signal handling is not yet in place) instead of the container.
    await initStarted(this.sandboxes, sup.pid, sb.mode === 'namespaces');
    Object.assign(record, {
      supervisorPid: sup.supervisorPid, supervisorStart: processStartTime(sup.supervisorPid),
      pid: sup.pid, pidStart: processStartTime(sup.pid),
    });
    await writeFile(files.record, JSON.stringify(record));
    const h = new ContainerHandle(record, files, this.sandboxes, this.clock, sup.supervisorExited);
    if (stdinHold !== undefined) closeSync(stdinHold); // the handle holds its own end now
    this.handles.set(cfg.id, h);
    return h;
  }

  async exec(sandbox: Sandbox, container: RunningContainer, argv: string[], io: ExecOptions): Promise<number> {
    const sb = await this.podSandbox(sandbox);
    if (container.pid === undefined) throw new Error(`container ${container.id} is not running`);
    // As runc's exec, a command that cannot be found fails before anything runs (kubectl shows it as an
    // Internal error). A sandbox sees the host's files except its volumes: a path inside one is not checked here.
    const inVolume = sb.mode !== 'loopback' && (this.handles.get(container.id)?.record.mountPaths ?? []).some((m) => argv[0]?.startsWith(`${m}/`));
    const err = inVolume ? undefined : lookPathError(argv[0], sb.mode === 'loopback' ? process.env.PATH ?? DEFAULT_PATH : DEFAULT_PATH, sb.mode === 'loopback' ? process.cwd() : '/');
    if (err) throw new Error(`OCI runtime exec failed: exec failed: unable to start container process: ${err}: unknown`);
    const cgroupName = this.handles.get(container.id)?.record.cgroupName;
    const cmd = this.sandboxes.execCommand(sandbox, container.pid, argv, cgroupName);
    const child = spawn(cmd.file, cmd.args, { cwd: cmd.cwd, stdio: [io.stdin ? 'pipe' : 'ignore', 'pipe', 'pipe'] });
    if (io.stdin && child.stdin) { io.stdin.pipe(child.stdin); child.stdin.on('error', () => {}); }
    child.stdout?.pipe(io.stdout, { end: false });
    child.stderr?.pipe(io.stderr, { end: false });
    return new Promise((resolve, reject) => {
      child.once('error', reject);
      child.once('close', (code, signal) => {
        io.stdin?.unpipe();
        resolve(code ?? 128 + (signal ? osSignal(signal) : 9));
      });
    });
  }

  connect(sandbox: Sandbox, port: number): Promise<Duplex> {
    return new Promise((resolve, reject) => {
      const s = connect({ host: sandbox.ip, port });
      s.once('connect', () => { s.off('error', reject); resolve(s); });
      s.once('error', reject);
    });
  }

  async recover(): Promise<Array<{ sandbox: Sandbox; containers: RecoveredContainer[] }>> {
    const sandboxes = await this.sandboxes.list();
    const known = new Set(sandboxes.map((s) => s.id));
    const bySandbox = new Map<string, RecoveredContainer[]>();
    for (const r of this.records()) {
      if (!known.has(r.sandboxId)) { await this.adopt(r).stop(0); continue; } // its sandbox is gone: nothing may outlive it
      const recorded = readExitFile(containerFiles(this.opts.stateDir, r.id));
      const h = this.handles.get(r.id) ?? this.adopt(r);
      const alive = !recorded && sameProcessAlive(r.pid, r.pidStart);
      const entry: RecoveredContainer = alive ? { id: r.id, pid: r.pid, running: h } : { id: r.id, ...(recorded ? { exit: await h.exited } : {}) };
      bySandbox.set(r.sandboxId, [...(bySandbox.get(r.sandboxId) ?? []), entry]);
    }
    return sandboxes.map((sandbox) => ({ sandbox, containers: bySandbox.get(sandbox.id) ?? [] }));
  }

  /**
   * Leaves containers running (the agent stops, the pods do not; a later agent adopts them), unless
   * removeAll: then every sandbox on this state dir goes, with its processes (tests, throwaway nodes).
   */
  async close(opts: { removeAll?: boolean } = {}): Promise<void> {
    if (opts.removeAll) for (const sb of await this.sandboxes.list()) await this.removeSandbox(sb);
    for (const h of this.handles.values()) h.detach();
    this.handles.clear();
    await this.sandboxes.close(); // pooled, unused network namespaces (and their IPs) go too
  }

  private adopt(r: ContainerRecord): ContainerHandle {
    const files = containerFiles(this.opts.stateDir, r.id);
    if (!r.pid) { // the previous agent died between starting the supervisor and recording the pid
      r.pid = Number(readFileSyncOr(files.pid, '0').trim());
      r.pidStart = r.pid ? processStartTime(r.pid) : undefined;
    }
    const h = new ContainerHandle(r, files, this.sandboxes, this.clock);
    this.handles.set(r.id, h);
    return h;
  }

  private records(): ContainerRecord[] {
    const out: ContainerRecord[] = [];
    for (const f of readdirSync(this.dir)) {
      if (!f.endsWith('.json')) continue;
      try { out.push(JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as ContainerRecord); } catch { /* torn write: no supervisor was started */ }
    }
    return out;
  }

  private async podSandbox(sandbox: Sandbox): Promise<PodSandbox> {
    const found = this.sandboxes.get(sandbox.id);
    if (!found) throw new StartError('CreateContainerError', `sandbox ${sandbox.id} not found`);
    return found;
  }
}

/**
 * Waits until the container's process group exists and, in a sandbox, its own program runs (runc's start returns at its exec, too): until then a
 * stop signal would hit the sandbox's set-up chain (setpriv, the set-up script and its mount steps),
 * which would either ignore it or die of it with 143. The chain's shapes are container-command.ts's.
 */
async function initStarted(sandboxes: SandboxManager, pid: number, namespaces: boolean): Promise<void> {
  for (let i = 0; i < INIT_WAIT_TRIES && sameProcessAlive(pid, undefined); i++) {
    const init = namespaces ? sandboxes.containerInitPid(pid) : pid;
    if (ownGroup(pid) && init !== undefined && !(namespaces && inSetUp(init))) return;
    await new Promise((r) => (i < EAGER_TRIES ? setImmediate(r) : setTimeout(r, 1)));
  }
}

/** setsid has run: the process group that stop() signals exists. */
function ownGroup(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[2]) === pid;
  } catch {
    return false;
  }
}

function inSetUp(pid: number): boolean {
  let argv: string[];
  try { argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0'); } catch { return false; }
  // setpriv, the forked copy of the outer script (kubelite-pod), or the set-up script (container).
  return argv[0] === 'setpriv' || (argv[0] === 'sh' && argv[1] === '-c' && (argv[3] === 'container' || argv[3] === 'kubelite-pod'));
}

function osSignal(signal: NodeJS.Signals): number {
  return ({ SIGHUP: 1, SIGINT: 2, SIGQUIT: 3, SIGKILL: 9, SIGTERM: 15 } as Record<string, number>)[signal] ?? 9;
}

function readFileSyncOr(path: string, fallback: string): string {
  try { return readFileSync(path, 'utf8'); } catch { return fallback; }
}
