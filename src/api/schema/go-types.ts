// The Go type names encoding/json prints in UnmarshalTypeError (reflect.Type.String(): package name plus
// type name, pointers dereferenced), derived from the schema tree plus the named-type facts.
import { GO_TYPE_FACTS } from './go-type-facts.js';
import type { FieldType, ScalarKind } from './type-map.js';
import { goStructName } from './type-map.js';

const SCALAR_GO: Record<ScalarKind, string> = {
  string: 'string',
  boolean: 'bool',
  int32: 'int32',
  int64: 'int64',
  double: 'float64',
  bytes: '[]uint8',
  time: 'v1.Time',
  microTime: 'v1.MicroTime',
  intOrString: 'intstr.IntOrString',
  quantity: 'resource.Quantity',
  any: 'interface {}',
};

/** Go package name of a model's struct: V1Pod → v1, V1beta1CSIDriver → v1beta1, CoreV1Event → v1. */
export function goPackageName(model: string): string {
  const m = /^(?:[A-Z][a-z]+)?V(\d+(?:alpha\d+|beta\d+)?)(?=[A-Z])/.exec(model);
  return m ? `v${m[1]}` : 'v1';
}

/** reflect's name for a schema type: []v1.Container, map[string]string, v1.PodSpec. */
export function goTypeName(type: FieldType): string {
  switch (type.kind) {
    case 'scalar':
      return SCALAR_GO[type.scalar];
    case 'model':
      return `${goPackageName(type.model)}.${goStructName(type.model)}`;
    case 'array':
      return `[]${goTypeName(type.items)}`;
    case 'map':
      return `map[string]${goTypeName(type.values)}`;
  }
}

// Asked for every field of every request body the strict decoder walks; the answer never changes.
const fieldTypeNames = new Map<string, Map<string, string>>();

/** The Go type of `model.field` where Kubernetes names it (v1.RestartPolicy, v1.ResourceList, types.UID). */
export function goFieldTypeName(model: string, field: string, type: FieldType): string {
  let byField = fieldTypeNames.get(model);
  if (!byField) fieldTypeNames.set(model, (byField = new Map()));
  let name = byField.get(field);
  if (name === undefined) byField.set(field, (name = GO_TYPE_FACTS[model]?.[field] ?? goTypeName(type)));
  return name;
}

/**
 * The Go type of one element of a list or map field whose own Go type is `fieldGo`: []v1.Capability →
 * v1.Capability; a named container (v1.ResourceList) falls back to the schema's element type.
 */
export function goElementTypeName(fieldGo: string, element: FieldType): string {
  if (fieldGo.startsWith('[]')) return fieldGo.slice(2);
  const map = /^map\[[^\]]+\](.+)$/.exec(fieldGo);
  return map ? map[1]! : goTypeName(element);
}
