// Namespace defaults and strategy (pkg/apis/core/v1/defaults.go SetDefaults_Namespace;
// pkg/registry/core/namespace/strategy.go).
import type { KObject } from '../../object.js';

interface NamespaceFields { spec?: { finalizers?: string[] }; status?: { phase?: string } }

/** Every named namespace carries its own name as the kubernetes.io/metadata.name label. */
export function defaultNamespace(obj: KObject): void {
  if (obj.metadata.name) obj.metadata.labels = { ...obj.metadata.labels, 'kubernetes.io/metadata.name': obj.metadata.name };
}

/** A new namespace is Active and waits for the `kubernetes` finalizer (the namespace controller's). */
export function prepareNamespaceForCreate(obj: KObject): void {
  const ns = obj as KObject & NamespaceFields;
  defaultNamespace(obj);
  ns.status = { phase: 'Active' };
  const finalizers = ns.spec?.finalizers ?? [];
  if (!finalizers.includes('kubernetes')) ns.spec = { ...ns.spec, finalizers: [...finalizers, 'kubernetes'] };
}

/** spec.finalizers change only through the finalize subresource; status only through status. */
export function prepareNamespaceForUpdate(obj: KObject, old: KObject): void {
  const ns = obj as KObject & NamespaceFields;
  const prev = old as KObject & NamespaceFields;
  if (prev.spec === undefined) delete ns.spec; else ns.spec = structuredClone(prev.spec);
  if (prev.status === undefined) delete ns.status; else ns.status = structuredClone(prev.status);
}

export const namespaceFieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  'status.phase': (o) => (o as KObject & NamespaceFields).status?.phase ?? '',
};
