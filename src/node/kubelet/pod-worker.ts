// One pod on this node, as kubelet's pod worker + kuberuntime's computePodActions: keeps the pod's
// sandbox and containers as its spec and restartPolicy say, restarts with CrashLoopBackOff, runs
// probes, honours activeDeadlineSeconds, terminates gracefully on deletion, and writes the status.
// All work for a pod is serialised: sync() never runs twice at once.
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import type { RecoveredContainer, RunningContainer, Sandbox } from '../runtime/runtime.js';
import { newRecord, factsOf, type ContainerRecord } from './container-record.js';
import { fieldPath, launchOrBackOff, type LaunchContext } from './container-launch.js';
import { startContainer, type StartContext } from './container-start.js';
import type { PodWorkerHost } from './pod-worker-host.js';
import { adoptContainers, seedFromStatus } from './pod-recovery.js';
import { podHostname } from './env.js';
import { needsSync } from './pod-changes.js';
import { computePodStatus, DEADLINE_EXCEEDED_MESSAGE, DEADLINE_EXCEEDED_REASON, pastActiveDeadline } from './status.js';

const DEFAULT_GRACE_SECONDS = 30;

export class PodWorker {
  private records = new Map<string, ContainerRecord>();
  private sandbox?: Sandbox;
  private startTime?: number;
  private terminal = false;
  private evicted?: { reason: string; message: string };
  private chain: Promise<void> = Promise.resolve();
  private timers = new Set<NodeJS.Timeout>();
  private probes = new Map<string, { stop(): void }>();
  private done = false;
  private exitedSinceWrite = false;

  constructor(private pod: Pod, private readonly host: PodWorkerHost, adopted?: { sandbox: Sandbox; containers: RecoveredContainer[] }) {
    for (const c of pod.spec?.initContainers ?? []) this.records.set(c.name, newRecord(c.name, true));
    for (const c of pod.spec?.containers ?? []) this.records.set(c.name, newRecord(c.name, false));
    // A pod this node ran before (agent restart): pick up where the previous agent was.
    seedFromStatus(this.records, pod, this.now());
    if (adopted) {
      this.sandbox = adopted.sandbox;
      const specs = [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])];
      for (const { name, running } of adoptContainers(this.records, adopted.containers, host.podDir(pod), this.now())) {
        const spec = specs.find((x) => x.name === name)!;
        const r = this.records.get(name)!;
        this.watchExit(spec, r, running, r.current!.logPath);
        this.startProbes(spec, r, running);
      }
    }
  }

  get uid(): string { return this.pod.metadata!.uid!; }
  get current(): Pod { return this.pod; }
  get podSandbox(): Sandbox | undefined { return this.sandbox; }
  record(name: string): ContainerRecord | undefined { return this.records.get(name); }

  update(pod: Pod): void {
    const prev = this.pod;
    this.pod = pod;
    // A second delete with a shorter grace period cuts a running termination short (kubelet's
    // podWorkers pass the new grace to killPod; the runtime's stop timer is re-armed).
    if (this.killingWithMs !== undefined && this.graceMs() < this.killingWithMs) {
      this.killingWithMs = this.graceMs();
      for (const r of this.records.values()) void r.current?.running.stop(this.killingWithMs).catch(() => undefined);
    }
    if (needsSync(prev, pod, this.lastWritten)) this.kick();
  }

  /** The status this worker last computed for writing (its own write, when it comes back, syncs nothing). */
  private lastWritten?: Pod['status'];

  /** The grace period of the kill in progress, if any. */
  private killingWithMs?: number;

  /** Queues a sync after whatever is running. */
  kick(): void {
    if (this.done) return;
    this.chain = this.chain.then(() => this.sync()).catch((e) => {
      this.host.log(`pod ${this.pod.metadata?.namespace}/${this.pod.metadata?.name}: ${e instanceof Error ? e.stack : String(e)}`);
      this.after(1000);
    });
  }

  /** Stops everything without touching the API (agent shutdown): containers keep running for adoption. */
  detach(): void {
    this.done = true;
    for (const t of this.timers) clearTimeout(t);
    for (const p of this.probes.values()) p.stop();
  }

  private after(ms: number): void {
    const t = setTimeout(() => { this.timers.delete(t); this.kick(); }, Math.max(0, ms));
    this.timers.add(t);
  }

  private now(): number { return this.host.clock.now(); }

  private async sync(): Promise<void> {
    if (this.done) return;
    const pod = this.pod;
    if (pod.metadata?.deletionTimestamp) return this.terminate();
    this.startTime ??= pod.status?.startTime ? Date.parse(pod.status.startTime) : this.now();
    this.armDeadline(pod);
    if (!this.terminal && pastActiveDeadline(pod, this.startTime, this.now())) {
      this.host.event(pod, 'Warning', DEADLINE_EXCEEDED_REASON, DEADLINE_EXCEEDED_MESSAGE);
      this.evicted = { reason: DEADLINE_EXCEEDED_REASON, message: DEADLINE_EXCEEDED_MESSAGE };
      await this.killAll(this.graceMs());
      this.terminal = true;
    }
    if (this.exitedSinceWrite && !this.terminal) {
      // SyncPod generates and sets the pod's status before computePodActions restarts anything, so
      // an exited container shows as Terminated (STATUS Completed/Error) before its restart.
      this.exitedSinceWrite = false;
      await this.writeStatus();
    }
    if (!this.terminal) {
      if (!this.sandbox) await this.createSandbox();
      if (this.sandbox) await this.advance();
    }
    await this.writeStatus();
    if (this.terminal && this.sandbox && ![...this.records.values()].some((r) => r.current)) {
      // A finished pod keeps its status (and podIP) but not its sandbox.
      await this.host.runtime.removeSandbox(this.sandbox);
    }
  }

  private deadlineTimer?: NodeJS.Timeout;

  /**
   * The kubelet's sync loop asks its activeDeadlineHandler about every pod each second and syncs
   * those past their deadline; here one timer per pod fires when the deadline passes.
   */
  private armDeadline(pod: Pod): void {
    const seconds = pod.spec?.activeDeadlineSeconds;
    if (this.terminal || this.deadlineTimer || seconds === undefined || seconds === null || this.startTime === undefined) return;
    const t = setTimeout(() => { this.timers.delete(t); this.deadlineTimer = undefined; this.kick(); }, Math.max(0, this.startTime + seconds * 1000 - this.now()));
    this.deadlineTimer = t;
    this.timers.add(t);
  }

  private async createSandbox(): Promise<void> {
    const pod = this.pod;
    try {
      this.sandbox = await this.host.runtime.createSandbox({
        podUid: this.uid, namespace: pod.metadata!.namespace!, name: pod.metadata!.name!,
        hostname: podHostname(pod), hostNetwork: !!pod.spec?.hostNetwork, annotations: pod.metadata?.annotations ?? {},
      });
      if (this.sandbox.degraded) this.host.event(pod, 'Warning', 'DegradedIsolation', this.sandbox.degraded);
    } catch (e) {
      this.host.event(pod, 'Warning', 'FailedCreatePodSandBox', `Failed to create pod sandbox: ${e instanceof Error ? e.message : String(e)}`);
      this.after(5000);
    }
  }

  /** Starts what should run now: init containers in order, then every regular container. */
  private async advance(): Promise<void> {
    const spec = this.pod.spec!;
    const policy = spec.restartPolicy ?? 'Always';
    for (const c of spec.initContainers ?? []) {
      const r = this.records.get(c.name)!;
      if (r.current) return; // still running: nothing after it may start
      if (r.last?.exitCode === 0) continue;
      if (r.last && policy === 'Never') { this.terminal = true; return; }
      await launchOrBackOff(this.launchContext(), c, r);
      return;
    }
    let willRun = false;
    for (const c of spec.containers) {
      const r = this.records.get(c.name)!;
      if (r.current) { willRun = true; continue; }
      if (!r.last) { await launchOrBackOff(this.launchContext(), c, r); willRun = true; continue; } // never ran (or nothing is known of a run)
      const exit = r.last?.exitCode ?? 0;
      const restart = policy === 'Always' || (policy === 'OnFailure' && exit !== 0);
      if (!restart) continue;
      willRun = true;
      await launchOrBackOff(this.launchContext(), c, r);
    }
    if (!willRun) this.terminal = true;
  }

  /** What launching a container needs from this worker (container-launch.ts). */
  private launchContext(): LaunchContext {
    const pod = this.pod;
    return {
      pod, uid: this.uid, backoff: this.host.backoff, backoffInitialMs: this.host.backoff.initialMs,
      now: () => this.now(),
      event: (type, reason, message, fp) => this.host.event(pod, type, reason, message, fp),
      after: (ms) => this.after(ms),
      start: (c, isInit, instance) => startContainer(this.startContext(), c, isInit, instance, () => this.now()),
      running: (c, r, running, logPath) => {
        this.watchExit(c, r, running, logPath);
        this.startProbes(c, r, running);
      },
    };
  }

  private startProbes(c: Container, r: ContainerRecord, running: RunningContainer): void {
    this.probes.set(c.name, this.host.probes.start(this.pod, c, running, this.sandbox!, {
      ready: (v) => { if (r.current?.running === running && r.ready !== v) { r.ready = v; this.kick(); } },
      started: () => { if (r.current?.running === running) { r.startupPassed = true; this.kick(); } },
      unhealthy: (message) => { if (r.current?.running === running) void this.restartUnhealthy(c, r, running, message); },
    }));
  }

  private watchExit(c: Container, r: ContainerRecord, running: RunningContainer, logPath: string): void {
    running.exited.then((exit) => {
      if (r.current?.running !== running) return;
      this.probes.get(c.name)?.stop();
      this.probes.delete(c.name);
      r.previous = r.last;
      r.last = { exitCode: exit.exitCode, oomKilled: exit.oomKilled, startedAt: exit.startedAt, finishedAt: exit.finishedAt, containerID: r.current.id, logPath };
      r.current = undefined;
      r.ready = false;
      r.waiting = undefined;
      this.exitedSinceWrite = true;
      this.kick();
    }, (e) => this.host.log(`container ${c.name}: ${String(e)}`));
  }

  private async restartUnhealthy(c: Container, r: ContainerRecord, running: RunningContainer, message: string): Promise<void> {
    this.host.event(this.pod, 'Normal', 'Killing', message, fieldPath(c, r.isInit));
    await running.stop(this.graceMs());
  }

  private graceMs(): number {
    const meta = this.pod.metadata?.deletionGracePeriodSeconds;
    const spec = this.pod.spec?.terminationGracePeriodSeconds;
    return 1000 * (meta ?? spec ?? DEFAULT_GRACE_SECONDS);
  }

  private async killAll(graceMs: number): Promise<void> {
    this.killingWithMs = graceMs;
    const stops: Array<Promise<unknown>> = [];
    for (const c of [...(this.pod.spec?.initContainers ?? []), ...(this.pod.spec?.containers ?? [])]) {
      const r = this.records.get(c.name);
      if (!r?.current) continue;
      this.host.event(this.pod, 'Normal', 'Killing', `Stopping container ${c.name}`, fieldPath(c, r.isInit));
      this.probes.get(c.name)?.stop();
      stops.push(r.current.running.stop(graceMs));
    }
    await Promise.all(stops);
    this.killingWithMs = undefined;
    // Exits are recorded by watchExit; wait for those callbacks to have run.
    await new Promise((res) => setImmediate(res));
  }

  private async terminate(): Promise<void> {
    this.terminal = true;
    await this.killAll(this.graceMs());
    if (this.sandbox) await this.host.runtime.removeSandbox(this.sandbox);
    await this.writeStatus().catch(() => {});
    this.done = true;
    for (const t of this.timers) clearTimeout(t);
    await this.host.confirmDeleted(this.pod);
    this.host.forget(this.uid);
  }

  private async writeStatus(): Promise<void> {
    const spec = this.pod.spec!;
    const facts = (cs: Container[] | undefined) => (cs ?? []).map((c) => factsOf(this.records.get(c.name)!, !!c.startupProbe, !!c.readinessProbe));
    const podIPs = this.sandbox ? [this.sandbox.ip] : (this.pod.status?.podIPs ?? []).map((p) => p.ip!);
    await this.host.writeStatus(this.pod, (fresh) => this.lastWritten = computePodStatus(fresh, {
      initContainers: facts(spec.initContainers),
      containers: facts(spec.containers),
      podIPs, hostIPs: [this.host.hostIP],
      startTime: this.startTime ?? this.now(),
      sandboxReady: !!this.sandbox && !this.terminal,
      podIsTerminal: this.terminal,
      evicted: this.evicted,
      now: this.now(),
    }));
  }

  private startContext(): StartContext {
    const pod = this.pod;
    return {
      runtime: this.host.runtime, sandbox: this.sandbox!, pod, podDir: this.host.podDir(pod), dataDir: this.host.dataDir,
      env: (c) => this.host.env(pod, c, this.sandbox!),
      mounts: (c) => this.host.mounts(pod, c),
      event: (type, reason, message, fp) => this.host.event(pod, type, reason, message, fp),
    };
  }
}

