// OpenAPI schema objects for models, from the same schema tree strict decoding uses. v2 refers with
// `{$ref: '#/definitions/X'}`; v3 wraps struct refs as `{allOf: [{$ref}], default: {}}` as Kubernetes
// does (kube-openapi builder3), which strategic merge patch's PatchMetaFromOpenAPIV3 resolves.
import { listFacts } from '../../api/schema/patch-meta.js';
import { modelDocs } from '../../api/schema/model-docs.js';
import type { FieldType, ScalarKind } from '../../api/schema/type-map.js';
import { elementModel, modelFields } from '../../api/schema/type-map.js';
import { definitionName, SCALAR_DEFINITIONS } from './definition-names.js';

export type Flavor = 'v2' | 'v3';
export type Json = { [key: string]: unknown };
export interface Gvk {
  group: string;
  version: string;
  kind: string;
}

const refBase = (f: Flavor) => (f === 'v2' ? '#/definitions/' : '#/components/schemas/');

function scalarSchema(s: ScalarKind, f: Flavor): Json {
  const named = SCALAR_DEFINITIONS[s];
  if (named) return { $ref: refBase(f) + named.name };
  switch (s) {
    case 'string':
      return { type: 'string' };
    case 'bytes':
      return { type: 'string', format: 'byte' };
    case 'boolean':
      return { type: 'boolean' };
    case 'int32':
    case 'int64':
      return { type: 'integer', format: s };
    case 'double':
      return { type: 'number', format: 'double' };
    default:
      return { type: 'object' };
  }
}

/** `top`: a property itself (where v3 needs allOf so a description beside a $ref is not ignored). */
function typeSchema(t: FieldType, f: Flavor, top: boolean): Json {
  switch (t.kind) {
    case 'scalar': {
      const s = scalarSchema(t.scalar, f);
      return f === 'v3' && top && s.$ref ? { allOf: [s] } : s;
    }
    case 'model': {
      const ref = { $ref: refBase(f) + definitionName(t.model) };
      return f === 'v3' ? { allOf: [ref], default: {} } : ref;
    }
    case 'array':
      return { type: 'array', items: typeSchema(t.items, f, false) };
    case 'map':
      return { type: 'object', additionalProperties: typeSchema(t.values, f, false) };
  }
}

/** The schema of one model: properties with list/patch facts, required fields, description. */
export function modelSchema(model: string, f: Flavor, gvks?: Gvk[]): Json {
  const docs = modelDocs(model);
  const properties: Json = {};
  const required: string[] = [];
  for (const [name, field] of modelFields(model) ?? []) {
    const p: Json = { ...typeSchema(field.type, f, true) };
    const doc = docs.fields.get(name);
    if (doc?.description) p.description = doc.description;
    if (doc?.required) required.push(name);
    const facts = listFacts(model, name);
    if (facts?.listMapKeys) p['x-kubernetes-list-map-keys'] = facts.listMapKeys;
    if (facts?.listType) p['x-kubernetes-list-type'] = facts.listType;
    if (facts?.mapType) p['x-kubernetes-map-type'] = facts.mapType;
    if (facts?.mergeKey) p['x-kubernetes-patch-merge-key'] = facts.mergeKey;
    if (facts?.strategy) p['x-kubernetes-patch-strategy'] = facts.strategy;
    properties[name] = p;
  }
  const s: Json = {};
  if (docs.description) s.description = docs.description;
  s.type = 'object';
  if (required.length) s.required = required;
  s.properties = properties;
  if (gvks?.length) s['x-kubernetes-group-version-kind'] = gvks;
  return s;
}

/** The named scalar definitions (Time, Quantity, IntOrString...) a set of models refers to. */
function scalarRefs(model: string, into: Set<ScalarKind>): void {
  const visit = (t: FieldType): void => {
    if (t.kind === 'scalar') into.add(t.scalar);
    else if (t.kind === 'array') visit(t.items);
    else if (t.kind === 'map') visit(t.values);
  };
  for (const field of modelFields(model)?.values() ?? []) visit(field.type);
}

/**
 * Definitions for `roots` and everything they reach, keyed by definition name, sorted like Kubernetes'
 * documents. `gvkOf` gives top-level kinds their x-kubernetes-group-version-kind.
 */
export function definitions(roots: string[], f: Flavor, gvkOf: Map<string, Gvk[]>, extra: Record<string, Json> = {}): Json {
  const seen = new Set<string>();
  const scalars = new Set<ScalarKind>();
  const walk = (m: string): void => {
    if (seen.has(m) || !modelFields(m)) return;
    seen.add(m);
    scalarRefs(m, scalars);
    for (const field of modelFields(m)!.values()) {
      const child = elementModel(field.type);
      if (child) walk(child);
    }
  };
  roots.forEach(walk);
  const out: Json = { ...extra };
  for (const m of seen) out[definitionName(m)] = modelSchema(m, f, gvkOf.get(m));
  for (const s of scalars) {
    const named = SCALAR_DEFINITIONS[s];
    if (named) out[named.name] = f === 'v2' ? named.v2 : named.v3;
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}
