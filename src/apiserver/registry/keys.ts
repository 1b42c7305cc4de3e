// Where each object lives in the store: /registry/<group>/<plural>/<namespace>/<name>, as
// kube-apiserver lays out etcd (core group as "core").
import type { KindDef } from '../../api/kind.js';

export const ROOT = '/registry/';

export function resourcePrefix(def: KindDef, namespace?: string): string {
  const at = def.storedAs ?? def;
  const base = `${ROOT}${at.group || 'core'}/${at.plural}/`;
  return def.namespaced && namespace ? `${base}${namespace}/` : base;
}

export function objectKey(def: KindDef, namespace: string | undefined, name: string): string {
  return resourcePrefix(def, def.namespaced ? namespace : undefined) + name;
}
