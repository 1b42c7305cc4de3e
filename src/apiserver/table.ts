// Server-side printing: the meta.k8s.io Table that `kubectl get` asks for, built from each kind's
// columns (pkg/printers/internalversion) and shaped as apiserver's tableconvertor returns it.
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';

export type IncludeObject = 'None' | 'Metadata' | 'Object';

export interface TableOptions {
  version: 'v1' | 'v1beta1';
  includeObject: IncludeObject;
  resourceVersion?: string;
  continueToken?: string;
  remainingItemCount?: number;
  /** Watch events after the first carry no columnDefinitions (null), as upstream. */
  withColumns?: boolean;
}

function rowObject(obj: KObject, include: IncludeObject, version: string): unknown {
  if (include === 'None') return null;
  if (include === 'Object') return obj;
  return { kind: 'PartialObjectMetadata', apiVersion: `meta.k8s.io/${version}`, metadata: obj.metadata };
}

export function toTable(def: KindDef, objs: KObject[], now: number, o: TableOptions): object {
  const metadata: Record<string, unknown> = {};
  if (o.resourceVersion) metadata.resourceVersion = o.resourceVersion;
  if (o.continueToken) metadata.continue = o.continueToken;
  if (o.remainingItemCount !== undefined) metadata.remainingItemCount = o.remainingItemCount;
  return {
    kind: 'Table',
    apiVersion: `meta.k8s.io/${o.version}`,
    metadata,
    columnDefinitions: o.withColumns === false ? null : def.table.columns,
    rows: objs.map((obj) => {
      const conditions = def.table.rowConditions?.(obj);
      return { cells: def.table.cells(obj, now), ...(conditions ? { conditions } : {}), object: rowObject(obj, o.includeObject, o.version) };
    }),
  };
}

export function parseIncludeObject(v: string | null): IncludeObject {
  return v === 'None' || v === 'Object' ? v : 'Metadata';
}
