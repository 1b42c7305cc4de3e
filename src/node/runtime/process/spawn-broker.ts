// Every process the process runtime starts for pods (`ip` for sandboxes, the container supervisors)
// is spawned by a small broker process rather than by the agent itself. fork() copies the parent's
// page tables, so a spawn costs time in proportion to the spawner's memory: ~4 ms from a fresh Node
// process but 8-17 ms from a server holding thousands of objects, all of it on the event loop that
// also serves the API. The broker, forked once, keeps that cost off the agent's event loop.
import { fork, type ChildProcess } from 'node:child_process';
import type { CommandLine } from '../../sandbox/sandbox-manager.js';
import { processStartTime, sameProcessAlive, type ContainerFiles, type Supervised } from './supervisor.js';

type Op =
  | { op: 'ip'; args: string[]; batch?: string }
  | { op: 'supervise'; files: ContainerFiles; cmd: CommandLine; env: NodeJS.ProcessEnv; stdin: string };

export type BrokerRequest = Op & { id: number };

/** The answer to a request, then (for a supervisor) a second message when it exits. */
export interface BrokerReply { id: number; error?: string; supervisorPid?: number; pid?: number; exited?: true }

interface Waiting { resolve: (r: BrokerReply) => void; reject: (e: Error) => void }

const EXIT_POLL_MS = 200; // for supervisors whose broker died: their end is found by polling

export class SpawnBroker {
  private child?: ChildProcess;
  private nextId = 1;
  private readonly waiting = new Map<number, Waiting>();
  /** Started supervisors whose exit the broker has not reported yet: their identity and the resolver of supervisorExited. */
  private readonly running = new Map<number, { pid: number; start?: number; exited: () => void }>();
  /** Exits reported before their start's reply was handled (kept until supervise takes them). */
  private readonly exitedEarly = new Set<number>();

  private broker(): ChildProcess {
    if (this.child && this.child.connected) return this.child;
    // execArgv: [] so that the agent's own node flags (--inspect, --cpu-prof) do not apply to it too.
    const child = fork(new URL('./spawn-broker-main.js', import.meta.url), [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json', execArgv: [] });
    child.on('message', (r: BrokerReply) => this.reply(r));
    child.once('exit', () => this.lost(child));
    child.unref();
    this.child = child;
    this.idle();
    return child;
  }

  /** The channel keeps the agent alive only while a request is out. */
  private idle(): void {
    const ch = this.child?.channel as { ref?: () => void; unref?: () => void } | undefined;
    if (this.waiting.size) ch?.ref?.(); else ch?.unref?.();
  }

  private reply(r: BrokerReply): void {
    if (r.exited) {
      const run = this.running.get(r.id);
      if (run) { run.exited(); this.running.delete(r.id); } else this.exitedEarly.add(r.id);
      return;
    }
    const w = this.waiting.get(r.id);
    this.waiting.delete(r.id);
    this.idle();
    w?.resolve(r);
  }

  /** The broker died: what it was doing failed, and the supervisors it started are watched by polling. */
  private lost(child: ChildProcess): void {
    if (this.child === child) this.child = undefined;
    for (const w of this.waiting.values()) w.reject(new Error('the spawn broker exited'));
    this.waiting.clear();
    for (const [id, r] of this.running) {
      this.running.delete(id);
      this.watchExit(r.pid, r.start, r.exited);
    }
  }

  private watchExit(pid: number, start: number | undefined, exited: () => void): void {
    const t = setInterval(() => { if (!sameProcessAlive(pid, start)) { clearInterval(t); exited(); } }, EXIT_POLL_MS);
    t.unref();
  }

  private request(req: Op): Promise<BrokerReply> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      const child = this.broker();
      this.idle();
      child.send({ ...req, id } satisfies BrokerRequest, (err) => {
        if (!err) return;
        this.waiting.delete(id);
        this.idle();
        reject(err);
      });
    });
  }

  async runIp(args: string[], batch?: string): Promise<void> {
    const r = await this.request({ op: 'ip', args, batch });
    if (r.error) throw new Error(r.error);
  }

  async supervise(files: ContainerFiles, cmd: CommandLine, env: NodeJS.ProcessEnv, stdin: string): Promise<Supervised> {
    let exited!: () => void;
    const supervisorExited = new Promise<void>((resolve) => { exited = resolve; });
    const r = await this.request({ op: 'supervise', files, cmd, env, stdin });
    if (r.error || !r.supervisorPid || !r.pid) throw new Error(r.error ?? 'the container supervisor did not start');
    const start = processStartTime(r.supervisorPid); // with the pid, an identity that survives pid reuse
    if (this.exitedEarly.delete(r.id)) exited();
    else if (!this.child) this.watchExit(r.supervisorPid, start, exited); // the broker died meanwhile
    else this.running.set(r.id, { pid: r.supervisorPid, start, exited });
    return { supervisorPid: r.supervisorPid, pid: r.pid, supervisorExited };
  }

  /** The broker's pid while it runs (tests). */
  get pid(): number | undefined { return this.child?.pid; }

  close(): void {
    this.child?.disconnect();
    this.child = undefined;
  }
}

/** The process-wide broker (one per agent or server process). */
export const spawnBroker = new SpawnBroker();
