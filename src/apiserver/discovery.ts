// Discovery documents: legacy (/api, /apis, /api/v1, /apis/<g>/<v>) and aggregated
// (apidiscovery.k8s.io v2 and v2beta1, which kubectl 1.30+ asks for first: one request instead of
// one per group-version). Built once from the kind definitions.
import { createHash } from 'node:crypto';
import { gvString, type KindDef } from '../api/kind.js';

const FULL_VERBS = ['create', 'delete', 'deletecollection', 'get', 'list', 'patch', 'update', 'watch'];
const SUB_VERBS = ['get', 'patch', 'update'];

interface Sub { name: string; kind: string; group?: string; version?: string; verbs: string[] }

function subresources(d: KindDef): Sub[] {
  const subs: Sub[] = [];
  if (d.scale) subs.push({ name: 'scale', kind: 'Scale', group: 'autoscaling', version: 'v1', verbs: SUB_VERBS });
  if (d.statusSubresource) subs.push({ name: 'status', kind: d.kind, verbs: SUB_VERBS });
  for (const e of d.extraSubresources ?? []) subs.push({ name: e.name, kind: e.kind, verbs: e.verbs });
  return subs.sort((a, b) => a.name.localeCompare(b.name));
}

export interface GroupVersion { group: string; version: string; kinds: KindDef[] }

export class Discovery {
  readonly groupVersions: GroupVersion[];
  private cache = new Map<string, { body: string; etag: string }>();
  private resourceLists = new Map<string, object | undefined>();
  private byGroupVersion = new Map<string, GroupVersion>();

  constructor(kinds: KindDef[], private readonly serverAddress: string) {
    const byGV = new Map<string, GroupVersion>();
    for (const k of kinds) {
      const key = gvString(k);
      if (!byGV.has(key)) byGV.set(key, { group: k.group, version: k.version, kinds: [] });
      byGV.get(key)!.kinds.push(k);
    }
    for (const gv of byGV.values()) gv.kinds.sort((a, b) => a.plural.localeCompare(b.plural));
    // kube-apiserver orders groups by priority; core first, then alphabetical is close enough for clients.
    this.groupVersions = [...byGV.values()].sort((a, b) => a.group.localeCompare(b.group));
    for (const gv of this.groupVersions) this.byGroupVersion.set(`${gv.group}/${gv.version}`, gv);
  }

  apiVersions(): object {
    return { kind: 'APIVersions', versions: ['v1'], serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: this.serverAddress }] };
  }

  private groupEntry(gv: GroupVersion): object {
    const v = { groupVersion: gvString(gv), version: gv.version };
    return { name: gv.group, versions: [v], preferredVersion: v };
  }

  apiGroupList(): object {
    return { kind: 'APIGroupList', apiVersion: 'v1', groups: this.groupVersions.filter((g) => g.group).map((g) => this.groupEntry(g)) };
  }

  apiGroup(group: string): object | undefined {
    const gv = this.groupVersions.find((g) => g.group === group && group);
    return gv && { kind: 'APIGroup', apiVersion: 'v1', ...this.groupEntry(gv) };
  }

  /** Whether group/version is served (hot path: every resource request asks). */
  servesGroupVersion(group: string, version: string): boolean {
    return this.byGroupVersion.has(`${group}/${version}`);
  }

  resourceList(group: string, version: string): object | undefined {
    const key = `${group}/${version}`;
    if (!this.resourceLists.has(key)) this.resourceLists.set(key, this.buildResourceList(group, version));
    return this.resourceLists.get(key);
  }

  private buildResourceList(group: string, version: string): object | undefined {
    const gv = this.byGroupVersion.get(`${group}/${version}`);
    if (!gv) return undefined;
    const resources: object[] = [];
    for (const d of gv.kinds) {
      resources.push({
        name: d.plural, singularName: d.singular, namespaced: d.namespaced, kind: d.kind, verbs: d.verbs ?? FULL_VERBS,
        ...(d.shortNames?.length ? { shortNames: d.shortNames } : {}),
        ...(d.categories?.length ? { categories: d.categories } : {}),
      });
      for (const s of subresources(d)) {
        resources.push({
          name: `${d.plural}/${s.name}`, singularName: '', namespaced: d.namespaced,
          ...(s.group !== undefined ? { group: s.group, version: s.version } : {}), kind: s.kind, verbs: s.verbs,
        });
      }
    }
    return { kind: 'APIResourceList', apiVersion: 'v1', groupVersion: gvString(gv), resources };
  }

  /** Aggregated discovery for /api (core) or /apis (named groups), in version v2 or v2beta1. */
  aggregated(core: boolean, version: 'v2' | 'v2beta1'): { body: string; etag: string } {
    const key = `${core}/${version}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    const items = this.groupVersions.filter((g) => (core ? !g.group : !!g.group)).map((gv) => ({
      metadata: { name: gv.group, creationTimestamp: null },
      versions: [{
        version: gv.version,
        resources: gv.kinds.map((d) => ({
          resource: d.plural,
          responseKind: { group: '', version: '', kind: d.kind },
          scope: d.namespaced ? 'Namespaced' : 'Cluster',
          singularResource: d.singular,
          verbs: d.verbs ?? FULL_VERBS,
          ...(d.shortNames?.length ? { shortNames: d.shortNames } : {}),
          ...(d.categories?.length ? { categories: d.categories } : {}),
          ...(subresources(d).length ? {
            subresources: subresources(d).map((s) => ({
              subresource: s.name,
              responseKind: { group: s.group ?? '', version: s.version ?? '', kind: s.kind },
              verbs: s.verbs,
            })),
          } : {}),
        })),
        freshness: 'Current',
      }],
    }));
    const body = JSON.stringify({ kind: 'APIGroupDiscoveryList', apiVersion: `apidiscovery.k8s.io/${version}`, metadata: {}, items });
    const entry = { body, etag: `"${createHash('sha512').update(body).digest('hex').toUpperCase()}"` };
    this.cache.set(key, entry);
    return entry;
  }

  findKind(group: string, version: string, plural: string): KindDef | undefined {
    return this.byGroupVersion.get(`${group}/${version}`)?.kinds.find((k) => k.plural === plural);
  }
}
