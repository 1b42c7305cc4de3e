// ReplicaSet / ReplicationController status, as pkg/controller/replicaset/replica_set_utils.go
// (calculateStatus, updateReplicaSetStatus, SetCondition): counts over the active pods it owns, a
// ReplicaFailure condition while creating or deleting fails, written only when something changed.
import type { ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { matches, selectorFromSet } from '../../api/meta/label-selector.js';
import { rfc3339 } from '../../util/clock.js';
import type { Replicas } from './conversion.js';
import { isPodAvailable, isPodReady } from './pod-ranking.js';

export const REPLICA_FAILURE = 'ReplicaFailure';

/** A failed create or delete from this sync; its message becomes the condition's. */
export interface ManageError { message: string }

export function calculateStatus(rs: Replicas, pods: readonly Pod[], manageErr: ManageError | undefined, now: number): ReplicaSetStatus {
  const template = selectorFromSet(rs.template.metadata?.labels);
  let fullyLabeled = 0, ready = 0, available = 0;
  for (const p of pods) {
    if (matches(template, p.metadata?.labels)) fullyLabeled++;
    if (isPodReady(p)) {
      ready++;
      if (isPodAvailable(p, rs.minReadySeconds, now)) available++;
    }
  }
  let conditions: ReplicaSetCondition[] = [...(rs.status.conditions ?? [])];
  const failure = conditions.find((c) => c.type === REPLICA_FAILURE);
  if (manageErr && !failure) {
    const diff = pods.length - rs.replicas;
    const reason = diff < 0 ? 'FailedCreate' : diff > 0 ? 'FailedDelete' : '';
    conditions.push({ type: REPLICA_FAILURE, status: 'True', lastTransitionTime: rfc3339(now), reason, message: manageErr.message });
  } else if (!manageErr && failure) {
    conditions = conditions.filter((c) => c.type !== REPLICA_FAILURE);
  }
  const out: ReplicaSetStatus = { ...rs.status, replicas: pods.length, fullyLabeledReplicas: fullyLabeled, readyReplicas: ready, availableReplicas: available };
  if (conditions.length) out.conditions = conditions; else delete out.conditions;
  return out;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** The status to write, or undefined in the steady state (counts, conditions and observedGeneration unchanged). */
export function statusToWrite(rs: Replicas, next: ReplicaSetStatus): ReplicaSetStatus | undefined {
  const cur = rs.status;
  const unchanged = (cur.replicas ?? 0) === next.replicas
    && (cur.fullyLabeledReplicas ?? 0) === (next.fullyLabeledReplicas ?? 0)
    && (cur.readyReplicas ?? 0) === (next.readyReplicas ?? 0)
    && (cur.availableReplicas ?? 0) === (next.availableReplicas ?? 0)
    && rs.generation === (cur.observedGeneration ?? 0)
    && same(cur.conditions, next.conditions);
  if (unchanged) return undefined;
  // Omitempty fields stay absent at zero, as the Go structs serialise.
  const out: ReplicaSetStatus = { replicas: next.replicas };
  if (next.fullyLabeledReplicas) out.fullyLabeledReplicas = next.fullyLabeledReplicas;
  if (next.readyReplicas) out.readyReplicas = next.readyReplicas;
  if (next.availableReplicas) out.availableReplicas = next.availableReplicas;
  if (rs.generation) out.observedGeneration = rs.generation;
  if (next.conditions?.length) out.conditions = next.conditions;
  return out;
}

/**
 * syncReplicaSet's last line of defence against clock skew: all ready but not all available yet means
 * looking again after minReadySeconds.
 */
export function requeueAfterMs(rs: Replicas, status: ReplicaSetStatus, manageErr: ManageError | undefined): number | undefined {
  if (manageErr || rs.minReadySeconds <= 0) return undefined;
  if ((status.readyReplicas ?? 0) === rs.replicas && (status.availableReplicas ?? 0) !== rs.replicas) return rs.minReadySeconds * 1000;
  return undefined;
}
