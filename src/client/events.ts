import { randomInt } from 'node:crypto';
// Records core/v1 Events the way client-go's tools/record does for kubelet and controllers
// (events_cache.go EventCorrelator): an identical event (same source, object, type, reason and
// message) patches count and lastTimestamp of the event already written; more than ten distinct
// messages for one object and reason within ten minutes collapse into one
// "(combined from similar events): ..." event; and one source writes at most 25 events about one
// object, then one more every five minutes (the spam filter: a ReplicaSet scaled to 1,000 shows
// 25 SuccessfulCreate writes, as on a cluster). Writes never block the caller.
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';
import { rfc3339, type Clock } from '../util/clock.js';
import { isNotFound, type ApiClient } from './api-client.js';

export type EventType = 'Normal' | 'Warning';

export interface EventSource { component: string; host?: string }

export interface EventOptions {
  /** The part of the object the event is about, e.g. `spec.containers{kubia}` (kubelet). */
  fieldPath?: string;
  /** What was done (events.k8s.io `action`), e.g. `Binding` for the scheduler. */
  action?: string;
}

const LRU_CACHE_ENTRIES = 4096; // as upstream maxLruCacheEntries
const AGGREGATE_MAX_EVENTS = 10; // as upstream defaultAggregateMaxEvents
const AGGREGATE_INTERVAL_MS = 600_000; // as upstream defaultAggregateIntervalInSeconds
const AGGREGATED_PREFIX = '(combined from similar events): ';
const SPAM_BURST = 25; // as upstream defaultSpamBurst
const SPAM_REFILL_PER_MS = 1 / 300_000; // as upstream defaultSpamQPS: one event every five minutes

interface Logged {
  namespace: string;
  name: string;
  count: number;
  body: KObject;
  /** Writes for one event run in order, so a repeat patches what its first sighting created. */
  write: Promise<void>;
}

interface Similar { messages: Set<string>; last: number }

/** A token bucket (golang.org/x/time/rate, as flowcontrol's): full at first. */
interface Bucket { tokens: number; at: number }

/** A small LRU: Map keeps insertion order; a hit is moved to the end. */
class Lru<V> {
  private readonly map = new Map<string, V>();
  constructor(private readonly max: number) {}
  get(k: string): V | undefined {
    const v = this.map.get(k);
    if (v !== undefined) { this.map.delete(k); this.map.set(k, v); }
    return v;
  }
  set(k: string, v: V): void {
    this.map.delete(k);
    this.map.set(k, v);
    if (this.map.size > this.max) this.map.delete(this.map.keys().next().value as string);
  }
}

export class EventRecorder {
  private readonly def: KindDef;
  private readonly logged = new Lru<Logged>(LRU_CACHE_ENTRIES);
  private readonly similar = new Lru<Similar>(LRU_CACHE_ENTRIES);
  private readonly spam = new Lru<Bucket>(LRU_CACHE_ENTRIES);
  private readonly pending = new Set<Promise<void>>();
  private readonly reportingInstance: string;
  private readonly log: (m: string) => void;
  private lastNanos = 0n;

  constructor(
    private readonly client: ApiClient,
    private readonly source: EventSource,
    private readonly clock: Clock,
    opts: { reportingInstance?: string; log?: (m: string) => void } = {},
  ) {
    this.def = client.kind('', 'Event');
    // Legacy recorders report the source host as the instance (record/event.go makeEvent).
    this.reportingInstance = opts.reportingInstance ?? source.host ?? '';
    this.log = opts.log ?? (() => {});
  }

  /** Records an event about obj; returns at once (the write happens in the background). */
  event(obj: KObject, type: EventType, reason: string, message: string, opts: EventOptions = {}): void {
    const now = this.clock.now();
    const ref = involvedObject(obj, opts.fieldPath);
    const { component, host = '' } = this.source;
    // Keys join their parts with NUL, which no name, kind, uid or reason holds (the message, which
    // might, comes last, so the parts still split one way only).
    const object = [component, host, ref.kind, ref.namespace, ref.name, ref.uid, ref.apiVersion].join('\u0000');
    // upstream's EventAggregatorByReasonFunc (no fieldPath) and getEventKey (fieldPath and message)
    const aggregateKey = [object, type, reason, component, this.reportingInstance].join('\u0000');
    const combined = this.combined(aggregateKey, message, now);
    if (combined) message = AGGREGATED_PREFIX + message;
    // A combined event is one event for every message (upstream keys it by the aggregate key).
    const key = combined ? aggregateKey : [object, ref.fieldPath ?? '', type, reason, message].join('\u0000');
    // As upstream, an event the spam filter drops is still counted (a later write carries the count).
    const dropped = this.spammed(object, now);
    const ts = rfc3339(now);
    const seen = this.logged.get(key);
    if (seen) {
      seen.count++;
      if (dropped) return;
      const count = seen.count;
      seen.write = seen.write.then(() => this.patch(seen, count, ts, message));
      this.track(seen.write);
      return;
    }
    const namespace = obj.metadata.namespace || 'default'; // cluster-scoped objects' events live in default
    const name = `${obj.metadata.name ?? ''}.${this.nextSuffix(now)}`;
    const body: KObject = {
      apiVersion: 'v1', kind: 'Event',
      metadata: { name, namespace },
      involvedObject: ref, reason, message,
      source: { component: this.source.component, ...(this.source.host ? { host: this.source.host } : {}) },
      firstTimestamp: ts, lastTimestamp: ts, count: 1, type,
      eventTime: null,
      ...(opts.action ? { action: opts.action } : {}),
      reportingComponent: this.source.component,
      reportingInstance: this.reportingInstance,
    };
    const entry: Logged = { namespace, name, count: 1, body, write: Promise.resolve() };
    this.logged.set(key, entry);
    if (dropped) return; // a repeat patches a missing event, then creates it (as upstream)
    entry.write = this.client.create(this.def, body).then(() => undefined, (e) => this.log(`event ${namespace}/${entry.name}: ${String(e)}`));
    this.track(entry.write);
  }

  /** EventSourceObjectSpamFilter: whether this source has used up its events about the object. */
  private spammed(objectKey: string, now: number): boolean {
    const b = this.spam.get(objectKey) ?? { tokens: SPAM_BURST, at: now };
    b.tokens = Math.min(SPAM_BURST, b.tokens + Math.max(0, now - b.at) * SPAM_REFILL_PER_MS);
    b.at = now;
    const allowed = b.tokens >= 1;
    if (allowed) b.tokens -= 1;
    this.spam.set(objectKey, b);
    return !allowed;
  }

  /** Resolves once every write started so far has finished (tests, orderly shutdown). */
  async flush(): Promise<void> {
    while (this.pending.size) await Promise.all([...this.pending]);
  }

  /** EventAggregator: too many distinct messages for one object and reason in the interval → one combined event. */
  private combined(aggregateKey: string, message: string, now: number): boolean {
    let rec = this.similar.get(aggregateKey);
    if (!rec || now - rec.last > AGGREGATE_INTERVAL_MS) rec = { messages: new Set(), last: now };
    rec.messages.add(message);
    rec.last = now;
    this.similar.set(aggregateKey, rec);
    if (rec.messages.size < AGGREGATE_MAX_EVENTS) return false;
    rec.messages.delete(message); // upstream pops one so the set stays below the maximum
    return true;
  }

  private async patch(entry: Logged, count: number, ts: string, message: string): Promise<void> {
    try {
      await this.client.patch(this.def, entry.namespace, entry.name, { count, lastTimestamp: ts, message }, { type: 'merge' });
    } catch (e) {
      // The event may have expired (events have a TTL): record it afresh, as client-go does.
      if (!isNotFound(e)) { this.log(`event ${entry.namespace}/${entry.name}: ${String(e)}`); return; }
      await this.client.create(this.def, { ...entry.body, count, lastTimestamp: ts, message })
        .catch((err) => this.log(`event ${entry.namespace}/${entry.name}: ${String(err)}`));
    }
  }

  /**
   * UnixNano in hex, as client-go names events. The clock has millisecond precision, so random
   * sub-millisecond nanoseconds keep recorders (scheduler, kubelet) writing about one object in the
   * same millisecond from choosing one name; strictly increasing within a recorder.
   */
  private nextSuffix(nowMs: number): string {
    let n = BigInt(Math.floor(nowMs)) * 1_000_000n + BigInt(randomInt(1_000_000));
    if (n <= this.lastNanos) n = this.lastNanos + 1n;
    this.lastNanos = n;
    return n.toString(16);
  }

  private track(p: Promise<void>): void {
    this.pending.add(p);
    void p.finally(() => this.pending.delete(p));
  }
}

/** The ObjectReference an event points at (client-go tools/reference GetReference). */
export function involvedObject(obj: KObject, fieldPath?: string): Record<string, string> {
  const ref: Record<string, string> = { kind: obj.kind ?? '' };
  if (obj.metadata.namespace) ref.namespace = obj.metadata.namespace;
  ref.name = obj.metadata.name ?? '';
  if (obj.metadata.uid) ref.uid = obj.metadata.uid;
  ref.apiVersion = obj.apiVersion ?? '';
  if (obj.metadata.resourceVersion) ref.resourceVersion = obj.metadata.resourceVersion;
  if (fieldPath) ref.fieldPath = fieldPath;
  return ref;
}
