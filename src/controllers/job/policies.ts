// The door through which the sync reaches the Job policies (podFailurePolicy, successPolicy,
// backoffLimitPerIndex / maxFailedIndexes): plan.ts and tracking.ts ask these functions, never the
// spec fields. The matching itself lives in pod-failure-policy.ts, success-policy.ts and per-index.ts;
// how syncJob uses each result follows job_controller.go (nonIgnoredFailedPodsCount, getFailJobMessage,
// trackJobStatusAndRemoveFinalizers) and the backoffLimitPerIndex block of syncJob.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { FAILED_INDEXES, MAX_FAILED_INDEXES_EXCEEDED } from './conditions.js';
import { totalIndexes, type Interval, type Intervals } from './indexes.js';
import { calculateFailedIndexes, failedIndexesExceeded, hasBackoffLimitPerIndex, podsWithDelayedDeletion } from './per-index.js';
import { matchPodFailurePolicy } from './pod-failure-policy.js';
import { matchSuccessPolicy } from './success-policy.js';

export interface FailedPodVerdict {
  /** Counts towards status.failed and backoffLimit (false for an Ignore rule). */
  countFailed: boolean;
  /** A FailJob rule matched: the Job fails with reason PodFailurePolicy and this message. */
  failJob?: string;
}

const COUNTED: FailedPodVerdict = Object.freeze({ countFailed: true });
const IGNORED: FailedPodVerdict = Object.freeze({ countFailed: false });

/**
 * How a failed pod is classified (matchPodFailurePolicy's message and countFailed): only an Ignore rule
 * keeps it out of status.failed; FailJob also names the Job's failure; Count, FailIndex or no match count.
 */
export function failedPodVerdict(job: Job, pod: Pod): FailedPodVerdict {
  const m = matchPodFailurePolicy(job, pod);
  if (m?.action === 'Ignore') return IGNORED;
  if (m?.action === 'FailJob') return { countFailed: true, failJob: m.message ?? '' };
  return COUNTED;
}

/** The SuccessCriteriaMet message when the Job's successPolicy is met, else undefined (Indexed Jobs only). */
export function successPolicyMessage(job: Job, succeeded: Intervals): string | undefined {
  return matchSuccessPolicy(job, succeeded);
}

export interface PerIndexFailures<P extends Pod = Pod> {
  /** status.failedIndexes: the recorded ones and those failed since. */
  failedIndexes: Interval[];
  /** The Job-level outcome of those failures, if the Job must fail. */
  failure?: { reason: string; message: string };
  /** Per index awaiting a replacement, its last failed pod: it keeps its finalizer until the replacement exists. */
  lastFailed: Map<number, P>;
}

/**
 * backoffLimitPerIndex (undefined when the Job does not use it): the failed indexes; the Job fails with
 * MaxFailedIndexesExceeded past maxFailedIndexes, or with FailedIndexes once every index has either
 * succeeded or failed and at least one failed.
 */
export function perIndexFailures<P extends Pod>(job: Job, pods: readonly P[], active: readonly P[], succeeded: Intervals,
  expectedRmFinalizers: ReadonlySet<string>): PerIndexFailures<P> | undefined {
  if (!hasBackoffLimitPerIndex(job)) return undefined;
  const failedIndexes = calculateFailedIndexes(job, pods);
  const failed = totalIndexes(failedIndexes);
  let failure: PerIndexFailures['failure'];
  if (failedIndexesExceeded(job, failedIndexes)) failure = MAX_FAILED_INDEXES_EXCEEDED;
  else if (failed > 0 && failed + totalIndexes(succeeded) >= (job.spec?.completions ?? 0)) failure = FAILED_INDEXES;
  const lastFailed = podsWithDelayedDeletion(job, pods, { succeeded, failed: failedIndexes, active, expectedRmFinalizers });
  return { failedIndexes, failure, lastFailed };
}
