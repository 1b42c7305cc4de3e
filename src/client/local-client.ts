// The API as in-process controllers see it: the same registry (and so the same defaulting,
// validation and conflict rules) the HTTP handlers use, without HTTP. Controllers never touch
// the store directly.
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';
import { schemaPatchMeta } from '../apiserver/handlers/write.js';
import { selection } from '../apiserver/handlers/selection.js';
import { bindPod } from '../apiserver/registry/binding.js';
import { deleteObject, type DeleteOptions } from '../apiserver/registry/deletion.js';
import { resourcePrefix, ROOT } from '../apiserver/registry/keys.js';
import type { Registry } from '../apiserver/registry/registry.js';
import { decodeKV } from '../apiserver/registry/stored-form.js';
import { sharedDecode } from '../apiserver/registry/shared-decode.js';
import { applyPatch } from '../apiserver/patch/index.js';
import type { StoreEvent } from '../store/store.js';
import type { ApiClient, PatchType, Selectors, Watch, WatchEvent } from './api-client.js';

export type { WatchEvent, WatchType } from './api-client.js';

const PATCH_CONTENT_TYPES: Record<PatchType, string> = {
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  json: 'application/json-patch+json',
};

export class LocalClient implements ApiClient {
  constructor(readonly registry: Registry, private readonly kinds: KindDef[]) {}

  kind(group: string, kind: string): KindDef {
    const d = this.kinds.find((k) => k.group === group && k.kind === kind);
    if (!d) throw new Error(`unknown kind ${group}/${kind}`);
    return d;
  }

  /** Every kind with storage of its own (a kind served from another's storage is left out: same objects). */
  allKinds(): readonly KindDef[] { return this.kinds.filter((k) => !k.storedAs); }

  get(def: KindDef, namespace: string | undefined, name: string): Promise<KObject> { return this.registry.get(def, namespace, name); }

  async list(def: KindDef, namespace?: string, selectors: Selectors = {}): Promise<{ items: KObject[]; revision: number }> {
    const r = await this.registry.list(def, namespace);
    const sel = selection(def, selectors.labelSelector, selectors.fieldSelector);
    return { items: sel.everything ? r.items : r.items.filter(sel.matches), revision: r.revision };
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

  patch(def: KindDef, namespace: string | undefined, name: string, patch: unknown, opts: { type?: PatchType; subresource?: 'status' } = {}): Promise<KObject> {
    const body = JSON.stringify(patch);
    const ct = PATCH_CONTENT_TYPES[opts.type ?? 'merge'];
    return this.registry.guaranteedUpdate(def, namespace, name, (cur) => applyPatch(ct, cur, body, { model: def.model, meta: schemaPatchMeta }) as KObject, { subresource: opts.subresource });
  }

  /** Read-modify-write with conflict retries. */
  mutate(def: KindDef, namespace: string | undefined, name: string, fn: (cur: KObject) => KObject, opts: { subresource?: 'status' } = {}): Promise<KObject> {
    return this.registry.guaranteedUpdate(def, namespace, name, fn, opts);
  }

  async delete(def: KindDef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<KObject> {
    return (await deleteObject(this.registry, def, namespace, name, opts)).object;
  }

  bindPod(namespace: string, name: string, nodeName: string): Promise<void> {
    return bindPod(this.registry, this.kind('', 'Pod'), namespace, name, nodeName);
  }

  watch(def: KindDef, namespace: string | undefined, opts: Selectors & { fromRevision: number }, onEvent: (ev: WatchEvent) => void, onError?: (err: unknown) => void): Watch {
    const sel = selection(def, opts.labelSelector, opts.fieldSelector);
    try {
      return this.registry.store.watch(resourcePrefix(def, namespace), opts.fromRevision, (ev) => {
        const cur = sharedDecode(ev.kv, def);
        // Without selectors the previous version only says whether there was one: no need to parse it
        // (a pod write reaches a dozen in-process watchers).
        const before = !!ev.prev && (sel.everything || sel.matches(decodeKV(ev.prev, def)));
        const now = ev.type === 'PUT' && sel.matches(cur);
        if (ev.type === 'DELETE') { if (before) onEvent({ type: 'DELETED', object: cur }); return; }
        if (now) onEvent({ type: before ? 'MODIFIED' : 'ADDED', object: cur });
        else if (before) onEvent({ type: 'DELETED', object: cur });
      });
    } catch (e) {
      if (!onError) throw e;
      queueMicrotask(() => onError(e));
      return { stop() {} };
    }
  }

  /**
   * Events for the given kinds (as allKinds() lists them), with the kind each belongs to, for the
   * garbage collector. Writes to other kinds are not decoded.
   */
  watchAll(fromRevision: number, kinds: readonly KindDef[], onEvent: (def: KindDef, ev: WatchEvent) => void): Watch {
    const byPrefix = kinds.map((def) => [resourcePrefix(def), def] as const);
    return this.registry.store.watch(ROOT, fromRevision, (ev) => {
      const def = byPrefix.find(([prefix]) => ev.key.startsWith(prefix))?.[1];
      if (def) onEvent(def, toWatchEvent(ev, def));
    });
  }
}

function toWatchEvent(ev: StoreEvent, def: KindDef): WatchEvent {
  // The collector watches every kind: it shares the decoded version the other watchers already use.
  if (ev.type === 'DELETE') return { type: 'DELETED', object: sharedDecode(ev.kv, def) };
  return { type: ev.prev ? 'MODIFIED' : 'ADDED', object: sharedDecode(ev.kv, def) };
}
