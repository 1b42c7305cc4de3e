// The OpenAPI documents: one Swagger 2.0 document for everything (/openapi/v2) and one OpenAPI 3.0
// document per group-version (/openapi/v3/<api/v1|apis/group/version>) holding that group-version's
// paths and every schema they reach, as kube-apiserver serves them (k8s.io/kube-openapi handler3).
import type { KindDef } from '../../api/kind.js';
import { definitionName } from './definition-names.js';
import { DELETE_OPTIONS_DEFINITION, gvPath, kindPaths, operation, operationModels, PATCH_DEFINITION } from './paths.js';
import type { Flavor, Gvk, Json } from './schemas.js';
import { definitions } from './schemas.js';

/** The Kubernetes version the documents describe (info.version). */
export const OPENAPI_INFO = { title: 'Kubernetes', version: 'v1.33.0' };

const PATCH_SCHEMA = {
  description: 'Patch is provided to give a concrete name and type to the Kubernetes PATCH request body.',
  type: 'object',
};

/** Which models are top-level kinds (with their GVKs), including list kinds and autoscaling/v1 Scale. */
function gvkTable(kinds: KindDef[]): Map<string, Gvk[]> {
  const t = new Map<string, Gvk[]>();
  const add = (model: string, gvk: Gvk) => t.set(model, [...(t.get(model) ?? []), gvk]);
  for (const d of kinds) {
    add(d.model, { group: d.group, version: d.version, kind: d.kind });
    add(`${d.model}List`, { group: d.group, version: d.version, kind: d.listKind });
    if (d.scale) add('V1Scale', { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  }
  // meta/v1 types every group-version serves (kube registers them in each group-version's scheme).
  const seen = new Set<string>();
  for (const d of kinds) {
    const gv = `${d.group}/${d.version}`;
    if (seen.has(gv)) continue;
    seen.add(gv);
    for (const [model, kind] of [['V1Status', 'Status'], ['V1DeleteOptions', 'DeleteOptions'], ['V1WatchEvent', 'WatchEvent']] as const) {
      add(model, { group: d.group, version: d.version, kind });
    }
  }
  for (const [m, gvks] of t) t.set(m, dedupe(gvks));
  return t;
}

function dedupe(gvks: Gvk[]): Gvk[] {
  const seen = new Set<string>();
  return gvks.filter((g) => {
    const k = `${g.group}/${g.version}/${g.kind}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function pathsObject(kinds: KindDef[], f: Flavor): Json {
  const out: Json = {};
  for (const d of kinds) {
    for (const [path, ops] of kindPaths(d)) {
      const item: Json = (out[path] as Json | undefined) ?? {};
      for (const o of ops) item[o.method] = operation(o, f);
      out[path] = item;
    }
  }
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

const EXTRA_ROOTS = ['V1Status', 'V1DeleteOptions', 'V1WatchEvent'];

/** The Swagger 2.0 document for all kinds. */
export function swaggerV2(kinds: KindDef[]): Json {
  const defs = definitions([...operationModels(kinds), ...EXTRA_ROOTS], 'v2', gvkTable(kinds), {
    [PATCH_DEFINITION]: PATCH_SCHEMA,
  });
  return {
    swagger: '2.0',
    info: OPENAPI_INFO,
    paths: pathsObject(kinds, 'v2'),
    definitions: defs,
    securityDefinitions: { BearerToken: { description: 'Bearer Token authentication', type: 'apiKey', name: 'authorization', in: 'header' } },
    security: [{ BearerToken: [] }],
  };
}

/** The group-versions served, as the keys of /openapi/v3 ('api/v1', 'apis/batch/v1'...). */
export function groupVersionPaths(kinds: KindDef[]): string[] {
  return [...new Set(kinds.map(gvPath))].sort();
}

/** The OpenAPI 3.0 document of one group-version, or undefined when no kind is served there. */
export function openApiV3(kinds: KindDef[], gv: string): Json | undefined {
  const mine = kinds.filter((d) => gvPath(d) === gv);
  if (!mine.length) return undefined;
  const gvks = gvkTable(kinds);
  // Shared meta types carry every group-version's GVK upstream; a per-group-version document lists its own.
  const [group, version] = mine[0] ? [mine[0].group, mine[0].version] : ['', ''];
  const local = new Map<string, Gvk[]>();
  for (const [m, list] of gvks) {
    const own = list.filter((g) => (g.group === group && g.version === version) || g.kind === 'Scale');
    if (own.length) local.set(m, own);
  }
  const schemas = definitions([...operationModels(mine), ...EXTRA_ROOTS], 'v3', local, {
    [PATCH_DEFINITION]: PATCH_SCHEMA,
  });
  return {
    openapi: '3.0.0',
    info: OPENAPI_INFO,
    paths: pathsObject(mine, 'v3'),
    components: {
      schemas,
      securitySchemes: { BearerToken: { type: 'apiKey', description: 'Bearer Token authentication', name: 'authorization', in: 'header' } },
    },
  };
}

export { definitionName, DELETE_OPTIONS_DEFINITION };
