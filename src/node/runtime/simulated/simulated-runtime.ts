// A runtime without processes, as KWOK fakes nodes: sandboxes get pod IPs from the node's CIDR and
// containers are Running until stopped, unless pod annotations give them a run time and an exit
// code. It lets one agent process host a thousand nodes for scale tests, so a container is a
// promise and at most one timer, and nothing is kept per node beyond two maps and an IP pool.
import { dirname } from 'node:path';
import type { Duplex } from 'node:stream';
import { parseGoDuration } from '../../../api/kinds/cron-job/go-duration.js';
import { appendFile, mkdir } from '../../../util/callback-fs.js';
import { realClock, rfc3339Micro, type Clock } from '../../../util/clock.js';
import {
  StartError,
  type ContainerConfig, type ContainerExit, type ExecOptions, type Runtime, type RunningContainer, type Sandbox, type SandboxConfig,
} from '../runtime.js';
import { IpPool } from './ip-pool.js';
import { realTimers, type Timers } from './timers.js';

export const DURATION_ANNOTATION = 'kubelite.io/simulate-duration';
export const EXIT_CODE_ANNOTATION = 'kubelite.io/simulate-exit-code';

export interface SimulatedRuntimeOptions {
  /** The node's pod CIDR (spec.podCIDR). */
  podCIDR: string;
  /** The node's address, the IP of hostNetwork pods. */
  hostIP?: string;
  clock?: Clock;
  timers?: Timers;
}

/** How long a container runs and how it ends; undefined duration: until stopped. */
export interface Plan { durationMs?: number; exitCode: number }

/**
 * The plan the annotations give a container. `<annotation>.<container>` overrides the pod-wide value
 * for one container (e.g. an init container that must finish). An exit code alone means "exit at
 * once with it". A malformed value is a CreateContainerError, so a typo is seen, not ignored.
 */
export function containerPlan(annotations: Record<string, string>, container: string): Plan {
  const pick = (key: string) => annotations[`${key}.${container}`] ?? annotations[key];
  const d = pick(DURATION_ANNOTATION);
  const c = pick(EXIT_CODE_ANNOTATION);
  let exitCode = 0;
  if (c !== undefined) {
    if (!/^\d{1,3}$/.test(c.trim()) || Number(c) > 255) throw new StartError('CreateContainerError', `invalid ${EXIT_CODE_ANNOTATION} "${c}": want an integer 0-255`);
    exitCode = Number(c);
  }
  if (d === undefined) return c === undefined ? { exitCode } : { durationMs: 0, exitCode };
  const ms = parseGoDuration(d.trim());
  if (typeof ms === 'string' || ms < 0) throw new StartError('CreateContainerError', `invalid ${DURATION_ANNOTATION} "${d}": ${typeof ms === 'string' ? ms : 'negative duration'}`);
  return { durationMs: ms, exitCode };
}

const SIGTERM_EXIT = 143; // 128 + SIGTERM: what a process with the default handler reports
const SIGKILL_EXIT = 137; // 128 + SIGKILL

class SimContainer implements RunningContainer {
  readonly exited: Promise<ContainerExit>;
  private resolveExit!: (e: ContainerExit) => void;
  private exit?: ContainerExit;
  private cancelTimer?: () => void;

  constructor(readonly id: string, readonly startedAt: number, private readonly clock: Clock) {
    this.exited = new Promise((r) => { this.resolveExit = r; });
  }

  schedule(timers: Timers, plan: Plan): void {
    if (plan.durationMs === undefined) return;
    this.cancelTimer = timers.after(plan.durationMs, () => this.finish(plan.exitCode));
  }

  finish(exitCode: number, signal?: NodeJS.Signals): ContainerExit {
    if (this.exit) return this.exit;
    this.cancelTimer?.();
    this.exit = { exitCode, signal, oomKilled: false, startedAt: this.startedAt, finishedAt: this.clock.now() };
    this.resolveExit(this.exit);
    return this.exit;
  }

  /** A simulated process honours SIGTERM at once; a zero grace period is a SIGKILL. */
  stop(graceMs: number): Promise<ContainerExit> {
    return Promise.resolve(graceMs > 0 ? this.finish(SIGTERM_EXIT, 'SIGTERM') : this.finish(SIGKILL_EXIT, 'SIGKILL'));
  }

  get done(): boolean { return this.exit !== undefined; }
}

interface SimSandbox { sandbox: Sandbox; pooledIP: boolean; annotations: Record<string, string>; containers: Map<string, SimContainer> }

export class SimulatedRuntime implements Runtime {
  readonly name = 'simulated' as const;
  readonly usesImages = false;
  private readonly pool: IpPool;
  private readonly sandboxes = new Map<string, SimSandbox>();
  private readonly clock: Clock;
  private readonly timers: Timers;

  constructor(private readonly opts: SimulatedRuntimeOptions) {
    this.pool = new IpPool(opts.podCIDR);
    this.clock = opts.clock ?? realClock;
    this.timers = opts.timers ?? realTimers;
  }

  /** Pod IPs handed out (for tests and scale reports). */
  get podIPsInUse(): number { return this.pool.inUse; }

  async createSandbox(cfg: SandboxConfig): Promise<Sandbox> {
    const id = `sim-${cfg.podUid}`;
    const existing = this.sandboxes.get(id);
    if (existing) return existing.sandbox;
    const ip = cfg.hostNetwork ? (this.opts.hostIP ?? '127.0.0.1') : this.pool.allocate();
    const sandbox: Sandbox = { id, podUid: cfg.podUid, ip, hostname: cfg.hostname };
    this.sandboxes.set(id, { sandbox, pooledIP: !cfg.hostNetwork, annotations: { ...cfg.annotations }, containers: new Map() });
    return sandbox;
  }

  async removeSandbox(sandbox: Sandbox): Promise<void> {
    const s = this.sandboxes.get(sandbox.id);
    if (!s) return;
    for (const c of s.containers.values()) c.finish(SIGKILL_EXIT, 'SIGKILL');
    this.sandboxes.delete(sandbox.id);
    if (s.pooledIP) this.pool.release(s.sandbox.ip);
  }

  async startContainer(sandbox: Sandbox, cfg: ContainerConfig): Promise<RunningContainer> {
    const s = this.sandboxes.get(sandbox.id);
    if (!s) throw new StartError('CreateContainerError', `sandbox ${sandbox.id} not found`);
    const explicit = containerPlan(s.annotations, cfg.name);
    // Init containers must finish for the pod to go on: unless annotated, they succeed at once.
    const annotated = [DURATION_ANNOTATION, EXIT_CODE_ANNOTATION].some((k) => s.annotations[`${k}.${cfg.name}`] !== undefined || s.annotations[k] !== undefined);
    const plan = cfg.init && !annotated ? { durationMs: 0, exitCode: 0 } : explicit;
    const now = this.clock.now();
    await writeLogLine(cfg.logPath, `${rfc3339Nano(now)} stdout F simulated container ${cfg.name} started\n`);
    const c = new SimContainer(cfg.id, now, this.clock);
    s.containers.set(cfg.id, c);
    // A finished container stays listed until its sandbox goes, as CRI keeps exited containers.
    c.schedule(this.timers, plan);
    return c;
  }

  async exec(_sandbox: Sandbox, container: RunningContainer, _argv: string[], _io: ExecOptions): Promise<number> {
    if ((container as SimContainer).done) throw new Error(`container ${container.id} is not running`);
    return 0;
  }

  connect(sandbox: Sandbox, port: number): Promise<Duplex> {
    return Promise.reject(new Error(`cannot connect to ${sandbox.ip}:${port}: pods on the simulated runtime have no network (port-forward and network probes need the process runtime)`));
  }

  /** Nothing outlives the process that simulated it. */
  async recover(): Promise<Array<{ sandbox: Sandbox; containers: Array<{ id: string; pid?: number; exit?: ContainerExit }> }>> {
    return [];
  }

  async close(): Promise<void> {
    for (const s of this.sandboxes.values()) await this.removeSandbox(s.sandbox);
  }
}

/** CRI log timestamps are RFC 3339 with nanoseconds. */
const rfc3339Nano = (ms: number) => rfc3339Micro(ms).replace(/Z$/, '000Z');

async function writeLogLine(path: string, line: string): Promise<void> {
  try {
    await appendFile(path, line);
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new StartError('CreateContainerError', `cannot write log ${path}: ${(e as Error).message}`);
    await mkdir(dirname(path), { recursive: true });
    await appendFile(path, line);
  }
}
