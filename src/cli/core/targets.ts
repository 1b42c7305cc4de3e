// What a verb's arguments name, as kubectl's resource builder reads them: `TYPE[,TYPE…] [NAME…]`
// or `TYPE/NAME…`, each type resolved through discovery, and the REST calls verbs share (lists
// follow continue tokens in pages of 500, as kubectl's chunking).
import type { CliContext } from './context.js';
import { resourcePath, type ApiResource } from './resources.js';
import { ExitError, UsageError } from './command.js';

export interface Target { resource: ApiResource; names: string[] }

export interface KObj { apiVersion?: string; kind?: string; metadata: { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string>; resourceVersion?: string; uid?: string; generateName?: string; [k: string]: unknown }; [k: string]: unknown }
export interface KList { apiVersion?: string; kind?: string; metadata?: { resourceVersion?: string; continue?: string }; items: KObj[] }

export const TABLE_ACCEPT = 'application/json;as=Table;v=v1;g=meta.k8s.io,application/json;as=Table;v=v1beta1;g=meta.k8s.io,application/json';

/** Resolves `po,job x y` or `po/x job/y` into targets, in the order kubectl visits them. */
export async function resolveTargets(ctx: CliContext, args: string[]): Promise<Target[]> {
  if (!args.length) return [];
  const slashed = args.filter((a) => a.includes('/'));
  if (slashed.length) {
    if (slashed.length !== args.length) {
      throw new ExitError("error: there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'kubectl get resource/<resource_name>' instead of 'kubectl get resource resource/<resource_name>'");
    }
    const out: Target[] = [];
    for (const a of args) {
      // resource.Builder's splitResourceTypeName, before anything is looked up.
      const parts = a.split('/');
      if (parts.length !== 2) throw new ExitError('error: arguments in resource/name form may not have more than one slash');
      const [type, name] = parts as [string, string];
      if (!type || !name || type.includes(',')) throw new ExitError('error: arguments in resource/name form must have a single resource and name');
      const [r] = await ctx.resolve(type);
      const last = out[out.length - 1];
      if (last && last.resource === r) last.names.push(name);
      else out.push({ resource: r!, names: [name] });
    }
    return out;
  }
  const [types, ...names] = args;
  const out: Target[] = [];
  for (const t of types!.split(',').filter(Boolean)) {
    for (const r of await ctx.resolve(t)) if (!out.some((o) => o.resource === r)) out.push({ resource: r, names: [...names] });
  }
  return out;
}

/** `pod`, `job.batch`: the kind as kubectl names it in `-o name` and in prefixed table names. */
export const kindPrefix = (r: ApiResource) => `${r.kind.toLowerCase()}${r.group ? `.${r.group}` : ''}`;
export const apiVersionOf = (r: ApiResource) => (r.group ? `${r.group}/${r.version}` : r.version);

export interface ListOptions { labelSelector?: string; fieldSelector?: string; allNamespaces?: boolean; accept?: string; includeObject?: string }

/** Lists every object (all pages), as JSON or as Tables (one per page). */
export async function listAll<T = KList>(ctx: CliContext, r: ApiResource, o: ListOptions): Promise<T[]> {
  const pages: T[] = [];
  let cont = '';
  do {
    const q = new URLSearchParams();
    if (o.labelSelector) q.set('labelSelector', o.labelSelector);
    if (o.fieldSelector) q.set('fieldSelector', o.fieldSelector);
    if (o.includeObject) q.set('includeObject', o.includeObject);
    q.set('limit', '500');
    if (cont) q.set('continue', cont);
    const page = await ctx.transport.json<T & { metadata?: { continue?: string } }>({
      method: 'GET', path: `${resourcePath(r, o.allNamespaces ? undefined : ctx.namespace)}?${q}`, accept: o.accept,
    });
    pages.push(page);
    cont = page.metadata?.continue ?? '';
  } while (cont);
  return pages;
}

export async function getOne<T = KObj>(ctx: CliContext, r: ApiResource, name: string, accept?: string, query = ''): Promise<T> {
  return ctx.transport.json<T>({ method: 'GET', path: resourcePath(r, ctx.namespace, name) + query, accept });
}

/** Objects of a list response with their kind and apiVersion set (list items carry neither). */
export function itemsOf(r: ApiResource, list: KList): KObj[] {
  return list.items.map((i) => ({ apiVersion: apiVersionOf(r), kind: r.kind, ...i }));
}

/** kubectl strips managedFields from what it prints (--show-managed-fields=false). */
export function withoutManagedFields(o: KObj): KObj {
  if (!o.metadata || !('managedFields' in o.metadata)) return o;
  const { managedFields: _m, ...metadata } = o.metadata;
  void _m;
  return { ...o, metadata };
}
