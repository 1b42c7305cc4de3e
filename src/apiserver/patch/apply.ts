// application/apply-patch+yaml (server-side apply), pragmatically.
//
// SIMPLIFICATION: upstream (apiserver fieldmanager + structured-merge-diff) tracks which manager owns which
// field in metadata.managedFields, removes fields a manager stops applying, and reports conflicts with
// other managers (409 unless force=true). We keep no managedFields: the applied configuration is merged
// into the live object with strategic merge's structural rules (keyed lists merged by key, primitive
// `merge` lists unioned, other lists replaced, maps merged), nulls in the configuration are ignored, fields
// it omits are left alone, and there are no conflicts. When the object does not exist the caller applies
// onto `{}` and creates the result (see createsWhenMissing).
import { parseYaml } from '../../util/yaml.js';
import { badRequest } from '../../api/errors.js';
import { goJsonType, isJsonMap, type JsonMap } from './go-json.js';
import type { PatchContext } from './patch-meta.js';
import { strategicMerge } from './strategic-merge.js';
import { pruneNulls } from './strip-directives.js';

export function applyConfiguration(live: JsonMap, body: string, ctx: PatchContext): JsonMap {
  let applied: unknown;
  try {
    applied = body.trim() === '' ? {} : parseYaml(body);
  } catch (e) {
    throw badRequest(`error decoding YAML: error converting YAML to JSON: yaml: ${firstLine((e as Error).message)}`);
  }
  if (applied === null || applied === undefined) applied = {};
  if (!isJsonMap(applied)) {
    throw badRequest(`error decoding YAML: error unmarshaling JSON: while decoding JSON: json: cannot unmarshal ${goJsonType(applied)} into Go value of type map[string]interface {}`);
  }
  return strategicMerge(live, withoutDirectiveKeys(pruneNulls(applied)) as JsonMap, ctx);
}

const firstLine = (s: string) => s.split('\n')[0];

// An apply configuration is plain data: a `$patch` key in it means nothing, so it must not act as a directive.
function withoutDirectiveKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(withoutDirectiveKeys);
  if (!isJsonMap(v)) return v;
  return Object.fromEntries(Object.entries(v).filter(([k]) => !k.startsWith('$')).map(([k, x]) => [k, withoutDirectiveKeys(x)]));
}
