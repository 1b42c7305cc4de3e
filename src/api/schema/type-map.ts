// The field schema of every Kubernetes type, from @kubernetes/client-node's generated models (their
// attribute maps, extracted into attribute-maps.generated.ts by scripts/gen-attribute-maps.mjs so that
// start-up does not load ~750 model modules): `[{name, baseName, type, format}]` with TypeScript-ish type strings
// (`string`, `Array<V1Container>`, `{ [key: string]: string; }`, `IntOrString`, `Date`...). We parse those
// strings once per model into a small tree that strict decoding and the OpenAPI documents both walk.
import { attributeMaps } from './attribute-maps.generated.js';
import { NEWER_THAN_SERVED } from './go-type-facts.js';
import { isQuantityField } from './quantity-fields.js';

export type ScalarKind =
  | 'string'
  | 'boolean'
  | 'int32'
  | 'int64'
  | 'double'
  | 'bytes' // base64 string ([]byte in Go)
  | 'time' // metav1.Time, RFC 3339
  | 'microTime' // metav1.MicroTime, RFC 3339 with microseconds
  | 'intOrString'
  | 'quantity' // resource.Quantity: a string or a number
  | 'any'; // RawExtension, FieldsV1, JSON: anything goes, nothing inside is checked

export type FieldType =
  | { kind: 'scalar'; scalar: ScalarKind }
  | { kind: 'model'; model: string }
  | { kind: 'array'; items: FieldType }
  | { kind: 'map'; values: FieldType };

export interface FieldSchema {
  /** JSON name of the field. */
  name: string;
  type: FieldType;
}

type AttributeType = (typeof attributeMaps)[string][number];
const registry: Record<string, { attributeTypeMap: AttributeType[] } | undefined> = Object.fromEntries(
  Object.entries(attributeMaps).map(([k, v]) => [k, { attributeTypeMap: v }]),
);
const cache = new Map<string, Map<string, FieldSchema> | null>();

/** Whether `model` names a generated struct model (not an enum or a helper). */
export function isModel(model: string): boolean {
  return Array.isArray(registry[model]?.attributeTypeMap);
}

/** The fields of a model by JSON name, or undefined for an unknown model. */
export function modelFields(model: string): Map<string, FieldSchema> | undefined {
  let fields = cache.get(model);
  if (fields === undefined) {
    const map = registry[model]?.attributeTypeMap;
    const newer = NEWER_THAN_SERVED[model] ?? [];
    const served = map?.filter((a) => !newer.includes(a.baseName));
    fields = served ? new Map(served.map((a) => [a.baseName, { name: a.baseName, type: parseType(model, a) }])) : null;
    cache.set(model, fields);
  }
  return fields ?? undefined;
}

/** One field's schema, or undefined when the model has no such field. */
export function fieldSchema(model: string, field: string): FieldSchema | undefined {
  return modelFields(model)?.get(field);
}

function parseType(model: string, a: AttributeType): FieldType {
  const quantity = isQuantityField(model, a.baseName);
  return parseTypeString(a.type.trim(), a.format, quantity);
}

const MAP_RE = /^\{\s*\[key: string\]:\s*(.+?);?\s*\}$/;
const ARRAY_RE = /^Array<(.+)>$/;

function parseTypeString(t: string, format: string, quantity: boolean): FieldType {
  const arr = ARRAY_RE.exec(t);
  if (arr) return { kind: 'array', items: parseTypeString(arr[1]!.trim(), format, quantity) };
  const map = MAP_RE.exec(t);
  if (map) return { kind: 'map', values: parseTypeString(map[1]!.trim(), format, quantity) };
  if (quantity) return scalar('quantity');
  switch (t) {
    case 'string':
      return scalar(format === 'byte' ? 'bytes' : format === 'int-or-string' ? 'intOrString' : 'string');
    case 'boolean':
      return scalar('boolean');
    case 'number':
      return scalar(format === 'int64' ? 'int64' : format === 'double' ? 'double' : 'int32');
    case 'Date':
      return scalar(format === 'date-time-micro' ? 'microTime' : 'time');
    case 'V1MicroTime':
      return scalar('microTime');
    case 'IntOrString':
      return scalar('intOrString');
    case 'any':
    case 'object':
      return scalar('any');
    default:
      return isModel(t) ? { kind: 'model', model: t } : scalar('any');
  }
}

function scalar(s: ScalarKind): FieldType {
  return { kind: 'scalar', scalar: s };
}

/** The model a field leads to, looking through arrays and maps: V1PodSpec.containers → V1Container. */
export function elementModel(type: FieldType): string | undefined {
  if (type.kind === 'model') return type.model;
  if (type.kind === 'array') return elementModel(type.items);
  if (type.kind === 'map') return elementModel(type.values);
  return undefined;
}

/** Every model reachable from the given roots, roots first (stable order for generated documents). */
export function reachableModels(roots: string[]): string[] {
  const seen = new Set<string>();
  const walk = (m: string): void => {
    if (seen.has(m) || !isModel(m)) return;
    seen.add(m);
    for (const f of modelFields(m)?.values() ?? []) {
      const child = elementModel(f.type);
      if (child) walk(child);
    }
  };
  roots.forEach(walk);
  return [...seen];
}

const structNames = new Map<string, string>(); // asked for every object the strict decoder walks

/** Go's struct name for a model: the model name without its group/version prefix (V1beta1X, CoreV1X → X). */
export function goStructName(model: string): string {
  let name = structNames.get(model);
  if (name === undefined) structNames.set(model, (name = model.replace(/^(?:[A-Z][a-z]+)?V\d+(?:alpha\d+|beta\d+)?(?=[A-Z])/, '')));
  return name;
}
