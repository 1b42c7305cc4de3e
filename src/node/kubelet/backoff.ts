// CrashLoopBackOff: the kubelet's per-container restart back-off. Mirrors client-go
// util/flowcontrol/backoff.go as the kubelet uses it (kubelet.go: backOffPeriod 10s,
// MaxContainerBackOff 300s) and kuberuntime_manager.go doBackOff: the first restart is immediate,
// then 10s, 20s, 40s ... capped at 5m; an entry last updated more than 2×max (10 min) before the
// container finished is stale, so a container that ran that long starts again from 10s.
import type { Pod } from 'kubernetes-types/core/v1.js';

export const INITIAL_BACKOFF_MS = 10_000; // kubelet.go backOffPeriod
export const MAX_BACKOFF_MS = 300_000; // kubelet.go MaxContainerBackOff

interface Entry {
  backoffMs: number;
  lastUpdate: number;
}

export type BackOffDecision =
  | { backOff: false }
  | { backOff: true; remainingMs: number; backoffMs: number };

export class CrashLoopBackOff {
  private readonly entries = new Map<string, Entry>();

  constructor(readonly initialMs = INITIAL_BACKOFF_MS, readonly maxMs = MAX_BACKOFF_MS) {}

  /** The current back-off for key in ms (0 when there is none), as Backoff.Get. */
  get(key: string): number {
    return this.entries.get(key)?.backoffMs ?? 0;
  }

  /** Moves key to its next back-off step, as Backoff.Next: eventTime is when the container finished. */
  next(key: string, eventTime: number, now: number): void {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e)) {
      this.entries.set(key, { backoffMs: this.initialMs, lastUpdate: now });
      return;
    }
    e.backoffMs = Math.min(e.backoffMs * 2, this.maxMs);
    e.lastUpdate = now;
  }

  /** ms left before a container that finished at eventTime may restart; 0 when not in back-off (IsInBackOffSince). */
  inBackOff(key: string, eventTime: number, now: number): number {
    const e = this.entries.get(key);
    if (!e || this.expired(eventTime, e)) return 0;
    const elapsed = now - eventTime;
    return elapsed < e.backoffMs ? e.backoffMs - elapsed : 0;
  }

  /** ms left of the back-off counted from the entry's last update (IsInBackOffSinceUpdate, as the image manager asks). */
  inBackOffSinceUpdate(key: string, now: number): number {
    const e = this.entries.get(key);
    if (!e) return 0;
    const elapsed = now - e.lastUpdate;
    return elapsed < e.backoffMs ? e.backoffMs - elapsed : 0;
  }

  /**
   * doBackOff: either the container must wait (report CrashLoopBackOff with backOffMessage), or it
   * may start now, in which case the back-off has already been advanced.
   */
  decide(key: string, finishedAt: number, now: number): BackOffDecision {
    const remainingMs = this.inBackOff(key, finishedAt, now);
    if (remainingMs > 0) return { backOff: true, remainingMs, backoffMs: this.get(key) };
    this.next(key, finishedAt, now);
    return { backOff: false };
  }

  reset(key: string): void {
    this.entries.delete(key);
  }

  /** Drops entries not updated for 2×max, as Backoff.GC (the kubelet runs it periodically). */
  gc(now: number): void {
    for (const [key, e] of this.entries) if (now - e.lastUpdate > this.maxMs * 2) this.entries.delete(key);
  }

  private expired(eventTime: number, e: Entry): boolean {
    return eventTime - e.lastUpdate > this.maxMs * 2;
  }
}

/** The back-off key of a container (upstream also folds in the container's spec hash). */
export function backOffKey(podUid: string, containerName: string): string {
  return `${podUid}/${containerName}`;
}

/** The image manager's own back-off key (`<pod uid>_<image>`), apart from the crash-loop one. */
export function imageBackOffKey(podUid: string, image: string): string {
  return `${podUid}_${image}`;
}

/** `<name>_<namespace>(<uid>)`, as pkg/kubelet/util/format.Pod. */
export function formatPod(pod: Pick<Pod, 'metadata'>): string {
  return `${pod.metadata?.name ?? ''}_${pod.metadata?.namespace ?? ''}(${pod.metadata?.uid ?? ''})`;
}

/** The waiting message of a container in CrashLoopBackOff. */
export function backOffMessage(backoffMs: number, containerName: string, pod: Pick<Pod, 'metadata'>): string {
  return `back-off ${goDuration(backoffMs)} restarting failed container=${containerName} pod=${formatPod(pod)}`;
}

/** The Warning BackOff event's message. */
export function backOffEventMessage(containerName: string, pod: Pick<Pod, 'metadata'>): string {
  return `Back-off restarting failed container ${containerName} in pod ${formatPod(pod)}`;
}

/** Go's time.Duration.String for non-negative durations: 10s, 1m20s, 5m0s, 1h0m0s, 500ms. */
export function goDuration(ms: number): string {
  if (ms === 0) return '0s';
  if (ms < 1000) return `${ms}ms`;
  const totalSeconds = ms / 1000;
  const h = Math.floor(totalSeconds / 3600);
  const m = Math.floor((totalSeconds - h * 3600) / 60);
  const s = +(totalSeconds - h * 3600 - m * 60).toFixed(3);
  if (h > 0) return `${h}h${m}m${s}s`;
  if (m > 0) return `${m}m${s}s`;
  return `${s}s`;
}
