// What the Job controller reads from its pods (job_controller.go isPodFailed, onlyReplaceFailedPods,
// pastBackoffLimitOnFailure, countReadyPods; controller_utils.go FilterActivePods,
// CountTerminatingPods, ActivePods) and the tracking finalizer it keeps on them until they are counted.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { isPodActive, isPodReady } from '../replicaset/pod-ranking.js';

export { isPodActive, isPodReady };

export type PodObject = KObject & Pod;

/** batch.JobTrackingFinalizer: a finished pod cannot vanish before the controller has counted it. */
export const TRACKING_FINALIZER = 'batch.kubernetes.io/job-tracking';

export const hasTrackingFinalizer = (p: Pod) => (p.metadata?.finalizers ?? []).includes(TRACKING_FINALIZER);

/** The patch removing the finalizer, or undefined when the pod has none (removeTrackingFinalizerPatch). */
export function removeFinalizerPatch(p: Pod): unknown {
  return hasTrackingFinalizer(p) ? { metadata: { '$deleteFromPrimitiveList/finalizers': [TRACKING_FINALIZER] } } : undefined;
}

/**
 * Replace only pods that reached Failed (podReplacementPolicy Failed, implied by a podFailurePolicy);
 * otherwise a terminating pod is replaced at once. JobPodReplacementPolicy is on in v1.33.
 */
export const onlyReplaceFailedPods = (job: Job) => job.spec?.podReplacementPolicy === 'Failed' || job.spec?.podFailurePolicy !== undefined;

/** isPodFailed: Failed, or (unless only failed pods are replaced) deleted before it succeeded. */
export function isPodFailed(p: Pod, job: Job): boolean {
  if (p.status?.phase === 'Failed') return true;
  if (onlyReplaceFailedPods(job)) return false;
  return !!p.metadata?.deletionTimestamp && p.status?.phase !== 'Succeeded';
}

/** CountTerminatingPods' test: being deleted and not yet in a terminal phase. */
export const isTerminating = (p: Pod) => !!p.metadata?.deletionTimestamp && p.status?.phase !== 'Failed' && p.status?.phase !== 'Succeeded';

/**
 * pastBackoffLimitOnFailure: with restartPolicy OnFailure a failing container restarts in place, so
 * the restarts of running and pending pods count against backoffLimit (any restart when it is 0).
 */
export function pastBackoffLimitOnFailure(job: Job, pods: readonly Pod[]): boolean {
  if (job.spec?.template?.spec?.restartPolicy !== 'OnFailure') return false;
  let restarts = 0;
  for (const p of pods) {
    if (p.status?.phase !== 'Running' && p.status?.phase !== 'Pending') continue;
    for (const c of [...(p.status?.initContainerStatuses ?? []), ...(p.status?.containerStatuses ?? [])]) restarts += c.restartCount ?? 0;
  }
  const limit = job.spec?.backoffLimit ?? 6;
  return limit === 0 ? restarts > 0 : restarts >= limit;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const time = (t: string | undefined) => (t ? Date.parse(t) : 0);
const readyTime = (p: Pod) => time(p.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime);
const maxRestarts = (p: Pod) => Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
/** afterOrZero: a zero time first, then the later one. */
const afterOrZero = (a: number, b: number) => (a === 0 || b === 0 ? a === 0 : a > b);

/**
 * controller.ActivePods' order, most expendable first: unscheduled, then Pending < Unknown < Running,
 * not ready, ready for less time, more restarts, newer.
 */
export function expendableFirst(a: Pod, b: Pod): number {
  const less = (x: Pod, y: Pod): boolean => {
    const nx = x.spec?.nodeName ?? '', ny = y.spec?.nodeName ?? '';
    if (nx !== ny && (!nx || !ny)) return !nx;
    const ox = PHASE_ORDINAL[x.status?.phase ?? ''] ?? 0, oy = PHASE_ORDINAL[y.status?.phase ?? ''] ?? 0;
    if (ox !== oy) return ox < oy;
    if (isPodReady(x) !== isPodReady(y)) return !isPodReady(x);
    if (isPodReady(x) && readyTime(x) !== readyTime(y)) return afterOrZero(readyTime(x), readyTime(y));
    if (maxRestarts(x) !== maxRestarts(y)) return maxRestarts(x) > maxRestarts(y);
    const cx = time(x.metadata?.creationTimestamp), cy = time(y.metadata?.creationTimestamp);
    return cx !== cy && afterOrZero(cx, cy);
  };
  return less(a, b) ? -1 : less(b, a) ? 1 : 0;
}
