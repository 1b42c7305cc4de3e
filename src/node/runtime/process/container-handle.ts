// One container instance as the runtime hands it to the kubelet: its exit (from the supervisor's exit
// file, with the OOM verdict of its cgroup), stop (SIGTERM to its init, SIGKILL to its process group
// after the grace period), and its output carried into the CRI log. Used for containers this agent started and
// for those a previous agent started (adopted), which it watches by polling instead of as a child.
import { createWriteStream, openSync, rmSync } from 'node:fs';
import { constants } from 'node:os';
import { PassThrough, type Writable } from 'node:stream';
import type { Clock } from '../../../util/clock.js';
import { LogWriter } from '../../logs/log-writer.js';
import { OutputCapture } from '../../logs/output-capture.js';
import type { SandboxManager } from '../../sandbox/sandbox-manager.js';
import type { ContainerExit, RunningContainer } from '../runtime.js';
import { readExitFile, sameProcessAlive, type ContainerFiles } from './supervisor.js';

export interface ContainerRecord {
  id: string;
  sandboxId: string;
  logPath: string;
  startedAt: number;
  supervisorPid: number;
  supervisorStart?: number;
  pid: number;
  pidStart?: number;
  cgroupName: string;
  stdin: boolean;
  /** Where its volumes are mounted (absent in records of older agents). */
  mountPaths?: string[];
}

/** What an exit looks like when nothing recorded it (supervisor killed): kubelet's ContainerStatusUnknown uses 137 too. */
export const UNKNOWN_EXIT_CODE = 137;
const ADOPTED_POLL_MS = 250;

const SIGNALS = new Map<number, NodeJS.Signals>(Object.entries(constants.signals).map(([name, n]) => [n, name as NodeJS.Signals]));

export function exitFromCode(code: number, startedAt: number, finishedAt: number, oomKilled: boolean): ContainerExit {
  const signal = code > 128 ? SIGNALS.get(code - 128) : undefined;
  return { exitCode: code, ...(signal ? { signal } : {}), oomKilled, startedAt, finishedAt };
}

export class ContainerHandle implements RunningContainer {
  readonly id: string;
  readonly pid: number;
  readonly startedAt: number;
  readonly exited: Promise<ContainerExit>;
  readonly stdin?: Writable;
  readonly output = { stdout: new PassThrough(), stderr: new PassThrough() };
  private settle!: (e: ContainerExit) => void;
  private done = false;
  private capture: OutputCapture;
  private poll?: NodeJS.Timeout;

  constructor(
    readonly record: ContainerRecord,
    private files: ContainerFiles,
    private sandboxes: SandboxManager,
    private clock: Clock,
    /** Set when this agent started the supervisor; otherwise its end is found by polling. */
    supervisorExited?: Promise<void>,
  ) {
    this.id = record.id;
    this.pid = record.pid;
    this.startedAt = record.startedAt;
    this.exited = new Promise((resolve) => (this.settle = resolve));
    this.capture = new OutputCapture({ stdout: files.out, stderr: files.err }, new LogWriter(record.logPath, clock),
      // Live output only for an attached reader: an unread stream would buffer everything.
      (stream, chunk) => { if (this.output[stream].readableFlowing) this.output[stream].write(chunk); });
    this.capture.start();
    if (record.stdin) {
      // O_RDWR: never blocks, and keeps the FIFO open for the container until the kubelet closes stdin.
      const fd = openSync(files.stdin, 'r+');
      this.stdin = createWriteStream('', { fd });
    }
    if (supervisorExited) void supervisorExited.then(() => this.finish());
    else {
      this.poll = setInterval(() => { if (this.ended()) void this.finish(); }, ADOPTED_POLL_MS);
      this.poll.unref();
    }
  }

  async stop(graceMs: number): Promise<ContainerExit> {
    if (this.done) return this.exited;
    // As runc's kill: SIGTERM to the container's init only (a shell's children do not get it, and a
    // PID 1 without a handler ignores it), SIGKILL to everything after the grace period.
    this.signalInit('SIGTERM');
    const kill = setTimeout(() => this.signal('SIGKILL'), Math.max(0, graceMs));
    try {
      return await this.exited;
    } finally {
      clearTimeout(kill);
    }
  }

  /** Stops following the output without touching the container (the agent is shutting down). */
  detach(): void {
    this.stopPolling();
    this.capture.stop();
  }

  private stopPolling(): void {
    if (this.poll) clearInterval(this.poll);
    this.poll = undefined;
  }

  private ended(): boolean {
    return readExitFile(this.files) !== undefined || !sameProcessAlive(this.record.supervisorPid, this.record.supervisorStart);
  }

  private signal(sig: NodeJS.Signals): void {
    if (!sameProcessAlive(this.record.pid, this.record.pidStart)) return;
    try { process.kill(-this.record.pid, sig); } catch { /* already gone */ }
  }

  private signalInit(sig: NodeJS.Signals): void {
    if (!sameProcessAlive(this.record.pid, this.record.pidStart)) return;
    const init = this.sandboxes.containerInitPid(this.record.pid) ?? this.record.pid;
    try { process.kill(init, sig); } catch { /* already gone */ }
  }

  private async finish(): Promise<void> {
    if (this.done) return;
    this.done = true;
    this.stopPolling();
    // A supervisor killed from outside leaves its container to die by parent-death signal; make sure.
    if (!readExitFile(this.files)) this.signal('SIGKILL');
    // When a container's init ends, nothing of it may stay (its PID namespace takes its processes
    // along; without one, children left in its process group are killed here, as runc kills the cgroup).
    try { process.kill(-this.record.pid, 'SIGKILL'); } catch { /* the group is empty */ }
    const recorded = readExitFile(this.files);
    const oomKilled = this.sandboxes.oomKilled(this.record.cgroupName);
    await this.sandboxes.removeCgroup(this.record.cgroupName);
    this.capture.finish();
    for (const s of [this.output.stdout, this.output.stderr]) s.end();
    this.stdin?.destroy();
    rmSync(this.files.stdin, { force: true });
    const code = recorded?.code ?? UNKNOWN_EXIT_CODE;
    this.settle(exitFromCode(oomKilled ? 137 : code, this.startedAt, Math.max(this.startedAt, recorded?.at ?? this.clock.now()), oomKilled));
  }
}
