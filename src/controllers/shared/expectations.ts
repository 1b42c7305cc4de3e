// Controller expectations (pkg/controller/controller_utils.go): a controller that has just asked for N
// creations or deletions must not act on the same owner again until its cache has seen them, or a
// lagging cache makes it create twice. Expectations lapse after five minutes (ExpectationsTimeout), so
// a lost watch event delays a controller but never wedges it.
import type { Clock } from '../../util/clock.js';

export const EXPECTATIONS_TIMEOUT_MS = 5 * 60_000; // as upstream ExpectationsTimeout

interface Pending { add: number; del: number; at: number }

export class Expectations {
  private readonly pending = new Map<string, Pending>();

  constructor(private readonly clock: Clock, private readonly timeoutMs = EXPECTATIONS_TIMEOUT_MS) {}

  /** True when the controller may act on key: nothing pending, all observed, or the record expired. */
  satisfied(key: string): boolean {
    const p = this.pending.get(key);
    if (!p) return true;
    return (p.add <= 0 && p.del <= 0) || this.clock.now() - p.at > this.timeoutMs;
  }

  /** Replaces key's record (SetExpectations). */
  expect(key: string, adds: number, dels: number): void {
    this.pending.set(key, { add: adds, del: dels, at: this.clock.now() });
  }

  /** Adds to key's record, keeping its timestamp if it has one (RaiseExpectations). */
  raise(key: string, adds: number, dels: number): void {
    const p = this.pending.get(key);
    if (p) { p.add += adds; p.del += dels; } else this.expect(key, adds, dels);
  }

  /** A creation was seen in the cache, or will never happen (a failed create). */
  creationObserved(key: string): void { this.lower(key, 1, 0); }

  /** A deletion was seen in the cache, or will never happen (a failed delete). */
  deletionObserved(key: string): void { this.lower(key, 0, 1); }

  forget(key: string): void { this.pending.delete(key); }

  private lower(key: string, adds: number, dels: number): void {
    const p = this.pending.get(key);
    if (p) { p.add -= adds; p.del -= dels; }
  }
}

/**
 * UIDTrackingExpectations: which pods' changes (e.g. a finalizer's removal) the controller has asked for
 * and not yet seen, by pod uid, so it neither repeats nor counts them twice.
 */
export class UidExpectations {
  private readonly pending = new Map<string, Set<string>>();

  expect(key: string, uids: Iterable<string>): void {
    let set = this.pending.get(key);
    if (!set) this.pending.set(key, (set = new Set()));
    for (const u of uids) set.add(u);
  }

  observed(key: string, uid: string): void {
    const set = this.pending.get(key);
    set?.delete(uid);
    if (set?.size === 0) this.pending.delete(key);
  }

  isPending(key: string, uid: string): boolean { return this.pending.get(key)?.has(uid) ?? false; }

  pendingUids(key: string): ReadonlySet<string> { return this.pending.get(key) ?? new Set(); }

  forget(key: string): void { this.pending.delete(key); }
}
