// backoffLimitPerIndex / maxFailedIndexes of Indexed Jobs, as pkg/controller/job/indexed_job_utils.go
// (calculateFailedIndexes, isIndexFailed, getPodsWithDelayedDeletionPerIndex, addIndexFailureCountAnnotation,
// getNewIndexFailureCounts, getIndexFailureCount) and backoff_utils.go (getRemainingTimePerIndex) in v1.33.
// An index counts its own failures in an annotation each replacement pod carries forward; it fails
// once a counted failure comes after backoffLimitPerIndex earlier ones (or a FailIndex rule matched).
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { finishedTime, remainingBackoffMs } from './backoff.js';
import { atoi, hasIndex, parseIndexes, sortedIndexes, totalIndexes, validIndex, withIndexes, type Interval, type Intervals } from './indexes.js';
import { matchPodFailurePolicy, type PodFailurePolicyMatch } from './pod-failure-policy.js';
import { hasTrackingFinalizer, isPodFailed } from './pods.js';

export const INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count';
export const INDEX_IGNORED_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-ignored-failure-count';

const MAX_INT32 = 2 ** 31 - 1;

/** JobBackoffLimitPerIndex is GA in v1.33: the field alone decides. */
export const hasBackoffLimitPerIndex = (job: Job) => job.spec?.backoffLimitPerIndex !== undefined;

/** An annotation's int32 count; missing, unparsable, negative or too large counts as 0, as upstream. */
function countAnnotation(pod: Pod, key: string): number {
  const v = pod.metadata?.annotations?.[key];
  if (v === undefined) return 0;
  const n = atoi(v);
  return n === undefined || n < 0 || n > MAX_INT32 ? 0 : n;
}

/** Failures of this pod's index before it that counted towards backoffLimitPerIndex. */
export const indexFailureCount = (pod: Pod): number => countAnnotation(pod, INDEX_FAILURE_COUNT_ANNOTATION);

/** Failures of this pod's index before it that an Ignore rule of podFailurePolicy did not count. */
export const indexIgnoredFailureCount = (pod: Pod): number => countAnnotation(pod, INDEX_IGNORED_FAILURE_COUNT_ANNOTATION);

/** Both counts: upstream's getIndexAbsoluteFailureCount, used to pick the newest failed pod of an index. */
export const indexAbsoluteFailureCount = (pod: Pod): number => indexFailureCount(pod) + indexIgnoredFailureCount(pod);

/**
 * The two annotations' values for the pod that replaces `replaced` in the same index
 * (getNewIndexFailureCounts): its failure adds to the ignored count when an Ignore rule matched it,
 * else to the failure count. A first pod of an index starts at 0, 0.
 */
export function nextIndexFailureCounts(job: Job, replaced: Pod | undefined,
  match: PodFailurePolicyMatch | undefined = replaced && matchPodFailurePolicy(job, replaced)): { failureCount: number; ignoredFailureCount: number } {
  if (!replaced) return { failureCount: 0, ignoredFailureCount: 0 };
  const failureCount = indexFailureCount(replaced);
  const ignoredFailureCount = indexIgnoredFailureCount(replaced);
  return match?.action === 'Ignore'
    ? { failureCount, ignoredFailureCount: ignoredFailureCount + 1 }
    : { failureCount: failureCount + 1, ignoredFailureCount };
}

/** addIndexFailureCountAnnotation: the failure count always, the ignored count only once there is one. */
export function indexFailureAnnotations(job: Job, replaced: Pod | undefined): Record<string, string> {
  const { failureCount, ignoredFailureCount } = nextIndexFailureCounts(job, replaced);
  return {
    [INDEX_FAILURE_COUNT_ANNOTATION]: String(failureCount),
    ...(ignoredFailureCount > 0 ? { [INDEX_IGNORED_FAILURE_COUNT_ANNOTATION]: String(ignoredFailureCount) } : {}),
  };
}

/**
 * Whether this failed pod makes its index failed: a FailIndex rule matched it, or it counts as a
 * failure (no Ignore rule matched) and its index had already failed backoffLimitPerIndex times before it.
 * `match` is the pod's podFailurePolicy match, when the caller has it already.
 */
export function isIndexFailed(job: Job, pod: Pod, match: PodFailurePolicyMatch | undefined = matchPodFailurePolicy(job, pod)): boolean {
  const limit = job.spec?.backoffLimitPerIndex;
  if (limit === undefined || !isPodFailed(pod, job)) return false;
  if (match?.action === 'FailIndex') return true;
  if (match?.action === 'Ignore') return false;
  return indexFailureCount(pod) >= limit;
}

/** More indexes failed than spec.maxFailedIndexes allows: the job fails with MaxFailedIndexesExceeded. */
export function failedIndexesExceeded(job: Job, failed: Intervals): boolean {
  const max = job.spec?.maxFailedIndexes;
  return max !== undefined && totalIndexes(failed) > max;
}

/** calculateFailedIndexes: status.failedIndexes plus the indexes of not yet counted pods that failed them. */
export function calculateFailedIndexes(job: Job, pods: readonly Pod[]): Interval[] {
  const completions = job.spec?.completions ?? 0;
  const prev = job.status?.failedIndexes === undefined ? [] : parseIndexes(job.status.failedIndexes, completions);
  const fresh = pods.filter((p) => validIndex(job, p) !== undefined && hasTrackingFinalizer(p) && isIndexFailed(job, p));
  return withIndexes(prev, sortedIndexes(fresh));
}

export interface IndexState {
  succeeded: Intervals;
  failed: Intervals;
  active: readonly Pod[];
  /** Pods whose finalizer removal is pending: already counted. */
  expectedRmFinalizers: ReadonlySet<string>;
}

/**
 * getPodsWithDelayedDeletionPerIndex: per index still to be retried (not succeeded, failed or running),
 * its latest failed pod not yet counted. That pod keeps its finalizer until the replacement exists, so
 * the replacement can carry the index's failure counts forward and the back-off can be timed from it.
 */
export function podsWithDelayedDeletion<P extends Pod>(job: Job, pods: readonly P[], s: IndexState): Map<number, P> {
  const active = new Set(sortedIndexes(s.active));
  const out = new Map<number, P>();
  for (const p of pods) {
    if (!hasTrackingFinalizer(p) || s.expectedRmFinalizers.has(p.metadata?.uid ?? '') || !isPodFailed(p, job)) continue;
    const ix = validIndex(job, p);
    if (ix === undefined || hasIndex(s.succeeded, ix) || hasIndex(s.failed, ix) || active.has(ix)) continue;
    const last = out.get(ix);
    if (!last || (indexAbsoluteFailureCount(last) <= indexAbsoluteFailureCount(p) && finishedTime(p) >= finishedTime(last))) out.set(ix, p);
  }
  return out;
}

/** getRemainingTimePerIndex: the index's own back-off, from its last failed pod (its failures so far plus that one). */
export function remainingIndexBackoffMs(lastFailed: Pod | undefined, now: number, baseMs: number): number {
  if (!lastFailed) return 0;
  return remainingBackoffMs({ failuresAfterLastSuccess: indexAbsoluteFailureCount(lastFailed) + 1, lastFailureTime: finishedTime(lastFailed) }, now, baseMs);
}

/**
 * getPodCreationInfoForIndependentIndexes: the indexes whose back-off is over; when none is, how long
 * until the first one is.
 */
export function indexesReadyNow(indexes: readonly number[], lastFailed: ReadonlyMap<number, Pod>, now: number, baseMs: number): { indexes: number[]; waitMs: number } {
  const ready: number[] = [];
  let wait: number | undefined;
  for (const ix of indexes) {
    const ms = remainingIndexBackoffMs(lastFailed.get(ix), now, baseMs);
    if (ms === 0) ready.push(ix);
    else if (wait === undefined || ms < wait) wait = ms;
  }
  return ready.length ? { indexes: ready, waitMs: 0 } : { indexes: [], waitMs: wait ?? 0 };
}
