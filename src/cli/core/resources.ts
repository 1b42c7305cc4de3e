// Resource names as kubectl resolves them (restmapper + discovery): `pods`, `pod`, `po`, `Pod`,
// `jobs.batch`, `jobs.v1.batch`, categories such as `all`. The table comes from the server's
// aggregated discovery (one request for /api, one for /apis), as kubectl's discovery client reads it.
import type { Transport } from '../../client/http-transport.js';

export interface ApiResource {
  group: string; // '' for core
  version: string;
  resource: string; // plural
  singular: string;
  kind: string;
  namespaced: boolean;
  shortNames: string[];
  categories: string[];
  verbs: string[];
  subresources: string[];
}

interface AggregatedList {
  items: Array<{
    metadata: { name?: string };
    versions: Array<{
      version: string;
      resources: Array<{
        resource: string; singularResource: string; scope: 'Namespaced' | 'Cluster'; verbs: string[];
        responseKind: { kind: string }; shortNames?: string[]; categories?: string[]; subresources?: Array<{ subresource: string }>;
      }>;
    }>;
  }>;
}

const ACCEPT_AGGREGATED = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList,application/json';

/** Every served resource, preferred version first within each group (kubectl's order). */
export async function discoverResources(t: Transport): Promise<ApiResource[]> {
  const [core, groups] = await Promise.all(['/api', '/apis'].map((path) => t.json<AggregatedList>({ method: 'GET', path, accept: ACCEPT_AGGREGATED })));
  const out: ApiResource[] = [];
  for (const g of [...core!.items, ...groups!.items]) {
    for (const v of g.versions) {
      for (const r of v.resources) {
        out.push({
          group: g.metadata.name ?? '', version: v.version, resource: r.resource, singular: r.singularResource, kind: r.responseKind.kind,
          namespaced: r.scope === 'Namespaced', shortNames: r.shortNames ?? [], categories: r.categories ?? [], verbs: r.verbs,
          subresources: (r.subresources ?? []).map((s) => s.subresource),
        });
      }
    }
  }
  return out;
}

export class ResourceNotFound extends Error {
  constructor(readonly what: string) {
    super(`the server doesn't have a resource type "${what}"`);
  }
}

/**
 * Resolves what a user typed (kubectl's RESTMapper: plural, singular, short name, kind, each optionally
 * `.group` or `.version.group`) to one resource, or a category (`all`) to several. Case-insensitive.
 */
export function resolveResources(all: ApiResource[], typed: string): ApiResource[] {
  const found = findResources(all, typed);
  if (!found) throw new ResourceNotFound(typed);
  return found;
}

/** resolveResources without the error: undefined when nothing matches. */
export function findResources(all: ApiResource[], typed: string): ApiResource[] | undefined {
  const lower = typed.toLowerCase();
  const [name, ...rest] = lower.split('.');
  const suffix = rest.join('.');
  const matchesGroup = (r: ApiResource) => !suffix || r.group === suffix || `${r.version}.${r.group}`.replace(/\.$/, '') === suffix;
  const named = all.filter((r) => matchesGroup(r) && (r.resource === name || r.singular === name || r.kind.toLowerCase() === name || r.shortNames.includes(name!)));
  if (named.length) {
    // One per group: the group's preferred (first listed) version; the core and apps groups win ties, as kubectl's priority does.
    const seen = new Set<string>();
    return named.filter((r) => (seen.has(r.group + '/' + r.resource) ? false : (seen.add(r.group + '/' + r.resource), true))).slice(0, 1);
  }
  if (!suffix) {
    const category = all.filter((r) => r.categories.includes(lower));
    if (category.length) return category;
  }
  return undefined;
}

/** The REST path of a resource collection or object: /api/v1/namespaces/ns/pods[/name[/sub]]. */
export function resourcePath(r: ApiResource, namespace: string | undefined, name?: string, subresource?: string): string {
  const base = r.group ? `/apis/${r.group}/${r.version}` : `/api/${r.version}`;
  const ns = r.namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${base}${ns}/${r.resource}${name ? `/${encodeURIComponent(name)}` : ''}${subresource ? `/${subresource}` : ''}`;
}

/** `jobs.batch`, `pods`: how kubectl names a resource in messages such as `jobs.batch "x" not found`. */
export const qualifiedName = (r: ApiResource) => (r.group ? `${r.resource}.${r.group}` : r.resource);
