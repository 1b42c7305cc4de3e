// The API as in-process controllers see it: the same registry (and so the same defaulting,
// validation and conflict rules) the HTTP handlers use, without HTTP. Controllers never touch
// the store directly.
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';
import { resourcePrefix, ROOT } from '../apiserver/registry/keys.js';
import { decodeKV, type Registry } from '../apiserver/registry/registry.js';
import { deleteObject, type DeleteOptions } from '../apiserver/registry/deletion.js';
import type { StoreEvent } from '../store/store.js';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent { type: WatchType; object: KObject }

export class LocalClient {
  constructor(readonly registry: Registry, private readonly kinds: KindDef[]) {}

  kind(group: string, kind: string): KindDef {
    const d = this.kinds.find((k) => k.group === group && k.kind === kind);
    if (!d) throw new Error(`unknown kind ${group}/${kind}`);
    return d;
  }

  /** Every kind with storage of its own (a kind served from another's storage is left out: same objects). */
  allKinds(): readonly KindDef[] { return this.kinds.filter((k) => !k.storedAs); }

  get(def: KindDef, namespace: string | undefined, name: string): Promise<KObject> { return this.registry.get(def, namespace, name); }

  async list(def: KindDef, namespace?: string): Promise<{ items: KObject[]; revision: number }> {
    const r = await this.registry.list(def, namespace);
    return { items: r.items, revision: r.revision };
  }

  /**
   * Visits every object of a kind page by page, yielding to the event loop between pages, so a
   * controller reading a large store at start does not stall requests. Returns the revision to watch from.
   */
  async forEachPage(def: KindDef, fn: (items: KObject[]) => void, pageSize = 500): Promise<number> {
    let startKey: string | undefined;
    let revision = this.registry.store.revision();
    for (let first = true; ; first = false) {
      const page = await this.registry.list(def, undefined, { startKey, limit: pageSize });
      if (first) revision = page.revision;
      fn(page.items);
      if (!page.more || !page.lastKey) return revision;
      startKey = page.lastKey + '\u0000';
      await new Promise((r) => setImmediate(r));
    }
  }

  create(def: KindDef, obj: KObject): Promise<KObject> { return this.registry.create(def, obj.metadata.namespace, obj); }

  update(def: KindDef, obj: KObject): Promise<KObject> { return this.registry.update(def, obj.metadata.namespace, obj.metadata.name!, obj); }

  updateStatus(def: KindDef, obj: KObject): Promise<KObject> {
    return this.registry.update(def, obj.metadata.namespace, obj.metadata.name!, obj, { subresource: 'status' });
  }

  /** Read-modify-write with conflict retries. */
  mutate(def: KindDef, namespace: string | undefined, name: string, fn: (cur: KObject) => KObject): Promise<KObject> {
    return this.registry.guaranteedUpdate(def, namespace, name, fn);
  }

  async delete(def: KindDef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<KObject> {
    return (await deleteObject(this.registry, def, namespace, name, opts)).object;
  }

  /** Events for one kind (all namespaces) after `fromRevision`. */
  watch(def: KindDef, fromRevision: number, onEvent: (ev: WatchEvent) => void): { stop(): void } {
    return this.registry.store.watch(resourcePrefix(def), fromRevision, (ev) => onEvent(toWatchEvent(ev, def)));
  }

  /** Events for every kind, with the kind each belongs to, for the garbage collector. */
  watchAll(fromRevision: number, onEvent: (def: KindDef, ev: WatchEvent) => void): { stop(): void } {
    return this.registry.store.watch(ROOT, fromRevision, (ev) => {
      const def = this.kindOfKey(ev.key);
      if (def) onEvent(def, toWatchEvent(ev, def));
    });
  }

  /** The kind a key is stored under (for shared storage, the storing kind: core Event, not events.k8s.io). */
  private kindOfKey(key: string): KindDef | undefined {
    return this.kinds.find((k) => !k.storedAs && key.startsWith(resourcePrefix(k)));
  }
}

function toWatchEvent(ev: StoreEvent, def: KindDef): WatchEvent {
  if (ev.type === 'DELETE') return { type: 'DELETED', object: decodeKV(ev.kv, def) };
  return { type: ev.prev ? 'MODIFIED' : 'ADDED', object: decodeKV(ev.kv, def) };
}
