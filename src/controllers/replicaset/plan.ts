// The decision of one sync, as replica_set.go manageReplicas makes it: from the pods a ReplicaSet (or
// RC) has claimed, how many to create and which to delete. Pure: objects and `now` in, a plan out.
import type { Pod, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KObject } from '../../api/object.js';
import type { Replicas } from './conversion.js';
import { podsToDelete } from './pod-ranking.js';

export const BURST_REPLICAS = 500; // as upstream BurstReplicas: bounds the pods one sync creates or deletes
export const SLOW_START_INITIAL_BATCH_SIZE = 1; // as upstream SlowStartInitialBatchSize

export interface ReplicaPlan<P extends Pod> {
  create: number;
  /** Most expendable first. */
  remove: P[];
}

/**
 * `canChange` is false while earlier creations or deletions are still unobserved (expectations), and
 * a ReplicaSet being deleted changes nothing: the garbage collector handles its pods.
 */
export function planReplicas<P extends Pod>(rs: Replicas, active: readonly P[], related: readonly Pod[], canChange: boolean, now: number): ReplicaPlan<P> {
  if (!canChange || rs.deleting) return { create: 0, remove: [] };
  const diff = active.length - rs.replicas;
  if (diff < 0) return { create: Math.min(-diff, BURST_REPLICAS), remove: [] };
  if (diff > 0) return { create: 0, remove: podsToDelete(active, related, Math.min(diff, BURST_REPLICAS), now) };
  return { create: 0, remove: [] };
}

/**
 * slowStartBatch's sizes: 1, 2, 4, ... up to what remains, so a create that fails (a quota, a
 * webhook) fails once, not `count` times.
 */
export function slowStartBatches(count: number, initial = SLOW_START_INITIAL_BATCH_SIZE): number[] {
  const out: number[] = [];
  let remaining = count;
  for (let size = Math.min(remaining, initial); size > 0; size = Math.min(2 * size, remaining)) {
    out.push(size);
    remaining -= size;
  }
  return out;
}

/**
 * controller_utils.go GetPodFromTemplate: the template's labels, annotations, finalizers and spec,
 * `<owner>-` as generateName, and the controller reference.
 */
export function podFromTemplate(template: PodTemplateSpec, namespace: string, ownerName: string, ref: OwnerReference): KObject & Pod {
  const meta = template.metadata ?? {};
  const pod: KObject & Pod = {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      generateName: `${ownerName}-`,
      namespace,
      ...(meta.labels ? { labels: { ...meta.labels } } : {}),
      ...(meta.annotations ? { annotations: { ...meta.annotations } } : {}),
      ...(meta.finalizers ? { finalizers: [...meta.finalizers] } : {}),
      ownerReferences: [ref],
    },
    spec: structuredClone(template.spec ?? { containers: [] }),
  };
  return pod;
}
