// Patch values that land where the live object has nothing are copied as they are upstream, and the
// decode into the typed object then drops what no field matches: `$patch`, `$retainKeys`,
// `$setElementOrder/...`, `$deleteFromPrimitiveList/...`, and nulls become zero values. We store JSON, not
// typed structs, so we drop those here instead: directive keys and null map values go, list elements
// that are directives (`{"$patch": "delete", ...}`, `{"$patch": "replace"}`) go, and a map that is
// itself `$patch: delete` becomes undefined (the caller leaves the field out).
import { isJsonMap, type JsonMap } from './go-json.js';

const isDirectiveKey = (k: string) =>
  k === '$patch' || k === '$retainKeys' || k.startsWith('$setElementOrder/') || k.startsWith('$deleteFromPrimitiveList/');

export function stripDirectives(v: unknown): unknown {
  if (Array.isArray(v)) {
    return v.filter((e) => !(isJsonMap(e) && Object.prototype.hasOwnProperty.call(e, '$patch'))).map(stripDirectives);
  }
  if (!isJsonMap(v)) return v;
  if (v.$patch === 'delete') return undefined;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) {
    if (isDirectiveKey(k) || x === null) continue;
    const s = stripDirectives(x);
    if (s !== undefined) out[k] = s;
  }
  return out;
}

/** evanphx/json-patch's pruneNulls for merge patch: null map values go (recursively), list nulls stay. */
export function pruneNulls(v: unknown): unknown {
  if (Array.isArray(v)) return v.map((e) => (e === null ? e : pruneNulls(e)));
  if (!isJsonMap(v)) return v;
  const out: JsonMap = {};
  for (const [k, x] of Object.entries(v)) if (x !== null) out[k] = pruneNulls(x);
  return out;
}
