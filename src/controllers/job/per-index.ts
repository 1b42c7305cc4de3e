// backoffLimitPerIndex / maxFailedIndexes helpers and the "1,3-5" index lists of Indexed Jobs, as
// pkg/controller/job/indexed_job_utils.go (parseIndexesFromString, orderedIntervals.String,
// isIndexFailed, getIndexFailureCount, getNewIndexFailureCounts) and job_controller.go (isPodFailed).
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { matchPodFailurePolicy, type PodFailurePolicyMatch } from './pod-failure-policy.js';

export const INDEX_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-failure-count';
export const INDEX_IGNORED_FAILURE_COUNT_ANNOTATION = 'batch.kubernetes.io/job-index-ignored-failure-count';

// Reasons and messages of the Job's FailureTarget/Failed conditions (k8s.io/api/batch/v1 types.go,
// job_controller.go syncJob).
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const REASON_MAX_FAILED_INDEXES_EXCEEDED = 'MaxFailedIndexesExceeded';
export const MESSAGE_MAX_FAILED_INDEXES_EXCEEDED = 'Job has exceeded the specified maximal number of failed indexes';
export const REASON_FAILED_INDEXES = 'FailedIndexes';
export const MESSAGE_FAILED_INDEXES = 'Job has failed indexes';

const MAX_INT32 = 2 ** 31 - 1;

const MAX_INT64 = 2n ** 63n - 1n;

/** Go's strconv.Atoi: optional sign, decimal digits only, within int64. */
function atoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > MAX_INT64 || n < -MAX_INT64 - 1n ? undefined : Number(n);
}

/**
 * The indexes below `completions` named by a "1,3-5" list (status.completedIndexes, status.failedIndexes,
 * successPolicy succeededIndexes), sorted and without repeats. As upstream, a part that is not a number
 * or range is skipped, a range reaching past the end is cut at completions-1, and the first part that
 * starts at or past completions ends the list.
 */
export function parseIndexesFromString(s: string | undefined, completions: number): number[] {
  if (!s) return [];
  const out = new Set<number>();
  for (const part of s.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0]);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const l = atoi(limits[1]);
      if (l === undefined) continue;
      last = Math.min(l, completions - 1);
    }
    for (let i = first; i <= last; i++) out.add(i);
  }
  return [...out].sort((a, b) => a - b);
}

export interface IndexInterval { first: number; last: number }

/** Runs of consecutive indexes, in order (upstream's orderedIntervals). */
export function toIntervals(indexes: Iterable<number>): IndexInterval[] {
  const sorted = [...new Set(indexes)].sort((a, b) => a - b);
  const out: IndexInterval[] = [];
  for (const ix of sorted) {
    const prev = out[out.length - 1];
    if (prev && prev.last === ix - 1) prev.last = ix;
    else out.push({ first: ix, last: ix });
  }
  return out;
}

/** "1,3-5" as the controller writes completedIndexes/failedIndexes; a run of two is written "1,2". */
export function formatIndexes(indexes: Iterable<number>): string {
  return toIntervals(indexes)
    .map(({ first, last }) => (last === first ? `${first}` : `${first}${last === first + 1 ? ',' : '-'}${last}`))
    .join(',');
}

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

/**
 * Whether the pod counts as failed (job_controller.go isPodFailed): phase Failed, or, unless only failed
 * pods are replaced (podReplacementPolicy Failed or a podFailurePolicy), being deleted before succeeding,
 * so that orphans that never reach Failed are counted.
 */
export function isPodFailed(pod: Pod, job: Job): boolean {
  if (pod.status?.phase === 'Failed') return true;
  if (job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy) return false;
  return pod.metadata?.deletionTimestamp !== undefined && pod.status?.phase !== 'Succeeded';
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
export function failedIndexesExceeded(job: Job, failedIndexes: number[]): boolean {
  const max = job.spec?.maxFailedIndexes;
  return max !== undefined && new Set(failedIndexes).size > max;
}
