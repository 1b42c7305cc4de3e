// Which pod updates make the kubelet sync a pod (pkg/kubelet/config/config.go checkAndUpdatePod):
// a change to what it runs (spec, labels, annotations, deletion) is an update and syncs; a change to
// the status alone is a reconcile, which does not. Here a status is left alone only when it is the
// one this kubelet wrote last, i.e. its own write coming back through the watch: anyone else's status
// change (the node controller marking the pod not ready, say) still syncs, so the kubelet restores
// what it knows (upstream's NeedToReconcilePodReadiness does that for the Ready condition).
import { isDeepStrictEqual } from 'node:util';
import type { Pod } from 'kubernetes-types/core/v1.js';

/** Whether the update from prev to next needs a sync, given the status this kubelet last wrote. */
export function needsSync(prev: Pod, next: Pod, lastWritten: Pod['status'] | undefined): boolean {
  const a = prev.metadata ?? {};
  const b = next.metadata ?? {};
  const same = isDeepStrictEqual(prev.spec, next.spec)
    && isDeepStrictEqual(a.labels, b.labels)
    && isDeepStrictEqual(a.annotations, b.annotations)
    && a.deletionTimestamp === b.deletionTimestamp
    && a.deletionGracePeriodSeconds === b.deletionGracePeriodSeconds;
  return !same || lastWritten === undefined || !isDeepStrictEqual(next.status, lastWritten);
}
