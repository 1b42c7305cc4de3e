// Owner reference helpers, as apimachinery's metav1.GetControllerOf / IsControlledBy
// (pkg/apis/meta/v1/controller_ref.go) read them.
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KObject } from '../object.js';

type WithOwners = Pick<KObject, 'metadata'> | { metadata?: { ownerReferences?: OwnerReference[] } };

const refs = (obj: WithOwners): readonly OwnerReference[] => obj.metadata?.ownerReferences ?? [];

/** GetControllerOf: the owner reference with `controller: true`, if any. */
export function controllerRef(obj: WithOwners): OwnerReference | undefined {
  return refs(obj).find((r) => r.controller === true);
}

/** IsControlledBy: whether the controller reference points at `uid`. */
export function isControlledBy(obj: WithOwners, uid: string | undefined): boolean {
  return uid !== undefined && controllerRef(obj)?.uid === uid;
}

/** Whether any owner reference (controller or not) points at `uid`. */
export function isOwnedBy(obj: WithOwners, uid: string | undefined): boolean {
  return uid !== undefined && refs(obj).some((r) => r.uid === uid);
}

/** NewControllerRef: the reference a controller stamps on what it creates. */
export function newControllerRef(owner: KObject, gvk: { apiVersion: string; kind: string }): OwnerReference {
  return {
    apiVersion: gvk.apiVersion,
    kind: gvk.kind,
    name: owner.metadata.name ?? '',
    uid: owner.metadata.uid ?? '',
    blockOwnerDeletion: true,
    controller: true,
  };
}
