// In-memory backend, for tests and `--store memory`. Same contract as SQLite, nothing persisted.
import { EventWindow } from '../event-window.js';
import { StoreError, type KeyValue, type ListOptions, type ListResult, type Store, type StoreEvent, type TriggerFilter, type Watcher } from '../store.js';

export class MemoryStore implements Store {
  private data = new Map<string, KeyValue>();
  private rev = 0;
  private window = new EventWindow(0);
  private closed = false;

  revision(): number { return this.rev; }

  async get(key: string): Promise<KeyValue | undefined> { return this.data.get(key); }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    const keys = [...this.data.keys()].filter((k) => k.startsWith(prefix) && (!opts.startKey || k >= opts.startKey)).sort();
    const limit = opts.limit && opts.limit > 0 ? opts.limit : keys.length;
    return { items: keys.slice(0, limit).map((k) => this.data.get(k)!), revision: this.rev, more: keys.length > limit };
  }

  async count(prefix: string, startKey?: string): Promise<number> {
    let n = 0;
    for (const k of this.data.keys()) if (k.startsWith(prefix) && (!startKey || k >= startKey)) n++;
    return n;
  }

  async create(key: string, value: string): Promise<KeyValue> {
    this.check();
    if (this.data.has(key)) throw new StoreError('KeyExists', `key ${key} already exists`, this.data.get(key));
    const kv = { key, value, createRevision: ++this.rev, modRevision: this.rev };
    this.commit({ type: 'PUT', key, revision: this.rev, kv });
    return kv;
  }

  async update(key: string, value: string, expected: number): Promise<KeyValue> {
    this.check();
    const prev = this.data.get(key);
    if (!prev) throw new StoreError('KeyNotFound', `key ${key} not found`);
    if (prev.modRevision !== expected) throw new StoreError('RevisionMismatch', `key ${key} was modified`, prev);
    const kv = { key, value, createRevision: prev.createRevision, modRevision: ++this.rev };
    this.commit({ type: 'PUT', key, revision: this.rev, kv, prev });
    return kv;
  }

  async delete(key: string, expected?: number): Promise<KeyValue> {
    this.check();
    const prev = this.data.get(key);
    if (!prev) throw new StoreError('KeyNotFound', `key ${key} not found`);
    if (expected !== undefined && prev.modRevision !== expected) throw new StoreError('RevisionMismatch', `key ${key} was modified`, prev);
    this.commit({ type: 'DELETE', key, revision: ++this.rev, kv: { ...prev, modRevision: this.rev }, prev });
    return prev;
  }

  watch(prefix: string, fromRevision: number, onEvent: (ev: StoreEvent) => void, trigger?: TriggerFilter): Watcher {
    return this.window.watch(prefix, fromRevision, onEvent, trigger);
  }

  async compact(revision: number): Promise<void> { this.window.compact(revision); }

  async close(): Promise<void> { this.closed = true; this.window.stopAll(); }

  private check(): void { if (this.closed) throw new StoreError('Closed', 'store is closed'); }

  private commit(ev: StoreEvent): void {
    if (ev.type === 'PUT') this.data.set(ev.key, ev.kv);
    else this.data.delete(ev.key);
    this.window.append(ev);
  }
}
