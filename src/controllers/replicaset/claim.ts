// Which pods a ReplicaSet owns, as pkg/controller/controller_ref_manager.go (ClaimPods, ClaimObject):
// a pod it controls whose labels still match stays; one whose labels stopped matching is released
// (unless the owner is being deleted); an orphan that matches is adopted (unless the owner or the
// pod is being deleted); pods controlled by anyone else are never touched.
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { controllerRef } from '../../api/meta/owners.js';
import { matches, type Selector } from '../../api/meta/label-selector.js';

export interface Claims<P extends Pod> {
  /** Already ours and still matching. */
  owned: P[];
  /** Orphans to adopt: ours once the patch succeeds. */
  adopt: P[];
  /** Ours, no longer matching: to release. */
  release: P[];
}

export interface ClaimOwner { uid: string; namespace: string; deleting: boolean }

export function claimPods<P extends Pod>(owner: ClaimOwner, selector: Selector, pods: readonly P[]): Claims<P> {
  const out: Claims<P> = { owned: [], adopt: [], release: [] };
  for (const pod of pods) {
    const ref = controllerRef(pod);
    const match = matches(selector, pod.metadata?.labels);
    if (ref) {
      if (ref.uid !== owner.uid) continue;
      if (match) out.owned.push(pod);
      else if (!owner.deleting) out.release.push(pod);
      continue;
    }
    if (owner.deleting || !match || pod.metadata?.deletionTimestamp) continue;
    if ((pod.metadata?.namespace ?? 'default') !== owner.namespace) continue;
    out.adopt.push(pod);
  }
  return out;
}

/** The strategic merge patch that adopts a pod (controller_ref_manager.go AdoptPod): the uid guards against a recreated pod. */
export function adoptPatch(pod: Pod, ref: OwnerReference): unknown {
  return { metadata: { ownerReferences: [ref], uid: pod.metadata?.uid } };
}

/** The strategic merge patch that releases a pod (ReleasePod → GenerateDeleteOwnerRefStrategicMergeBytes). */
export function releasePatch(pod: Pod, ownerUid: string): unknown {
  return { metadata: { ownerReferences: [{ $patch: 'delete', uid: ownerUid }], uid: pod.metadata?.uid } };
}
