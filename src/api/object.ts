// The generic shape every stored object has. Concrete kinds use kubernetes-types' interfaces.
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';

export type { ObjectMeta };

export interface KObject {
  apiVersion?: string;
  kind?: string;
  metadata: ObjectMeta;
  [field: string]: unknown;
}

export const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
