// One engine serves ReplicaSets and ReplicationControllers. As upstream's pkg/controller/replication
// (conversion.go) does, an RC is read as if it were an older API version of ReplicaSet: its equality
// selector becomes matchLabels, and everything else (replicas, minReadySeconds, template, status) has
// the same shape. Writes and events still go to the original object, under the kind's own names.
import type { ReplicaSet, ReplicaSetCondition, ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import type { KObject } from '../../api/object.js';

/** What differs between the two controllers (replica_set.go NewReplicaSetController / replication_controller.go). */
export interface ReplicaKind {
  group: string;
  kind: 'ReplicaSet' | 'ReplicationController';
  apiVersion: string;
  /** The event source component: upstream's recorder names. */
  component: string;
}

export const REPLICA_SET: ReplicaKind = { group: 'apps', kind: 'ReplicaSet', apiVersion: 'apps/v1', component: 'replicaset-controller' };
export const REPLICATION_CONTROLLER: ReplicaKind = { group: '', kind: 'ReplicationController', apiVersion: 'v1', component: 'replication-controller' };

/** The engine's view of either kind: a ReplicaSet with the original object kept for writes and events. */
export interface Replicas {
  namespace: string;
  name: string;
  uid: string;
  generation: number;
  deleting: boolean;
  replicas: number;
  minReadySeconds: number;
  selector: LabelSelector | undefined;
  template: PodTemplateSpec;
  status: ReplicaSetStatus;
  original: KObject;
}

interface RCSpecLike {
  replicas?: number;
  minReadySeconds?: number;
  selector?: Record<string, string>;
  template?: PodTemplateSpec;
}

/** Reads an RS or an RC (conversion.go convertRCtoRS: the map selector becomes `matchLabels`). */
export function asReplicas(obj: KObject, kind: ReplicaKind): Replicas {
  const meta = obj.metadata;
  let spec: Omit<RCSpecLike, 'selector'>;
  let selector: LabelSelector | undefined;
  if (kind.kind === 'ReplicationController') {
    const rcSpec = (obj.spec ?? {}) as RCSpecLike;
    spec = rcSpec;
    selector = { matchLabels: { ...(rcSpec.selector ?? {}) } };
  } else {
    const rsSpec = (obj as unknown as ReplicaSet).spec;
    spec = rsSpec ?? {};
    selector = rsSpec?.selector;
  }
  return {
    namespace: meta.namespace ?? 'default',
    name: meta.name ?? '',
    uid: meta.uid ?? '',
    generation: meta.generation ?? 0,
    deleting: !!meta.deletionTimestamp,
    replicas: spec.replicas ?? 1,
    minReadySeconds: spec.minReadySeconds ?? 0,
    selector,
    template: spec.template ?? {},
    status: (obj.status ?? { replicas: 0 }) as ReplicaSetStatus,
    original: obj,
  };
}

/** The original object with a new status; both kinds' statuses have the same fields and condition shape. */
export function withStatus(rs: Replicas, status: ReplicaSetStatus): KObject {
  const out: KObject = { ...rs.original, metadata: { ...rs.original.metadata }, status: { ...status } };
  const s = out.status as { conditions?: ReplicaSetCondition[] };
  if (!s.conditions?.length) delete s.conditions;
  return out;
}
