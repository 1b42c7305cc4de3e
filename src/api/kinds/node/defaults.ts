// Node defaults (pkg/apis/core/v1/defaults.go SetDefaults_NodeStatus) and field labels
// (pkg/registry/core/node/strategy.go NodeToSelectableFields).
import type { Node } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../object.js';

export type NodeObject = KObject & Node;

/** Allocatable defaults to capacity when the kubelet reports only capacity. */
export function defaultNode(obj: KObject): void {
  const status = (obj as NodeObject).status;
  if (status?.capacity && !status.allocatable) (status as { allocatable?: Record<string, string> }).allocatable = { ...status.capacity };
}

export const nodeFieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  'spec.unschedulable': (o) => String((o as NodeObject).spec?.unschedulable === true),
};
