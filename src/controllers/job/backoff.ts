// The delay before re-creating failed pods, as pkg/controller/job/backoff_utils.go: the controller
// remembers, per Job, how many pods failed since the last success and when the last one finished;
// the next pod waits base·2^(n-1) (capped) after that failure. The record lives in memory only, as
// upstream's backoffStore: a restarted controller starts counting afresh.
import type { Pod } from 'kubernetes-types/core/v1.js';

/** As upstream MaxJobPodFailureBackOff (10 min): the doubling stops there. */
export const MAX_JOB_POD_FAILURE_BACKOFF_MS = 10 * 60_000;

export interface BackoffRecord {
  failuresAfterLastSuccess: number;
  /** When the last counted failure finished (ms), if any. */
  lastFailureTime?: number;
}

export const NO_BACKOFF: BackoffRecord = Object.freeze({ failuresAfterLastSuccess: 0 });

export class BackoffStore {
  private readonly records = new Map<string, BackoffRecord>();
  get(key: string): BackoffRecord { return this.records.get(key) ?? NO_BACKOFF; }
  set(key: string, r: BackoffRecord): void { this.records.set(key, r); }
  remove(key: string): void { this.records.delete(key); }
}

/**
 * newBackoffRecord: new failures add up; a success resets the count, keeping only failures that
 * finished after the latest success.
 */
export function nextBackoffRecord(prev: BackoffRecord, newSucceeded: readonly Pod[], newFailed: readonly Pod[]): BackoffRecord {
  const failed = newFailed.map(finishedTime).sort((a, b) => a - b);
  if (newSucceeded.length === 0) {
    if (failed.length === 0) return prev;
    return { failuresAfterLastSuccess: prev.failuresAfterLastSuccess + failed.length, lastFailureTime: failed[failed.length - 1] };
  }
  const lastSuccess = Math.max(...newSucceeded.map(finishedTime));
  const after = failed.filter((t) => t > lastSuccess);
  return after.length ? { failuresAfterLastSuccess: after.length, lastFailureTime: after[after.length - 1] } : { failuresAfterLastSuccess: 0 };
}

/**
 * getFinishedTime: the latest container finish when every container finished; else when Ready turned
 * False; else the deletion time less its grace period; else the creation time.
 */
export function finishedTime(p: Pod): number {
  const statuses = p.status?.containerStatuses ?? [];
  if (statuses.length && statuses.every((c) => c.state?.terminated?.finishedAt)) {
    return Math.max(...statuses.map((c) => Date.parse(c.state!.terminated!.finishedAt!)));
  }
  const ready = p.status?.conditions?.find((c) => c.type === 'Ready');
  if (ready?.status === 'False' && ready.lastTransitionTime) return Date.parse(ready.lastTransitionTime);
  if (p.metadata?.deletionTimestamp) return Date.parse(p.metadata.deletionTimestamp) - (p.metadata.deletionGracePeriodSeconds ?? 0) * 1000;
  return Date.parse(p.metadata?.creationTimestamp ?? '') || 0;
}

/** The back-off after `failures` consecutive failures: base, doubling, at most max. */
export function backoffDelayMs(failures: number, baseMs: number, maxMs = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (failures <= 0) return 0;
  let d = baseMs;
  for (let i = 1; i < failures; i++) {
    d *= 2;
    if (d >= maxMs) return maxMs;
  }
  return d;
}

/** getRemainingTime: how long pod creation must still wait, 0 when it may go ahead. */
export function remainingBackoffMs(r: BackoffRecord, now: number, baseMs: number, maxMs = MAX_JOB_POD_FAILURE_BACKOFF_MS): number {
  if (r.failuresAfterLastSuccess === 0 || r.lastFailureTime === undefined) return 0;
  const delay = backoffDelayMs(r.failuresAfterLastSuccess, baseMs, maxMs);
  const elapsed = now - r.lastFailureTime;
  return delay < elapsed ? 0 : delay - elapsed;
}
