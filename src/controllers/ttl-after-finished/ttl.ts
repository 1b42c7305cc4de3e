// When a finished Job's ttlSecondsAfterFinished runs out, as needsCleanup, jobFinishTime and timeLeft in
// pkg/controller/ttlafterfinished/ttlafterfinished_controller.go (v1.33). The finish time is the
// lastTransitionTime of the Complete or Failed condition (not status.completionTime, which Failed Jobs lack).
import type { Job } from 'kubernetes-types/batch/v1.js';

/** A Job with a TTL that has finished (Complete or Failed True). */
export function needsCleanup(job: Job): boolean {
  const ttl = job.spec?.ttlSecondsAfterFinished;
  return ttl !== undefined && ttl !== null && finishedCondition(job) !== undefined;
}

function finishedCondition(job: Job) {
  return (job.status?.conditions ?? []).find((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');
}

/** The instant the Job finished; throws (so the queue retries with back-off) when the condition has no time. */
export function jobFinishTime(job: Job): number {
  const c = finishedCondition(job);
  const ns = job.metadata?.namespace, name = job.metadata?.name;
  if (!c) throw new Error(`unable to find the status of the finished Job ${ns}/${name}`);
  const t = c.lastTransitionTime ? Date.parse(c.lastTransitionTime) : NaN;
  if (Number.isNaN(t)) throw new Error(`unable to find the time when the Job ${ns}/${name} finished`);
  return t;
}

export interface TimeLeft {
  finishAt: number;
  expireAt: number;
  /** Milliseconds until expiry; zero or less: delete now. */
  remainingMs: number;
}

/** timeLeft; undefined for Jobs being deleted or not needing clean-up (processTTL's early return). */
export function ttlTimeLeft(job: Job, now: number): TimeLeft | undefined {
  if (job.metadata?.deletionTimestamp || !needsCleanup(job)) return undefined;
  const finishAt = jobFinishTime(job);
  const expireAt = finishAt + job.spec!.ttlSecondsAfterFinished! * 1000;
  return { finishAt, expireAt, remainingMs: expireAt - now };
}
