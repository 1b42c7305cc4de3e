// Strategic-merge-patch metadata per field, the way apimachinery's strategicpatch reads struct tags
// (k8s.io/apimachinery/pkg/util/strategicpatch/meta.go: PatchMetaFromStruct), but from our facts table
// and the client-node type maps instead of Go reflection.
import { LIST_FACTS } from './list-facts.js';
import { elementModel, fieldSchema } from './type-map.js';

export type PatchStrategy = 'merge' | 'retainKeys' | 'merge,retainKeys' | 'replace';

export interface PatchMeta {
  strategy?: PatchStrategy;
  mergeKey?: string;
}

export interface ListFacts extends PatchMeta {
  /** x-kubernetes-list-type. */
  listType?: 'atomic' | 'set' | 'map';
  /** x-kubernetes-list-map-keys (listType map only). */
  listMapKeys?: string[];
  /** x-kubernetes-map-type. */
  mapType?: 'atomic' | 'granular';
}

const parsed = new Map<string, ListFacts | null>();

/** All facts for one field (patch strategy, merge key, list and map types), or undefined when none. */
export function listFacts(model: string, field: string): ListFacts | undefined {
  const id = `${model}.${field}`;
  let facts = parsed.get(id);
  if (facts === undefined) {
    const text = LIST_FACTS[model]?.[field];
    facts = text === undefined ? null : parseFacts(text);
    parsed.set(id, facts);
  }
  return facts ?? undefined;
}

function parseFacts(text: string): ListFacts {
  const f: ListFacts = {};
  for (const tok of text.split(' ')) {
    const [k, v = ''] = tok.split('=');
    if (k === 'patch') f.strategy = v as PatchStrategy;
    else if (k === 'key') f.mergeKey = v;
    else if (k === 'map') f.mapType = v as 'atomic' | 'granular';
    else if (k === 'list') {
      const m = /^map\((.*)\)$/.exec(v);
      f.listType = m ? 'map' : (v as 'atomic' | 'set');
      if (m) f.listMapKeys = m[1]!.split(',');
    }
  }
  return f;
}

/**
 * The strategic-merge-patch strategy and merge key of `model.field` (e.g. V1PodSpec.containers →
 * {strategy: 'merge', mergeKey: 'name'}), or undefined when the field has neither: such lists are
 * replaced whole and maps/structs merged key by key.
 */
export function patchMeta(model: string, field: string): PatchMeta | undefined {
  const f = listFacts(model, field);
  if (!f || (f.strategy === undefined && f.mergeKey === undefined)) return undefined;
  const out: PatchMeta = {};
  if (f.strategy !== undefined) out.strategy = f.strategy;
  if (f.mergeKey !== undefined) out.mergeKey = f.mergeKey;
  return out;
}

/**
 * The model of a field's value, looking through lists and maps (V1PodSpec.containers → V1Container,
 * V1Pod.spec → V1PodSpec), or undefined for scalars, free-form values and unknown fields.
 */
export function childModel(model: string, field: string): string | undefined {
  const f = fieldSchema(model, field);
  return f ? elementModel(f.type) : undefined;
}

/** The JSON shape of a field (`any`: free-form JSON such as RawExtension), or undefined when unknown. */
export function fieldShape(model: string, field: string): 'array' | 'map' | 'model' | 'scalar' | 'any' | undefined {
  const f = fieldSchema(model, field);
  if (!f) return undefined;
  if (f.type.kind === 'scalar') return f.type.scalar === 'any' ? 'any' : 'scalar';
  return f.type.kind;
}
