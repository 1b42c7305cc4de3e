// ApiClient over HTTPS, for processes outside the server (`kubelite agent`): the same semantics as
// LocalClient (see api-client.ts), reached through the REST API kubectl uses.
import { gvString, type KindDef } from '../api/kind.js';
import { allKinds } from '../api/kinds/index.js';
import type { KObject } from '../api/object.js';
import type { DeleteOptions } from '../apiserver/registry/deletion.js';
import { isConflict, type ApiClient, type PatchType, type Selectors, type Watch, type WatchEvent } from './api-client.js';
import { httpWatch } from './http-watch.js';
import { Transport } from './http-transport.js';
import type { ClusterAccess } from './kubeconfig.js';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};
const LIST_PAGE_SIZE = 500; // as client-go's pager (tools/pager) default page size
const MUTATE_ATTEMPTS = 10; // as retry.DefaultRetry's steps plus headroom: busy objects (Node status) see races

interface ListBody { items?: KObject[]; metadata?: { resourceVersion?: string; continue?: string } }

export class HttpClient implements ApiClient {
  readonly transport: Transport;

  constructor(access: ClusterAccess | Transport, private readonly kinds: readonly KindDef[] = allKinds) {
    this.transport = access instanceof Transport ? access : new Transport(access);
  }

  kind(group: string, kind: string): KindDef {
    const d = this.kinds.find((k) => k.group === group && k.kind === kind);
    if (!d) throw new Error(`unknown kind ${group}/${kind}`);
    return d;
  }

  /** /api/v1[/namespaces/<ns>]/<plural>[/<name>[/<sub>]] (or /apis/<group>/<version>/...). */
  path(def: KindDef, namespace: string | undefined, name?: string, subresource?: string): string {
    let p = def.group ? `/apis/${def.group}/${def.version}` : `/api/${def.version}`;
    if (def.namespaced && namespace) p += `/namespaces/${encodeURIComponent(namespace)}`;
    p += `/${def.plural}`;
    if (name !== undefined) p += `/${encodeURIComponent(name)}`;
    if (subresource) p += `/${subresource}`;
    return p;
  }

  /** The body as the server expects it: apiVersion and kind of the served version. */
  private body(def: KindDef, obj: KObject): KObject {
    return { ...obj, apiVersion: gvString(def), kind: def.kind };
  }

  get(def: KindDef, namespace: string | undefined, name: string): Promise<KObject> {
    return this.transport.json({ method: 'GET', path: this.path(def, namespace, name) });
  }

  async list(def: KindDef, namespace?: string, selectors: Selectors = {}): Promise<{ items: KObject[]; revision: number }> {
    const items: KObject[] = [];
    let revision = 0;
    let cont: string | undefined;
    do {
      const q = selectorQuery(selectors);
      q.set('limit', String(LIST_PAGE_SIZE));
      if (cont) q.set('continue', cont);
      const page = await this.transport.json<ListBody>({ method: 'GET', path: `${this.path(def, namespace)}?${q}` });
      // The first page fixes the snapshot every later page is read at (the continue token carries it).
      if (!revision) revision = Number(page.metadata?.resourceVersion ?? 0);
      const apiVersion = gvString(def);
      for (const it of page.items ?? []) items.push({ apiVersion, kind: def.kind, ...it });
      cont = page.metadata?.continue || undefined;
    } while (cont);
    return { items, revision };
  }

  create(def: KindDef, obj: KObject): Promise<KObject> {
    return this.transport.json({ method: 'POST', path: this.path(def, obj.metadata.namespace), body: this.body(def, obj) });
  }

  update(def: KindDef, obj: KObject): Promise<KObject> {
    return this.transport.json({ method: 'PUT', path: this.path(def, obj.metadata.namespace, obj.metadata.name!), body: this.body(def, obj) });
  }

  updateStatus(def: KindDef, obj: KObject): Promise<KObject> {
    return this.transport.json({ method: 'PUT', path: this.path(def, obj.metadata.namespace, obj.metadata.name!, 'status'), body: this.body(def, obj) });
  }

  patch(def: KindDef, namespace: string | undefined, name: string, patch: unknown, opts: { type?: PatchType; subresource?: 'status' } = {}): Promise<KObject> {
    return this.transport.json({
      method: 'PATCH', path: this.path(def, namespace, name, opts.subresource), body: patch, contentType: PATCH_CONTENT_TYPES[opts.type ?? 'merge'],
    });
  }

  async mutate(def: KindDef, namespace: string | undefined, name: string, fn: (cur: KObject) => KObject, opts: { subresource?: 'status' } = {}): Promise<KObject> {
    for (let attempt = 1; ; attempt++) {
      const cur = await this.get(def, namespace, name);
      const rv = cur.metadata.resourceVersion;
      const next = fn(structuredClone(cur));
      // The write is conditional on the version read, so a concurrent change is a 409, not lost.
      const body = { ...next, metadata: { ...next.metadata, resourceVersion: rv } };
      try {
        return await (opts.subresource === 'status' ? this.updateStatus(def, body) : this.update(def, body));
      } catch (e) {
        if (!isConflict(e) || attempt >= MUTATE_ATTEMPTS) throw e;
      }
    }
  }

  delete(def: KindDef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<KObject> {
    const body = Object.keys(opts).length ? { apiVersion: 'v1', kind: 'DeleteOptions', ...opts } : undefined;
    return this.transport.json({ method: 'DELETE', path: this.path(def, namespace, name), body });
  }

  async bindPod(namespace: string, name: string, nodeName: string): Promise<void> {
    const pods = this.kind('', 'Pod');
    await this.transport.json({
      method: 'POST', path: this.path(pods, namespace, name, 'binding'),
      body: { apiVersion: 'v1', kind: 'Binding', metadata: { name, namespace }, target: { apiVersion: 'v1', kind: 'Node', name: nodeName } },
    });
  }

  watch(def: KindDef, namespace: string | undefined, opts: Selectors & { fromRevision: number }, onEvent: (ev: WatchEvent) => void, onError?: (err: unknown) => void): Watch {
    return httpWatch(this.transport, this.path(def, namespace), selectorQuery(opts), opts.fromRevision, onEvent, onError);
  }

  close(): void { this.transport.close(); }
}

function selectorQuery(s: Selectors): URLSearchParams {
  const q = new URLSearchParams();
  if (s.labelSelector) q.set('labelSelector', s.labelSelector);
  if (s.fieldSelector) q.set('fieldSelector', s.fieldSelector);
  return q;
}
