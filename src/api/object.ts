// The generic shape every stored object has. Concrete kinds use kubernetes-types' interfaces.
import type { ObjectMeta as K8sObjectMeta } from 'kubernetes-types/meta/v1.js';

/** kubernetes-types marks server-set fields readonly; the server is the one that sets them. */
export type Mutable<T> = { -readonly [K in keyof T]: T[K] };
export type ObjectMeta = Mutable<K8sObjectMeta>;

export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
