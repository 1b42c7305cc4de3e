// A shared informer, reduced (client-go tools/cache: reflector.go + shared_informer.go): lists a kind,
// keeps the objects in a cache keyed `namespace/name` (or `name`), then watches from the list's
// revision and calls handlers for each change. When the watch fails (e.g. 410 Gone) it lists again
// and replays the difference as add/update/delete, so handlers and cache never miss a change.
// Cached objects are shared: handlers and readers must not mutate them.
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';
import type { ApiClient, Selectors, Watch } from './api-client.js';

export interface Handlers<T extends KObject = KObject> {
  onAdd?(obj: T): void;
  onUpdate?(oldObj: T, newObj: T): void;
  onDelete?(obj: T): void;
}

export const objectKey = (obj: KObject): string =>
  obj.metadata.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;

const RELIST_DELAY_MS = 1000; // after a failed list, as the reflector's back-off starts at about a second

export class Informer<T extends KObject = KObject> {
  private readonly cache = new Map<string, T>();
  private readonly handlers: Array<Handlers<T>> = [];
  /** client-go's Indexers: index name → (object → values) and value → keys. */
  private readonly indexers = new Map<string, (obj: T) => string[]>();
  private readonly indexes = new Map<string, Map<string, Set<string>>>();
  private watch?: Watch;
  private stopped = false;
  private synced = false;
  private relistTimer?: ReturnType<typeof setTimeout>;
  private resyncTimer?: ReturnType<typeof setInterval>;

  constructor(
    private readonly client: ApiClient,
    readonly def: KindDef,
    private readonly opts: {
      namespace?: string; selectors?: Selectors; log?: (m: string) => void;
      /** Every resyncMs, handlers get onUpdate(obj, obj) for each cached object (client-go's resync period). */
      resyncMs?: number;
    } = {},
  ) {}

  /** Handlers added after start get an onAdd for every cached object, as client-go's do. */
  addHandlers(h: Handlers<T>): void {
    this.handlers.push(h);
    if (this.synced) for (const o of this.cache.values()) h.onAdd?.(o);
  }

  /** Lists, fills the cache (calling onAdd), and starts watching. Resolves once synced. */
  async start(): Promise<void> {
    await this.relist();
    if (this.opts.resyncMs && !this.resyncTimer) {
      this.resyncTimer = setInterval(() => this.resync(), this.opts.resyncMs);
      this.resyncTimer.unref?.();
    }
  }

  /** What a resync period does: every cached object to every handler as an update to itself. */
  resync(): void {
    for (const o of [...this.cache.values()]) for (const h of this.handlers) h.onUpdate?.(o, o);
  }

  stop(): void {
    this.stopped = true;
    this.watch?.stop();
    if (this.relistTimer) clearTimeout(this.relistTimer);
    if (this.resyncTimer) clearInterval(this.resyncTimer);
  }

  hasSynced(): boolean { return this.synced; }

  get(key: string): T | undefined { return this.cache.get(key); }

  list(): IterableIterator<T> { return this.cache.values(); }

  get size(): number { return this.cache.size; }

  /** Adds an index (e.g. pods by owner uid); call before start. */
  addIndex(name: string, values: (obj: T) => string[]): void {
    this.indexers.set(name, values);
    const idx = new Map<string, Set<string>>();
    this.indexes.set(name, idx);
    for (const [k, o] of this.cache) this.indexAdd(name, idx, k, o);
  }

  /** Cached objects whose index `name` has value. */
  byIndex(name: string, value: string): T[] {
    const keys = this.indexes.get(name)?.get(value);
    if (!keys) return [];
    return [...keys].map((k) => this.cache.get(k)!);
  }

  private indexAdd(name: string, idx: Map<string, Set<string>>, key: string, obj: T): void {
    for (const v of this.indexers.get(name)!(obj)) {
      let keys = idx.get(v);
      if (!keys) idx.set(v, (keys = new Set()));
      keys.add(key);
    }
  }

  private reindex(key: string, old: T | undefined, obj: T | undefined): void {
    for (const [name, idx] of this.indexes) {
      if (old) for (const v of this.indexers.get(name)!(old)) {
        const keys = idx.get(v);
        keys?.delete(key);
        if (keys?.size === 0) idx.delete(v);
      }
      if (obj) this.indexAdd(name, idx, key, obj);
    }
  }

  private async relist(): Promise<void> {
    if (this.stopped) return;
    this.watch?.stop();
    let items: KObject[];
    let revision: number;
    try {
      ({ items, revision } = await this.client.list(this.def, this.opts.namespace, this.opts.selectors));
    } catch (e) {
      this.opts.log?.(`informer ${this.def.plural}: list failed: ${String(e)}`);
      this.scheduleRelist();
      return;
    }
    if (this.stopped) return;
    this.replace(items as T[]);
    this.synced = true;
    this.watch = this.client.watch(this.def, this.opts.namespace, { ...this.opts.selectors, fromRevision: revision }, (ev) => {
      const obj = ev.object as T;
      if (ev.type === 'DELETED') this.remove(obj);
      else this.upsert(obj);
    }, (err) => {
      this.opts.log?.(`informer ${this.def.plural}: watch ended: ${String(err)}; listing again`);
      void this.relist();
    });
  }

  private scheduleRelist(): void {
    this.relistTimer = setTimeout(() => void this.relist(), RELIST_DELAY_MS);
    this.relistTimer.unref?.();
  }

  /** DeltaFIFO.Replace: objects gone from the new list are deleted; the rest added or updated. */
  private replace(items: T[]): void {
    const seen = new Set<string>();
    for (const o of items) { seen.add(objectKey(o)); this.upsert(o); }
    for (const [k, o] of [...this.cache]) if (!seen.has(k)) this.remove(o);
  }

  private upsert(obj: T): void {
    const k = objectKey(obj);
    const old = this.cache.get(k);
    if (old && old.metadata.resourceVersion === obj.metadata.resourceVersion) return; // a relist's unchanged object
    this.cache.set(k, obj);
    this.reindex(k, old, obj);
    for (const h of this.handlers) old ? h.onUpdate?.(old, obj) : h.onAdd?.(obj);
  }

  private remove(obj: T): void {
    const k = objectKey(obj);
    const old = this.cache.get(k);
    if (!old) return;
    this.cache.delete(k);
    this.reindex(k, old, undefined);
    for (const h of this.handlers) h.onDelete?.(obj);
  }
}
