// apps/v1 ReplicaSet defaulting (pkg/apis/apps/v1/defaults.go SetDefaults_ReplicaSet; unlike a
// ReplicationController, no labels are copied from the template) and strategy
// (pkg/registry/apps/replicaset/strategy.go).
import type { ReplicaSet, ReplicaSetSpec } from 'kubernetes-types/apps/v1.js';
import type { Mutable } from '../../object.js';
import { defaultPodTemplateSpec } from '../../validation/pod-defaults.js';

export function defaultReplicaSet(rs: ReplicaSet): void {
  const spec = (rs.spec ??= {} as ReplicaSetSpec);
  spec.replicas ??= 1;
  spec.template ??= {};
  defaultPodTemplateSpec(spec.template);
}

/** A cleared status still shows `replicas: 0`: the field has no omitempty. */
export function prepareReplicaSetForCreate(rs: Mutable<ReplicaSet>): void {
  rs.status = { replicas: 0 };
}

/** The main resource cannot write status. */
export function prepareReplicaSetForUpdate(rs: Mutable<ReplicaSet>, old: ReplicaSet): void {
  rs.status = old.status;
  if (rs.status === undefined) delete rs.status;
}
