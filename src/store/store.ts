// The revisioned key-value contract, shaped like etcd's: every write bumps one global revision,
// values carry the revision that created and last modified them, writes are conditional on that
// revision, and watches replay from a revision. Everything above the store speaks only this.

export interface KeyValue {
  key: string;
  value: string;
  createRevision: number;
  modRevision: number;
}

export type WatchEventType = 'PUT' | 'DELETE';

/**
 * A watch cache trigger (kube-apiserver's IndexerFuncs, e.g. a pod's spec.nodeName): the values an
 * event under `prefix` is about (the object's, before and after). A watcher registered for one value
 * is offered only the events about it, so a thousand kubelets' pod watches do not each look at every
 * pod's events. One object per index: watchers of the same index share its computation per event.
 */
export interface WatchTrigger {
  prefix: string;
  values(ev: StoreEvent): readonly string[];
}

/** A watcher's place in a trigger's index: the necessary condition its own filter also checks. */
export interface TriggerFilter { by: WatchTrigger; value: string }

export interface StoreEvent {
  type: WatchEventType;
  key: string;
  revision: number;
  /** The new value for PUT; the last value for DELETE. */
  kv: KeyValue;
  /** The value before this event (undefined for a create). */
  prev?: KeyValue;
}

export interface ListOptions {
  /** Only keys >= startKey (for paging). */
  startKey?: string;
  limit?: number;
}

export interface ListResult {
  items: KeyValue[];
  revision: number;
  /** True when limit cut the result short. */
  more: boolean;
}

export interface Watcher {
  stop(): void;
  /**
   * The revision up to which every event has been offered to this watcher (the event window's
   * newest), even when a trigger let none of them through: what a bookmark may report.
   */
  progress?(): number;
}

export class StoreError extends Error {
  constructor(
    readonly code: 'KeyExists' | 'KeyNotFound' | 'RevisionMismatch' | 'Compacted' | 'Closed',
    message: string,
    /** For RevisionMismatch: the current value; for Compacted: the oldest revision still watchable. */
    readonly current?: KeyValue,
    readonly compactRevision?: number,
  ) {
    super(message);
  }
}

export interface Store {
  /** The revision of the last committed write. */
  revision(): number;
  get(key: string): Promise<KeyValue | undefined>;
  /** All live keys with this prefix, in key order, at the current revision. */
  list(prefix: string, opts?: ListOptions): Promise<ListResult>;
  /** How many live keys have this prefix (and are >= startKey, when given). */
  count(prefix: string, startKey?: string): Promise<number>;
  /** Creates key only if absent; resolves to the new revision after it is committed. */
  create(key: string, value: string): Promise<KeyValue>;
  /** Replaces key only if its modRevision equals expected. */
  update(key: string, value: string, expectedModRevision: number): Promise<KeyValue>;
  /** Deletes key, only if its modRevision equals expected when one is given. Resolves to the deleted value. */
  delete(key: string, expectedModRevision?: number): Promise<KeyValue>;
  /**
   * Delivers every event on keys under prefix with revision > fromRevision, in order, then live.
   * With a trigger, live events reach the watcher only when the trigger names its value for them.
   * Throws StoreError Compacted when fromRevision is older than the retained window.
   */
  watch(prefix: string, fromRevision: number, onEvent: (ev: StoreEvent) => void, trigger?: TriggerFilter): Watcher;
  /** Forgets history up to revision: watches from older revisions fail with Compacted. */
  compact(revision: number): Promise<void>;
  close(): Promise<void>;
}
