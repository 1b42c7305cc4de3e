// The decisions of one Job sync, as job_controller.go syncJob and manageJob make them, without I/O:
// assessJob reads the pods (what is active, ready, terminating, newly finished, counted) and decides
// whether the Job has failed or met its success criteria; planManage says which pods to delete or
// how many to create (or how long the failure back-off still holds creation); afterManage decides
// completion and the Suspended condition. The controller applies each step and feeds counts back.
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1.js';
import { rfc3339 } from '../../util/clock.js';
import { nextBackoffRecord, remainingBackoffMs, type BackoffRecord } from './backoff.js';
import {
  BACKOFF_LIMIT_EXCEEDED, DEADLINE_EXCEEDED, REASON_POD_FAILURE_POLICY, REASON_SUCCESS_POLICY,
  ensureCondition, failureTarget, findCondition, isSuspended, newCondition, successCriteriaMet,
} from './conditions.js';
import {
  duplicatedIndexPods, firstPendingIndexes, isIndexedJob, mergeIntervals, parseIndexes, sortedIndexes, totalIndexes, validIndex, withIndexes, type Interval,
} from './indexes.js';
import { indexesReadyNow, indexFailureAnnotations } from './per-index.js';
import { failedPodVerdict, perIndexFailures, successPolicyMessage } from './policies.js';
import {
  expendableFirst, hasTrackingFinalizer, isPodActive, isPodFailed, isPodReady, isTerminating, onlyReplaceFailedPods, pastBackoffLimitOnFailure, type PodObject,
} from './pods.js';

/** As upstream MaxPodCreateDeletePerSync: bounds one sync's burst of pod creations or deletions. */
export const MAX_POD_CREATE_DELETE_PER_SYNC = 500;

export interface SyncState {
  /** A private copy of the Job whose status the sync builds up. */
  job: Job & { status: JobStatus };
  pods: PodObject[];
  active: PodObject[];
  /** status.active as it will be written (active pods, less those deleted, plus those created). */
  activeCount: number;
  ready: number;
  terminating: number;
  /** status.uncountedTerminatedPods at the start of the sync. */
  uncounted: { succeeded: ReadonlySet<string>; failed: ReadonlySet<string> };
  /** Pods whose finalizer removal is requested but not yet seen: already counted. */
  expectedRmFinalizers: ReadonlySet<string>;
  succeeded: number;
  failed: number;
  backoff: BackoffRecord;
  /** The condition the Job reaches in this sync, if any (FailureTarget, SuccessCriteriaMet, or Failed from an earlier FailureTarget). */
  finished?: JobCondition;
  prevSucceededIndexes: Interval[];
  succeededIndexes: Interval[];
  /** backoffLimitPerIndex only: status.failedIndexes as it will be written. */
  failedIndexes?: Interval[];
  /** backoffLimitPerIndex only: per index awaiting a replacement, its last failed pod (podsWithDelayedDeletionPerIndex). */
  lastFailedPerIndex?: ReadonlyMap<number, PodObject>;
  /** Look again when activeDeadlineSeconds runs out. */
  deadlineInMs?: number;
}

export interface AssessInput {
  pods: readonly PodObject[];
  expectedRmFinalizers: ReadonlySet<string>;
  backoff: BackoffRecord;
  now: number;
}

const completionsOf = (job: Job) => job.spec?.completions ?? 0;

/**
 * getValidPodsWithFilter: pods not yet counted (they still carry the finalizer, are not in the
 * uncounted lists and no finalizer removal is pending) with, for Indexed Jobs, a valid index.
 */
function uncountedPods(job: Job, pods: readonly PodObject[], skip: ReadonlySet<string>, expected: ReadonlySet<string>, keep: (p: PodObject) => boolean): PodObject[] {
  return pods.filter((p) => {
    const uid = p.metadata.uid ?? '';
    if (!hasTrackingFinalizer(p) || skip.has(uid) || expected.has(uid)) return false;
    if (isIndexedJob(job) && validIndex(job, p) === undefined) return false;
    return keep(p);
  });
}

export function assessJob(cached: Job, input: AssessInput): SyncState {
  const { pods, now } = input;
  const job = structuredClone(cached) as SyncState['job'];
  job.status ??= {};
  job.status.uncountedTerminatedPods ??= {};
  const u = job.status.uncountedTerminatedPods;
  const uncounted = { succeeded: new Set(u.succeeded ?? []), failed: new Set(u.failed ?? []) };
  const active = pods.filter(isPodActive);
  const newSucceeded = uncountedPods(job, pods, uncounted.succeeded, input.expectedRmFinalizers, (p) => p.status?.phase === 'Succeeded');
  const newFailed = uncountedPods(job, pods, uncounted.failed, input.expectedRmFinalizers, (p) => isPodFailed(p, job));
  const counted = newFailed.filter((p) => failedPodVerdict(job, p).countFailed).length; // nonIgnoredFailedPodsCount
  const st: SyncState = {
    job, pods: [...pods], active, activeCount: active.length,
    ready: active.filter(isPodReady).length,
    terminating: pods.filter(isTerminating).length, // trackTerminatingPods: always in v1.33
    uncounted, expectedRmFinalizers: input.expectedRmFinalizers,
    succeeded: (job.status.succeeded ?? 0) + newSucceeded.length + uncounted.succeeded.size,
    failed: (job.status.failed ?? 0) + counted + uncounted.failed.size,
    backoff: nextBackoffRecord(input.backoff, newSucceeded, newFailed),
    prevSucceededIndexes: [], succeededIndexes: [],
  };
  // First start: startTime is set unless the Job is created suspended.
  if (!job.status.startTime && !isSuspended(job)) job.status.startTime = rfc3339(now);

  // Once SuccessCriteriaMet is set the outcome is settled; otherwise FailureTarget and the failure rules decide.
  st.finished = findCondition(job.status.conditions, 'SuccessCriteriaMet')?.status === 'True' ? findCondition(job.status.conditions, 'SuccessCriteriaMet') : undefined;
  if (!st.finished) {
    const target = findCondition(job.status.conditions, 'FailureTarget');
    if (target?.status === 'True') st.finished = newCondition('Failed', 'True', target.reason ?? '', target.message ?? '', now);
    else {
      const failJob = pods.filter((p) => isPodFailed(p, job)).map((p) => failedPodVerdict(job, p).failJob).find((m) => m !== undefined);
      if (failJob !== undefined) st.finished = newCondition('FailureTarget', 'True', REASON_POD_FAILURE_POLICY, failJob, now);
    }
  }
  if (!st.finished) {
    if (st.failed > (job.spec?.backoffLimit ?? 6) || pastBackoffLimitOnFailure(job, pods)) st.finished = failureTarget(BACKOFF_LIMIT_EXCEEDED, now);
    else if (pastActiveDeadline(job, now)) st.finished = failureTarget(DEADLINE_EXCEEDED, now);
    else if (job.spec?.activeDeadlineSeconds !== undefined && !isSuspended(job) && job.status.startTime) {
      st.deadlineInMs = job.spec.activeDeadlineSeconds * 1000 - (now - Date.parse(job.status.startTime));
    }
  }

  if (isIndexedJob(job)) {
    // calculateSucceededIndexes: the recorded ones plus succeeded pods not yet counted.
    st.prevSucceededIndexes = parseIndexes(job.status.completedIndexes, completionsOf(job));
    const fresh = pods.filter((p) => p.status?.phase === 'Succeeded' && hasTrackingFinalizer(p) && validIndex(job, p) !== undefined);
    st.succeededIndexes = withIndexes(st.prevSucceededIndexes, sortedIndexes(fresh));
    st.succeeded = totalIndexes(st.succeededIndexes);
    const perIndex = perIndexFailures(job, pods, active, st.succeededIndexes, input.expectedRmFinalizers);
    if (perIndex) {
      st.failedIndexes = perIndex.failedIndexes;
      st.lastFailedPerIndex = perIndex.lastFailed;
      if (!st.finished && perIndex.failure) st.finished = failureTarget(perIndex.failure, now);
    }
    if (!st.finished) {
      const msg = successPolicyMessage(job, st.succeededIndexes);
      if (msg !== undefined) st.finished = newCondition('SuccessCriteriaMet', 'True', REASON_SUCCESS_POLICY, msg, now);
    }
  }
  return st;
}

/** pastActiveDeadline: never while suspended (startTime restarts on resume). */
export function pastActiveDeadline(job: Job, now: number): boolean {
  const ads = job.spec?.activeDeadlineSeconds;
  if (ads === undefined || !job.status?.startTime || isSuspended(job)) return false;
  return now - Date.parse(job.status.startTime) >= ads * 1000;
}

export type ManagePlan =
  | { action: 'none' }
  /** Deleted with their finalizer removed first (deleteJobPods). */
  | { action: 'delete'; pods: PodObject[] }
  /** The failure back-off holds creation; status.active is written as 0, as upstream manageJob returns. */
  | { action: 'wait'; afterMs: number }
  /**
   * `indexes` holds one completion index per pod for Indexed Jobs, and is empty otherwise; with
   * backoffLimitPerIndex, `annotations` has each index's failure-count annotations.
   */
  | { action: 'create'; count: number; indexes: number[]; annotations?: Map<number, Record<string, string>> };

/** activePodsForRemoval: duplicated or invalid indexes first, then the most expendable. */
export function activePodsForRemoval(job: Job, pods: readonly PodObject[], atLeast: number): PodObject[] {
  let rm: PodObject[] = [], left: PodObject[] = [...pods];
  if (isIndexedJob(job)) ({ rm, left } = duplicatedIndexPods(pods, completionsOf(job), expendableFirst));
  if (rm.length < atLeast) rm = [...rm, ...left.sort(expendableFirst).slice(0, atLeast - rm.length)];
  return rm;
}

/** manageJob's decision. Deletion takes precedence: a sync never both creates and deletes. */
export function planManage(st: SyncState, now: number, backoffBaseMs: number): ManagePlan {
  const job = st.job;
  const active = st.active.length;
  if (isSuspended(job)) {
    const pods = activePodsForRemoval(job, st.active, active);
    return pods.length ? { action: 'delete', pods } : { action: 'none' };
  }
  const parallelism = job.spec?.parallelism ?? 1;
  let want: number;
  // Without completions, the first success ends the Job: what runs may finish, nothing new starts.
  if (job.spec?.completions === undefined) want = st.succeeded > 0 ? active : parallelism;
  else want = Math.max(0, Math.min(job.spec.completions - st.succeeded, parallelism));
  const remove = activePodsForRemoval(job, st.active, Math.max(0, active - want)).slice(0, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (remove.length) return { action: 'delete', pods: remove };
  const terminating = onlyReplaceFailedPods(job) ? st.terminating : 0;
  let diff = want - terminating - active;
  if (diff <= 0) return { action: 'none' };
  // With backoffLimitPerIndex each index backs off on its own (below), not the Job as a whole.
  const perIndex = st.lastFailedPerIndex;
  const wait = perIndex ? 0 : remainingBackoffMs(st.backoff, now, backoffBaseMs);
  if (wait > 0) return { action: 'wait', afterMs: wait };
  diff = Math.min(diff, MAX_POD_CREATE_DELETE_PER_SYNC);
  if (!isIndexedJob(job)) return { action: 'create', count: diff, indexes: [] };
  let taken = withIndexes(st.succeededIndexes, sortedIndexes(st.active));
  if (onlyReplaceFailedPods(job)) taken = withIndexes(taken, sortedIndexes(st.pods.filter(isTerminating)));
  if (st.failedIndexes) taken = mergeIntervals(taken, st.failedIndexes);
  let indexes = firstPendingIndexes(taken, diff, completionsOf(job));
  if (!perIndex) return indexes.length ? { action: 'create', count: indexes.length, indexes } : { action: 'none' };
  const ready = indexesReadyNow(indexes, perIndex, now, backoffBaseMs);
  if (ready.waitMs > 0) return { action: 'wait', afterMs: ready.waitMs };
  indexes = ready.indexes;
  if (!indexes.length) return { action: 'none' };
  const annotations = new Map(indexes.map((ix) => [ix, indexFailureAnnotations(job, perIndex.get(ix))]));
  return { action: 'create', count: indexes.length, indexes, annotations };
}

export interface AfterManage {
  finished?: JobCondition;
  conditions: JobCondition[];
  /** The Suspended condition changed: write status, and record this event. */
  event?: { reason: 'Suspended' | 'Resumed'; message: string };
  /** On resume startTime restarts, so activeDeadlineSeconds counts only time spent running. */
  startTime?: string;
}

/**
 * syncJob after manageJob: complete once enough pods succeeded and none is active; otherwise, only
 * when manageJob ran in this sync, keep the Suspended condition in line with spec.suspend.
 */
export function afterManage(st: SyncState, managed: boolean, now: number): AfterManage {
  const job = st.job;
  const conditions = job.status.conditions ?? [];
  const completions = job.spec?.completions;
  const complete = completions === undefined ? st.succeeded > 0 && st.activeCount === 0 : st.succeeded >= completions && st.activeCount === 0;
  if (complete) return { finished: successCriteriaMet(now), conditions };
  if (!managed) return { conditions };
  if (isSuspended(job)) {
    const [next, changed] = ensureCondition(conditions, 'Suspended', 'True', 'JobSuspended', 'Job suspended', now);
    return changed ? { conditions: next, event: { reason: 'Suspended', message: 'Job suspended' } } : { conditions };
  }
  const [next, changed] = ensureCondition(conditions, 'Suspended', 'False', 'JobResumed', 'Job resumed', now);
  return changed ? { conditions: next, event: { reason: 'Resumed', message: 'Job resumed' }, startTime: rfc3339(now) } : { conditions };
}
