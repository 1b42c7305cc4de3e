// One probe worker's state, as pkg/kubelet/prober/worker.go keeps it, without timers: the kubelet
// asks `due` on each period tick, runs the probe when it says so, and feeds the outcome to `record`.
// Readiness starts as Failure, liveness as Success, startup as Unknown; nothing runs before
// initialDelaySeconds of the container's life or, for liveness and readiness, before the startup
// probe passed; a result changes only after successThreshold / failureThreshold same outcomes in a
// row; a liveness or startup failure puts the worker on hold until the next container instance.
import type { Probe } from 'kubernetes-types/core/v1.js';
import type { ProbeType } from './prober.js';
import type { ProbeOutcome } from './result.js';

export type ProbeResult = 'success' | 'failure' | 'unknown';

export interface ProbedContainer {
  /** The current instance's id; a new one resets the result and lifts a hold. */
  containerID: string;
  running: boolean;
  startedAt: number;
  /** The container passed its startup probe (or has none). */
  started: boolean;
}

const INITIAL: Record<ProbeType, ProbeResult> = { readiness: 'failure', liveness: 'success', startup: 'unknown' };

export class ProbeState {
  /** The result the kubelet acts on (results manager). */
  result: ProbeResult;
  private containerID = '';
  private onHold = false;
  private lastResult: ProbeResult = 'unknown';
  private resultRun = 0;

  constructor(readonly type: ProbeType, readonly spec: Probe) {
    this.result = INITIAL[type];
  }

  get periodMs(): number {
    return (this.spec.periodSeconds || 10) * 1000;
  }

  get timeoutMs(): number {
    return (this.spec.timeoutSeconds || 1) * 1000;
  }

  /** Whether to run the probe now (doProbe's checks before probing); also tracks container changes. */
  due(c: ProbedContainer, now: number): boolean {
    if (c.containerID !== this.containerID) {
      this.containerID = c.containerID;
      this.result = INITIAL[this.type];
      this.onHold = false;
    }
    if (this.onHold) return false;
    if (!c.running) {
      this.result = 'failure';
      return false;
    }
    if (Math.floor((now - c.startedAt) / 1000) < (this.spec.initialDelaySeconds ?? 0)) return false;
    if (c.started) return this.type !== 'startup';
    return this.type === 'startup';
  }

  /**
   * Counts an outcome; returns whether the result changed. Prober errors (unknown) are thrown away.
   * After a liveness or startup failure the container is to be killed (`result === 'failure'`).
   */
  record(o: ProbeOutcome): boolean {
    if (o.result === 'unknown') return false;
    const r: ProbeResult = o.result === 'failure' ? 'failure' : 'success';
    if (this.lastResult === r) this.resultRun++;
    else {
      this.lastResult = r;
      this.resultRun = 1;
    }
    const threshold = r === 'failure' ? this.spec.failureThreshold || 3 : this.spec.successThreshold || 1;
    if (this.resultRun < threshold) return false;
    const changed = this.result !== r;
    this.result = r;
    if (this.type !== 'readiness' && r === 'failure') {
      this.onHold = true;
      this.resultRun = 0;
    }
    return changed;
  }

  /** The liveness or startup probe has failed: the container must be killed (and restarted per policy). */
  get wantsKill(): boolean {
    return this.onHold && this.result === 'failure';
  }
}
