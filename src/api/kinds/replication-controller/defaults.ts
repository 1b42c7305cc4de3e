// ReplicationController defaults and strategy (pkg/apis/core/v1/defaults.go SetDefaults_ReplicationController;
// pkg/registry/core/replicationcontroller/strategy.go).
import type { ReplicationController, ReplicationControllerSpec } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../object.js';
import { defaultPodTemplateSpec } from '../../validation/pod-defaults.js';

export type RCObject = KObject & ReplicationController & { spec?: ReplicationControllerSpec };

/** An empty selector and empty object labels are both taken from the template's labels. */
export function defaultReplicationController(obj: KObject): void {
  const rc = obj as RCObject;
  const spec = (rc.spec ??= {});
  const labels = spec.template?.metadata?.labels;
  if (labels) {
    if (!spec.selector || Object.keys(spec.selector).length === 0) spec.selector = { ...labels };
    if (!rc.metadata.labels || Object.keys(rc.metadata.labels).length === 0) rc.metadata.labels = { ...labels };
  }
  spec.replicas ??= 1;
  if (spec.template) defaultPodTemplateSpec(spec.template);
}

/** A new controller starts with an empty status (replicas is always serialized). */
export function prepareReplicationControllerForCreate(obj: KObject): void {
  obj.status = { replicas: 0 };
}

export const replicationControllerFieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  'status.replicas': (o) => String((o as RCObject).status?.replicas ?? 0),
};
