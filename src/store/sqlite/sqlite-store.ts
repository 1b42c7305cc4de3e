// The embedded default backend: one SQLite file in WAL mode. Writes that arrive in the same turn of
// the event loop are committed in one transaction (group commit). A write is acknowledged (its
// promise resolves, its watch event goes out) only once the WAL holding it is on disk, so it
// survives kill -9 and power loss alike. The fdatasync of the WAL runs on libuv's thread pool, not
// in SQLite's COMMIT (synchronous=FULL would block the event loop ~1.5 ms per batch): the next
// batches commit while it runs, and one sync then acknowledges them all.
import { chmodSync, closeSync, fdatasync, fdatasyncSync, openSync } from 'node:fs';
import Database from 'better-sqlite3';
import { EventWindow } from '../event-window.js';
import { StoreError, type KeyValue, type ListOptions, type ListResult, type Store, type StoreEvent, type TriggerFilter, type Watcher } from '../store.js';

type Op =
  | { kind: 'create'; key: string; value: string }
  | { kind: 'update'; key: string; value: string; expected: number }
  | { kind: 'delete'; key: string; expected?: number };

interface Pending { op: Op; resolve: (kv: KeyValue) => void; reject: (e: unknown) => void }

/** A committed batch waiting for the WAL sync that makes it durable. */
interface Committed { batch: Pending[]; outcomes: Array<{ ev?: StoreEvent; err?: unknown }> }

interface Row { key: string; value: string; create_rev: number; mod_rev: number }

const RECENT_KEYS = 8192; // latest versions kept (see SqliteStore.recent): a burst's writes and their follow-ups

const toKV = (r: Row): KeyValue => ({ key: r.key, value: r.value, createRevision: r.create_rev, modRevision: r.mod_rev });

/** Smallest string greater than every string starting with prefix, for range scans. */
function prefixEnd(prefix: string): string {
  return prefix + '\uffff';
}

export class SqliteStore implements Store {
  private db: Database.Database;
  private rev: number;
  private window: EventWindow;
  private queue: Pending[] = [];
  private flushScheduled = false;
  private closed = false;
  /** The WAL file, synced after each commit (SQLite's own sync is off: synchronous=NORMAL). */
  private readonly walFd: number;
  private unsynced: Committed[] = [];
  /** The WAL sync in flight, if any. */
  private syncing?: Promise<void>;
  private stmt;
  /**
   * The latest version of recently written keys. A write's `prev` (and a delete's event) is then the
   * very KeyValue the key's last event carried, which every watcher has already decoded once
   * (shared-decode.ts keys on it), instead of a fresh read to be parsed again. Insertion-ordered, bounded.
   */
  private readonly recent = new Map<string, KeyValue>();

  constructor(file: string) {
    this.db = new Database(file);
    chmodSync(file, 0o600); // secrets live here; SQLite gives its -wal/-shm files the same mode
    this.db.pragma('journal_mode = WAL');
    // NORMAL: SQLite syncs the WAL only at checkpoints; every commit is synced by syncWal instead.
    this.db.pragma('synchronous = NORMAL');
    // A rowid table, not WITHOUT ROWID: stored objects are ~1 KB and more, and a WITHOUT ROWID
    // b-tree keeps only ~1 KB of a row in its 4 KB page, spilling the rest to an overflow page each
    // (10,000 pods: 45 MB on disk, 4x the reads per list and get; see sqlite.org/withoutrowid.html).
    this.db.exec(`
      CREATE TABLE IF NOT EXISTS kv (key TEXT PRIMARY KEY, value TEXT NOT NULL, create_rev INTEGER NOT NULL, mod_rev INTEGER NOT NULL);
      CREATE TABLE IF NOT EXISTS meta (name TEXT PRIMARY KEY, value INTEGER NOT NULL);
      INSERT OR IGNORE INTO meta (name, value) VALUES ('revision', 0), ('compacted', 0);
    `);
    this.stmt = {
      get: this.db.prepare<[string], Row>('SELECT key, value, create_rev, mod_rev FROM kv WHERE key = ?'),
      modRev: this.db.prepare<[string], { mod_rev: number }>('SELECT mod_rev FROM kv WHERE key = ?'),
      list: this.db.prepare<[string, string], Row>('SELECT key, value, create_rev, mod_rev FROM kv WHERE key >= ? AND key < ? ORDER BY key'),
      listLimit: this.db.prepare<[string, string, number], Row>('SELECT key, value, create_rev, mod_rev FROM kv WHERE key >= ? AND key < ? ORDER BY key LIMIT ?'),
      count: this.db.prepare<[string, string], { n: number }>('SELECT count(*) AS n FROM kv WHERE key >= ? AND key < ?'),
      insert: this.db.prepare('INSERT INTO kv (key, value, create_rev, mod_rev) VALUES (?, ?, ?, ?)'),
      replace: this.db.prepare('UPDATE kv SET value = ?, mod_rev = ? WHERE key = ?'),
      remove: this.db.prepare('DELETE FROM kv WHERE key = ?'),
      setRev: this.db.prepare("UPDATE meta SET value = ? WHERE name = 'revision'"),
      getMeta: this.db.prepare<[string], { value: number }>('SELECT value FROM meta WHERE name = ?'),
      setCompacted: this.db.prepare("UPDATE meta SET value = ? WHERE name = 'compacted'"),
    };
    this.rev = this.stmt.getMeta.get('revision')!.value;
    // The WAL exists while a connection is open (SQLite keeps and reuses the file, so this fd stays valid).
    this.walFd = openSync(`${file}-wal`, 'r');
    // History before this process started is not in memory: watches must start at or after now.
    this.window = new EventWindow(this.rev);
  }

  revision(): number { return this.rev; }

  async get(key: string): Promise<KeyValue | undefined> {
    const r = this.stmt.get.get(key);
    return r ? toKV(r) : undefined;
  }

  async list(prefix: string, opts: ListOptions = {}): Promise<ListResult> {
    const from = opts.startKey && opts.startKey > prefix ? opts.startKey : prefix;
    if (opts.limit && opts.limit > 0) {
      const rows = this.stmt.listLimit.all(from, prefixEnd(prefix), opts.limit + 1);
      const more = rows.length > opts.limit;
      return { items: rows.slice(0, opts.limit).map(toKV), revision: this.rev, more };
    }
    return { items: this.stmt.list.all(from, prefixEnd(prefix)).map(toKV), revision: this.rev, more: false };
  }

  async count(prefix: string, startKey?: string): Promise<number> {
    const from = startKey && startKey > prefix ? startKey : prefix;
    return this.stmt.count.get(from, prefixEnd(prefix))!.n;
  }

  create(key: string, value: string): Promise<KeyValue> { return this.enqueue({ kind: 'create', key, value }); }
  update(key: string, value: string, expected: number): Promise<KeyValue> { return this.enqueue({ kind: 'update', key, value, expected }); }
  delete(key: string, expected?: number): Promise<KeyValue> { return this.enqueue({ kind: 'delete', key, expected }); }

  watch(prefix: string, fromRevision: number, onEvent: (ev: StoreEvent) => void, trigger?: TriggerFilter): Watcher {
    return this.window.watch(prefix, fromRevision, onEvent, trigger);
  }

  async compact(revision: number): Promise<void> {
    this.window.compact(revision);
    this.stmt.setCompacted.run(revision);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    // The sync in flight acknowledges what it covers before its file descriptor is closed.
    await this.syncing;
    fdatasyncSync(this.walFd);
    this.acknowledge(this.unsynced.splice(0));
    this.window.stopAll();
    closeSync(this.walFd);
    this.db.close();
  }

  private enqueue(op: Op): Promise<KeyValue> {
    if (this.closed) return Promise.reject(new StoreError('Closed', 'store is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ op, resolve, reject });
      if (!this.flushScheduled) { this.flushScheduled = true; setImmediate(() => this.flush()); }
    });
  }

  /** Applies every queued write in one transaction; failed preconditions reject only their own write. */
  private flush(): void {
    this.flushScheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    const outcomes: Array<{ ev?: StoreEvent; err?: unknown }> = [];
    const startRev = this.rev;
    try {
      this.db.transaction(() => {
        for (const p of batch) outcomes.push(this.apply(p.op));
        this.stmt.setRev.run(this.rev);
      })();
    } catch (err) {
      this.rev = startRev; // the transaction rolled back: nothing in this batch happened
      for (const p of batch) p.reject(err);
      return;
    }
    for (const { ev } of outcomes) {
      if (!ev) continue;
      this.recent.delete(ev.key);
      if (ev.type === 'PUT') this.recent.set(ev.key, ev.kv);
    }
    for (const k of this.recent.keys()) { if (this.recent.size <= RECENT_KEYS) break; this.recent.delete(k); }
    this.unsynced.push({ batch, outcomes });
    this.syncWal();
  }

  /**
   * One fdatasync of the WAL at a time; it covers every batch committed before it started, and the
   * batches committed meanwhile wait for the next one (group commit across syncs). Outcomes are
   * delivered in commit order, so watch events stay in revision order.
   */
  private syncWal(): void {
    if (this.syncing || this.unsynced.length === 0 || this.closed) return;
    const covered = this.unsynced;
    this.unsynced = [];
    this.syncing = new Promise((resolve) => fdatasync(this.walFd, (err) => {
      this.syncing = undefined;
      if (err) {
        // Committed but maybe not on disk: fail the writes rather than acknowledge what may be lost.
        for (const c of covered) for (const p of c.batch) p.reject(new Error(`syncing the write-ahead log: ${err.message}`));
      } else this.acknowledge(covered);
      resolve();
      this.syncWal();
    }));
  }

  private acknowledge(committed: Committed[]): void {
    for (const { batch, outcomes } of committed) {
      batch.forEach((p, i) => {
        const o = outcomes[i]!;
        if (o.ev) { this.window.append(o.ev); p.resolve(o.ev.type === 'DELETE' ? o.ev.prev! : o.ev.kv); }
        else p.reject(o.err);
      });
    }
  }

  /** The stored version of key, as the object its last event carried when that is still it. */
  private current(key: string): KeyValue | undefined {
    const stored = this.stmt.modRev.get(key);
    if (!stored) return undefined;
    const known = this.recent.get(key);
    if (known && known.modRevision === stored.mod_rev) return known;
    const row = this.stmt.get.get(key);
    return row ? toKV(row) : undefined;
  }

  private apply(op: Op): { ev?: StoreEvent; err?: unknown } {
    const prev = this.current(op.key);
    switch (op.kind) {
      case 'create': {
        if (prev) return { err: new StoreError('KeyExists', `key ${op.key} already exists`, prev) };
        const rev = ++this.rev;
        this.stmt.insert.run(op.key, op.value, rev, rev);
        return { ev: { type: 'PUT', key: op.key, revision: rev, kv: { key: op.key, value: op.value, createRevision: rev, modRevision: rev } } };
      }
      case 'update': {
        if (!prev) return { err: new StoreError('KeyNotFound', `key ${op.key} not found`) };
        if (prev.modRevision !== op.expected) return { err: new StoreError('RevisionMismatch', `key ${op.key} was modified`, prev) };
        const rev = ++this.rev;
        this.stmt.replace.run(op.value, rev, op.key);
        return { ev: { type: 'PUT', key: op.key, revision: rev, kv: { key: op.key, value: op.value, createRevision: prev.createRevision, modRevision: rev }, prev } };
      }
      case 'delete': {
        if (!prev) return { err: new StoreError('KeyNotFound', `key ${op.key} not found`) };
        if (op.expected !== undefined && prev.modRevision !== op.expected) return { err: new StoreError('RevisionMismatch', `key ${op.key} was modified`, prev) };
        const rev = ++this.rev;
        this.stmt.remove.run(op.key);
        return { ev: { type: 'DELETE', key: op.key, revision: rev, kv: { ...prev, modRevision: rev }, prev } };
      }
    }
  }
}
