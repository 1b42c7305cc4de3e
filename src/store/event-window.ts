// Serves watches from an in-memory window of recent events (as kube-apiserver's watch cache does),
// so no backend polls its database. Backends append committed events in revision order. Watchers
// with a trigger (store.ts WatchTrigger) are indexed by its value, as the watch cache's
// valueWatchers: an event is offered to the watchers of the values it is about, not to all.
import { StoreError, type StoreEvent, type TriggerFilter, type WatchTrigger, type Watcher } from './store.js';

interface Subscriber {
  prefix: string;
  /** Events at or below it are not delivered: a backend may report (and list at) a revision whose
   *  events it appends only later, once they are durable (SqliteStore). */
  from: number;
  onEvent: (ev: StoreEvent) => void;
}

export class EventWindow {
  private events: StoreEvent[] = [];
  private start = 0; // index of the oldest retained event in `events`
  private subscribers = new Set<Subscriber>();
  private indexed = new Map<WatchTrigger, Map<string, Set<Subscriber>>>();
  /** Events at or below this revision are no longer retained. */
  private floor: number;
  /** Every event up to this revision has been offered to the watchers of its time. */
  private newest: number;

  constructor(startRevision: number, private readonly capacity = 50_000) {
    this.floor = startRevision;
    this.newest = startRevision;
  }

  append(ev: StoreEvent): void {
    this.newest = ev.revision;
    this.events.push(ev);
    if (this.events.length - this.start > this.capacity) {
      this.floor = this.events[this.start]!.revision;
      this.start++;
      if (this.start > this.capacity) { this.events = this.events.slice(this.start); this.start = 0; }
    }
    for (const s of this.subscribers) deliver(s, ev);
    for (const [by, byValue] of this.indexed) {
      if (!ev.key.startsWith(by.prefix)) continue;
      const values = by.values(ev);
      values.forEach((v, i) => {
        if (values.indexOf(v) !== i) return; // each watcher once, when before and after agree
        for (const s of byValue.get(v) ?? []) deliver(s, ev);
      });
    }
  }

  /** The oldest revision a watch may start from. */
  oldest(): number { return this.floor; }

  compact(revision: number): void {
    while (this.start < this.events.length && this.events[this.start]!.revision <= revision) this.start++;
    this.floor = Math.max(this.floor, revision);
  }

  watch(prefix: string, fromRevision: number, onEvent: (ev: StoreEvent) => void, trigger?: TriggerFilter): Watcher {
    if (fromRevision < this.floor) {
      throw new StoreError('Compacted', `required revision ${fromRevision} has been compacted`, undefined, this.floor);
    }
    // History is replayed unindexed: the watcher's own filter decides, as for any event.
    for (let i = this.start; i < this.events.length; i++) {
      const ev = this.events[i]!;
      if (ev.revision > fromRevision && ev.key.startsWith(prefix)) onEvent(ev);
    }
    const sub: Subscriber = { prefix, from: fromRevision, onEvent };
    const progress = () => Math.max(fromRevision, this.newest);
    if (!trigger) {
      this.subscribers.add(sub);
      return { stop: () => { this.subscribers.delete(sub); }, progress };
    }
    const byValue = this.indexed.get(trigger.by) ?? new Map<string, Set<Subscriber>>();
    this.indexed.set(trigger.by, byValue);
    const set = byValue.get(trigger.value) ?? new Set<Subscriber>();
    byValue.set(trigger.value, set);
    set.add(sub);
    return {
      progress,
      stop: () => {
        set.delete(sub);
        if (set.size === 0 && byValue.get(trigger.value) === set) byValue.delete(trigger.value);
        if (byValue.size === 0 && this.indexed.get(trigger.by) === byValue) this.indexed.delete(trigger.by);
      },
    };
  }

  stopAll(): void {
    this.subscribers.clear();
    this.indexed.clear();
  }
}

function deliver(s: Subscriber, ev: StoreEvent): void {
  if (ev.revision > s.from && ev.key.startsWith(s.prefix)) s.onEvent(ev);
}
