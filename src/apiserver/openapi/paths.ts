// The REST paths of each kind as OpenAPI operations, named and tagged like kube-apiserver's
// (operationId `patchCoreV1NamespacedPod`, `x-kubernetes-action`, `x-kubernetes-group-version-kind`).
// kubectl reads two things here: a PATCH operation for the GVK with a `fieldValidation` query parameter
// means server-side field validation (cli-runtime query_param_verifier_v3.go), and that operation's
// request body accepting `application/strategic-merge-patch+json` means apply may compute strategic
// merge patches from the v3 schema (kubectl pkg/cmd/apply/patcher.go gvkSupportsPatchOpenAPIV3).
import type { KindDef } from '../../api/kind.js';
import { definitionName } from './definition-names.js';
import type { Flavor, Gvk, Json } from './schemas.js';

export type Action = 'get' | 'list' | 'post' | 'put' | 'patch' | 'delete' | 'deletecollection';

interface Op {
  method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  action: Action;
  operationId: string;
  gvk: Gvk;
  /** Response (and request body for post/put) model. */
  model: string;
  namespaced: boolean;
  named: boolean;
  /** Kubernetes' tag for the kind's group-version: core_v1, batch_v1, rbacAuthorization_v1. */
  tag: string;
}

const FULL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const VERB_OF: Record<Action, string> = {
  get: 'get', list: 'list', post: 'create', put: 'update', patch: 'patch', delete: 'delete', deletecollection: 'deletecollection',
};
const PATCH_TYPES = [
  'application/apply-patch+yaml',
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
];
export const PATCH_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.Patch';
export const STATUS_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.Status';
export const DELETE_OPTIONS_DEFINITION = 'io.k8s.apimachinery.pkg.apis.meta.v1.DeleteOptions';

/** `rbac.authorization.k8s.io` + `v1` → `RbacAuthorizationV1`; core → `CoreV1`. */
function gvWord(group: string, version: string): string {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  const g = group === '' ? 'Core' : group.replace(/\.k8s\.io$/, '').split('.').map(cap).join('');
  return g + cap(version);
}

export function gvPath(d: { group: string; version: string }): string {
  return d.group ? `apis/${d.group}/${d.version}` : `api/${d.version}`;
}

/** Every path of one kind with its operations. */
export function kindPaths(d: KindDef): Map<string, Op[]> {
  const verbs = new Set(d.verbs ?? FULL_VERBS);
  const gvk: Gvk = { group: d.group, version: d.version, kind: d.kind };
  const gv = gvWord(d.group, d.version);
  const base = `/${gvPath(d)}${d.namespaced ? '/namespaces/{namespace}' : ''}/${d.plural}`;
  const ns = d.namespaced ? 'Namespaced' : '';
  const out = new Map<string, Op[]>();
  const add = (path: string, ops: Op[]) => {
    const kept = ops.filter((o) => verbs.has(VERB_OF[o.action]));
    if (kept.length) out.set(path, kept);
  };
  const tag = `${gv.charAt(0).toLowerCase()}${gv.slice(1).replace(/(V\d+\w*)$/, '_$1')}`.replace(/_V/, '_v');
  const op = (method: Op['method'], action: Action, id: string, model: string, named: boolean, g: Gvk = gvk): Op => ({
    method, action, operationId: id, gvk: g, model, named, namespaced: d.namespaced, tag,
  });
  add(base, [
    op('get', 'list', `list${gv}${ns}${d.kind}`, `${d.model}List`, false),
    op('post', 'post', `create${gv}${ns}${d.kind}`, d.model, false),
    op('delete', 'deletecollection', `delete${gv}Collection${ns}${d.kind}`, 'V1Status', false),
  ]);
  add(`${base}/{name}`, [
    op('get', 'get', `read${gv}${ns}${d.kind}`, d.model, true),
    op('put', 'put', `replace${gv}${ns}${d.kind}`, d.model, true),
    op('patch', 'patch', `patch${gv}${ns}${d.kind}`, d.model, true),
    op('delete', 'delete', `delete${gv}${ns}${d.kind}`, 'V1Status', true),
  ]);
  if (d.namespaced) {
    add(`/${gvPath(d)}/${d.plural}`, [op('get', 'list', `list${gv}${d.kind}ForAllNamespaces`, `${d.model}List`, false)]);
    out.get(`/${gvPath(d)}/${d.plural}`)?.forEach((o) => (o.namespaced = false));
  }
  const sub = (name: string, model: string, g: Gvk) => {
    const word = name.charAt(0).toUpperCase() + name.slice(1);
    add(`${base}/{name}/${name}`, [
      op('get', 'get', `read${gv}${ns}${d.kind}${word}`, model, true, g),
      op('put', 'put', `replace${gv}${ns}${d.kind}${word}`, model, true, g),
      op('patch', 'patch', `patch${gv}${ns}${d.kind}${word}`, model, true, g),
    ]);
  };
  if (d.statusSubresource) sub('status', d.model, gvk);
  if (d.scale) sub('scale', 'V1Scale', { group: 'autoscaling', version: 'v1', kind: 'Scale' });
  return out;
}

const q = (name: string, type: string, f: Flavor, description: string): Json =>
  f === 'v2' ? { name, in: 'query', type, uniqueItems: true, description } : { name, in: 'query', schema: { type, uniqueItems: true }, description };

function parameters(o: Op, f: Flavor): Json[] {
  const ps: Json[] = [];
  const path = (name: string, description: string): Json =>
    f === 'v2' ? { name, in: 'path', required: true, type: 'string', uniqueItems: true, description } : { name, in: 'path', required: true, schema: { type: 'string', uniqueItems: true }, description };
  if (o.named) ps.push(path('name', `name of the ${o.gvk.kind}`));
  if (o.namespaced) ps.push(path('namespace', 'object name and auth scope, such as for teams and projects'));
  ps.push(q('pretty', 'string', f, "If 'true', then the output is pretty printed."));
  if (o.action === 'post' || o.action === 'put' || o.action === 'patch' || o.action === 'delete' || o.action === 'deletecollection') {
    ps.push(q('dryRun', 'string', f, 'When present, indicates that modifications should not be persisted.'));
  }
  if (o.action === 'post' || o.action === 'put' || o.action === 'patch') {
    ps.push(q('fieldManager', 'string', f, 'fieldManager is a name associated with the actor or entity that is making these changes.'));
    ps.push(q('fieldValidation', 'string', f, 'fieldValidation instructs the server on how to handle objects in the request containing unknown or duplicate fields: Ignore, Warn or Strict.'));
  }
  if (o.action === 'patch') ps.push(q('force', 'boolean', f, 'Force is going to "force" Apply requests.'));
  if (o.action === 'list' || o.action === 'deletecollection') {
    for (const n of ['labelSelector', 'fieldSelector', 'continue', 'resourceVersion', 'resourceVersionMatch']) ps.push(q(n, 'string', f, n));
    ps.push(q('limit', 'integer', f, 'limit is a maximum number of responses to return for a list call.'));
    ps.push(q('timeoutSeconds', 'integer', f, 'Timeout for the list/watch call.'));
  }
  if (o.action === 'list') ps.push(q('watch', 'boolean', f, 'Watch for changes to the described resources.'), q('allowWatchBookmarks', 'boolean', f, 'allowWatchBookmarks requests watch events with type "BOOKMARK".'), q('sendInitialEvents', 'boolean', f, 'sendInitialEvents'));
  if (o.action === 'delete' || o.action === 'deletecollection') {
    ps.push(q('gracePeriodSeconds', 'integer', f, 'The duration in seconds before the object should be deleted.'), q('propagationPolicy', 'string', f, "Whether and how garbage collection will be performed: 'Orphan', 'Background' or 'Foreground'."));
  }
  return ps;
}

const ref = (f: Flavor, name: string) => ({ $ref: (f === 'v2' ? '#/definitions/' : '#/components/schemas/') + name });
const RESPONSE_TYPES = ['application/json', 'application/yaml', 'application/vnd.kubernetes.protobuf'];

function responses(o: Op, f: Flavor): Json {
  const schema = ref(f, definitionName(o.model));
  const one = (description: string): Json =>
    f === 'v2' ? { description, schema } : { description, content: Object.fromEntries(RESPONSE_TYPES.map((t) => [t, { schema }])) };
  const r: Json = { '200': one('OK') };
  if (o.action === 'post' || o.action === 'put' || o.action === 'patch') r['201'] = one('Created');
  if (o.action === 'post' || o.action === 'delete') r['202'] = one('Accepted');
  r['401'] = { description: 'Unauthorized' };
  return r;
}

/** One operation object in the flavor's form. */
export function operation(o: Op, f: Flavor): Json {
  const body: Json | undefined =
    o.action === 'patch' ? ref(f, PATCH_DEFINITION)
    : o.action === 'post' || o.action === 'put' ? ref(f, definitionName(o.model))
    : o.action === 'delete' || o.action === 'deletecollection' ? ref(f, DELETE_OPTIONS_DEFINITION)
    : undefined;
  const out: Json = { operationId: o.operationId, tags: [o.tag] };
  const ps = parameters(o, f);
  if (f === 'v2') {
    out.consumes = o.action === 'patch' ? PATCH_TYPES : ['*/*'];
    out.produces = RESPONSE_TYPES;
    if (body) ps.push({ name: 'body', in: 'body', required: o.action !== 'delete' && o.action !== 'deletecollection', schema: body });
    out.schemes = ['https'];
  } else if (body) {
    const types = o.action === 'patch' ? PATCH_TYPES : ['*/*'];
    out.requestBody = { content: Object.fromEntries(types.map((t) => [t, { schema: body }])), required: o.action === 'patch' || o.action === 'post' || o.action === 'put' };
  }
  out.parameters = ps;
  out.responses = responses(o, f);
  out['x-kubernetes-action'] = o.action;
  out['x-kubernetes-group-version-kind'] = o.gvk;
  return out;
}

/** Models the operations of these kinds return or accept (lists, Status, DeleteOptions, Scale). */
export function operationModels(kinds: KindDef[]): string[] {
  const out = new Set<string>(['V1Status', 'V1DeleteOptions']);
  for (const d of kinds) {
    out.add(d.model).add(`${d.model}List`);
    if (d.scale) out.add('V1Scale');
  }
  return [...out];
}
