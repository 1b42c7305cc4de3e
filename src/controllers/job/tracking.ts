// Counting finished pods exactly once, as job_controller.go trackJobStatusAndRemoveFinalizers: a
// finished pod first goes into status.uncountedTerminatedPods (written), then loses its tracking
// finalizer, and only then moves from the uncounted list into succeeded/failed. A crash between the
// steps leaves either the finalizer (the pod is found again) or the uid in the list (it is counted
// from there), never both lost nor counted twice. The terminal Complete/Failed condition waits until
// nothing is uncounted and no pod is terminating. Pure: the controller does the writes in between.
import type { JobCondition, JobStatus } from 'kubernetes-types/batch/v1.js';
import { ensureCondition, findCondition, newCondition } from './conditions.js';
import { completionIndex, formatIndexes, hasIndex, isIndexedJob, totalIndexes, UNKNOWN_INDEX, validIndex, withIndexes } from './indexes.js';
import { failedPodVerdict } from './policies.js';
import { hasTrackingFinalizer, isPodFailed, type PodObject } from './pods.js';
import type { SyncState } from './plan.js';

/** As upstream MaxUncountedPods: keeps the uid lists (and one sync's finalizer patches) bounded. */
export const MAX_UNCOUNTED_PODS = 500;

export interface TrackingPlan {
  /** Pods whose finalizer to remove, after the status (with their uids) is written. */
  removeFinalizer: PodObject[];
  /** Uids of pods still holding the finalizer (shrinks as removals succeed). */
  withFinalizer: Set<string>;
  /** The terminal condition to set once allowed (Failed / Complete), if the Job is finishing. */
  terminal?: JobCondition;
  reachedMax: boolean;
  needsFlush: boolean;
}

/**
 * canRemoveFinalizer: the Job is ending or deleted, the pod succeeded, or it counts as failed, except
 * that with backoffLimitPerIndex an index's last failed pod keeps it until its replacement exists
 * (the replacement's failure-count annotation is read from it).
 */
function canRemoveFinalizer(st: SyncState, p: PodObject, failed: boolean): boolean {
  if (st.job.metadata?.deletionTimestamp || st.finished || p.status?.phase === 'Succeeded') return true;
  if (!failed) return false;
  const ix = completionIndex(p);
  return !(ix !== UNKNOWN_INDEX && st.lastFailedPerIndex?.get(ix)?.metadata.uid === p.metadata.uid);
}

/** Updates st.job.status in place (uncounted uids, completedIndexes, interim conditions) and says what to write. */
export function planTracking(st: SyncState, needsFlush: boolean, now: number): TrackingPlan {
  const job = st.job;
  const status = job.status;
  const indexed = isIndexedJob(job);
  const pods = indexed ? [...st.pods].sort((a, b) => completionIndex(a) - completionIndex(b)) : st.pods;
  const withFinalizer = new Set(pods.filter((p) => hasTrackingFinalizer(p) && !st.expectedRmFinalizers.has(p.metadata.uid ?? '')).map((p) => p.metadata.uid ?? ''));
  if (cleanUncounted(status, withFinalizer)) needsFlush = true;
  const uncounted = status.uncountedTerminatedPods!;
  const succeededUids = [...(uncounted.succeeded ?? [])];
  const failedUids = [...(uncounted.failed ?? [])];
  const newIndexes: number[] = [];
  const removeFinalizer: PodObject[] = [];
  let reachedMax = false;
  const failureEnds = st.finished !== undefined && st.finished.type !== 'SuccessCriteriaMet';
  for (const p of pods) {
    const uid = p.metadata.uid ?? '';
    if (!hasTrackingFinalizer(p) || st.expectedRmFinalizers.has(uid)) continue; // counted in an earlier sync
    const failed = isPodFailed(p, job);
    if (!canRemoveFinalizer(st, p, failed)) continue;
    removeFinalizer.push(p);
    if (p.status?.phase === 'Succeeded' && !st.uncounted.failed.has(uid)) {
      if (indexed) {
        // The index alone prevents counting twice; no uid needed.
        const ix = validIndex(job, p);
        if (ix !== undefined && !hasIndex(st.prevSucceededIndexes, ix)) { newIndexes.push(ix); needsFlush = true; }
      } else if (!st.uncounted.succeeded.has(uid)) {
        succeededUids.push(uid);
        needsFlush = true;
      }
    } else if (failed || failureEnds) {
      // When the Job fails, every pod not yet finished counts as failed.
      if (!st.uncounted.failed.has(uid) && (!indexed || validIndex(job, p) !== undefined) && failedPodVerdict(job, p).countFailed) {
        failedUids.push(uid);
        needsFlush = true;
      }
    }
    if (newIndexes.length + succeededUids.length + failedUids.length >= MAX_UNCOUNTED_PODS) { reachedMax = true; break; }
  }
  status.uncountedTerminatedPods = { ...(succeededUids.length ? { succeeded: succeededUids } : {}), ...(failedUids.length ? { failed: failedUids } : {}) };
  if (indexed) {
    st.succeededIndexes = withIndexes(st.succeededIndexes, [...newIndexes].sort((a, b) => a - b));
    const s = formatIndexes(st.succeededIndexes);
    if (s !== (status.completedIndexes ?? '')) needsFlush = true;
    status.succeeded = totalIndexes(st.succeededIndexes);
    status.completedIndexes = s;
    const failedStr = st.failedIndexes ? formatIndexes(st.failedIndexes) : undefined;
    if (failedStr !== status.failedIndexes) { status.failedIndexes = failedStr; needsFlush = true; }
  }
  let terminal: JobCondition | undefined;
  const fin = st.finished;
  if (fin?.type === 'FailureTarget') {
    // Written first, so the reason survives until the finalizers are gone; Failed follows.
    status.conditions = [...(status.conditions ?? []), fin];
    needsFlush = true;
    terminal = newCondition('Failed', 'True', fin.reason ?? '', fin.message ?? '', now);
  } else if (fin?.type === 'SuccessCriteriaMet') {
    if (findCondition(status.conditions, 'SuccessCriteriaMet')?.status !== 'True') {
      status.conditions = [...(status.conditions ?? []), fin];
      needsFlush = true;
    }
    terminal = newCondition('Complete', 'True', fin.reason ?? '', fin.message ?? '', now);
  } else terminal = fin;
  return { removeFinalizer, withFinalizer, terminal, reachedMax, needsFlush };
}

/**
 * cleanUncountedPodsWithoutFinalizers: uids whose pod no longer holds the finalizer move from the
 * uncounted lists into succeeded/failed. Returns whether anything moved.
 */
export function cleanUncounted(status: JobStatus, withFinalizer: ReadonlySet<string>): boolean {
  const u = status.uncountedTerminatedPods ?? {};
  let changed = false;
  const keepS = (u.succeeded ?? []).filter((x) => withFinalizer.has(x));
  const keepF = (u.failed ?? []).filter((x) => withFinalizer.has(x));
  if (keepS.length !== (u.succeeded ?? []).length) { status.succeeded = (status.succeeded ?? 0) + (u.succeeded ?? []).length - keepS.length; changed = true; }
  if (keepF.length !== (u.failed ?? []).length) { status.failed = (status.failed ?? 0) + (u.failed ?? []).length - keepF.length; changed = true; }
  status.uncountedTerminatedPods = { ...(keepS.length ? { succeeded: keepS } : {}), ...(keepF.length ? { failed: keepF } : {}) };
  return changed;
}

/**
 * enactJobFinished: sets the terminal condition (and completionTime for Complete) once no pod is
 * uncounted and none is terminating. Returns whether it did.
 */
export function enactFinished(status: JobStatus, terminal: JobCondition | undefined, terminating: number, now: number): boolean {
  if (!terminal) return false;
  const u = status.uncountedTerminatedPods ?? {};
  if ((u.succeeded?.length ?? 0) + (u.failed?.length ?? 0) > 0) return false;
  if (terminating > 0) return false;
  const type = terminal.type as 'Complete' | 'Failed';
  [status.conditions] = ensureCondition(status.conditions, type, 'True', terminal.reason ?? '', terminal.message ?? '', now);
  if (type === 'Complete') status.completionTime = terminal.lastTransitionTime;
  return true;
}

/**
 * The status as the Go struct serialises it: zero counters and empty strings omitted (omitempty),
 * ready and terminating always present (pointers the controller sets), uncountedTerminatedPods `{}`.
 */
export function statusForWrite(s: JobStatus): JobStatus {
  const out: JobStatus = {};
  if (s.conditions?.length) out.conditions = s.conditions;
  if (s.startTime) out.startTime = s.startTime;
  if (s.completionTime) out.completionTime = s.completionTime;
  if (s.active) out.active = s.active;
  if (s.succeeded) out.succeeded = s.succeeded;
  if (s.failed) out.failed = s.failed;
  if (s.terminating !== undefined) out.terminating = s.terminating;
  if (s.completedIndexes) out.completedIndexes = s.completedIndexes;
  if (s.failedIndexes !== undefined) out.failedIndexes = s.failedIndexes;
  out.uncountedTerminatedPods = s.uncountedTerminatedPods ?? {};
  if (s.ready !== undefined) out.ready = s.ready;
  return out;
}
