// The scheduling queue (pkg/scheduler/backend/queue/scheduling_queue.go, reduced): pods wait in an
// active FIFO; a pod that fits nowhere waits as unschedulable until a cluster change that could help
// (a node added or changed, a bound pod gone) moves it back, after its back-off (1 s doubling to
// 10 s per attempt); pods unschedulable for 5 minutes are retried regardless.
import type { Clock } from '../util/clock.js';
import { realTimers, type Timers } from '../client/workqueue.js';

const INITIAL_BACKOFF_MS = 1000; // podInitialBackoffDuration
const MAX_BACKOFF_MS = 10_000; // podMaxBackoffDuration
export const MAX_UNSCHEDULABLE_MS = 5 * 60_000; // podMaxInUnschedulablePodsDuration
const FLUSH_UNSCHEDULABLE_EVERY_MS = 30_000; // flushUnschedulablePodsLeftover period

export class SchedulingQueue {
  private readonly active = new Set<string>();
  private readonly unschedulable = new Map<string, number>(); // key → since
  private readonly backingOff = new Map<string, unknown>(); // key → timer
  private readonly attempts = new Map<string, { count: number; last: number }>();
  private waiter?: () => void;
  private flushTimer?: unknown;
  private closed = false;

  constructor(private readonly clock: Clock, private readonly timers: Timers = realTimers) {
    this.scheduleFlush();
  }

  /** A new or changed pending pod: try it now unless it is backing off. */
  add(key: string): void {
    if (this.closed || this.active.has(key) || this.backingOff.has(key)) return;
    this.unschedulable.delete(key);
    this.activateOrBackoff(key);
  }

  delete(key: string): void {
    this.active.delete(key);
    this.unschedulable.delete(key);
    this.attempts.delete(key);
    const t = this.backingOff.get(key);
    if (t !== undefined) { this.timers.clearTimeout(t); this.backingOff.delete(key); }
  }

  /** After a failed attempt: wait for a cluster change (or an error retry after back-off). */
  failed(key: string, retry: 'unschedulable' | 'error'): void {
    const a = this.attempts.get(key) ?? { count: 0, last: 0 };
    this.attempts.set(key, { count: a.count + 1, last: this.clock.now() });
    if (retry === 'error') this.backoff(key);
    else this.unschedulable.set(key, this.clock.now());
  }

  /** A scheduled pod needs no more bookkeeping. */
  done(key: string): void { this.delete(key); }

  /** A cluster change that may let unschedulable pods fit (MoveAllToActiveOrBackoffQueue). */
  moveAllToActiveOrBackoff(): void {
    for (const key of [...this.unschedulable.keys()]) { this.unschedulable.delete(key); this.activateOrBackoff(key); }
  }

  /** The next pod to schedule; resolves when one is there. */
  async pop(): Promise<string | undefined> {
    while (!this.closed) {
      const key = this.active.values().next().value as string | undefined;
      if (key !== undefined) { this.active.delete(key); return key; }
      await new Promise<void>((r) => { this.waiter = r; });
    }
    return undefined;
  }

  get pendingCount(): number { return this.active.size + this.unschedulable.size + this.backingOff.size; }

  hasActive(): boolean { return this.active.size > 0; }

  isUnschedulable(key: string): boolean { return this.unschedulable.has(key); }

  close(): void {
    this.closed = true;
    for (const t of this.backingOff.values()) this.timers.clearTimeout(t);
    if (this.flushTimer !== undefined) this.timers.clearTimeout(this.flushTimer);
    this.wake();
  }

  private backoffRemaining(key: string): number {
    const a = this.attempts.get(key);
    if (!a) return 0;
    const d = Math.min(INITIAL_BACKOFF_MS * 2 ** (a.count - 1), MAX_BACKOFF_MS);
    return a.last + d - this.clock.now();
  }

  private activateOrBackoff(key: string): void {
    if (this.backoffRemaining(key) > 0) this.backoff(key);
    else { this.active.add(key); this.wake(); }
  }

  private backoff(key: string): void {
    if (this.backingOff.has(key)) return;
    const ms = Math.max(this.backoffRemaining(key), 0);
    this.backingOff.set(key, this.timers.setTimeout(() => {
      this.backingOff.delete(key);
      if (!this.closed) { this.active.add(key); this.wake(); }
    }, ms));
  }

  private scheduleFlush(): void {
    this.flushTimer = this.timers.setTimeout(() => {
      if (this.closed) return;
      const now = this.clock.now();
      for (const [key, since] of [...this.unschedulable]) {
        if (now - since >= MAX_UNSCHEDULABLE_MS) { this.unschedulable.delete(key); this.activateOrBackoff(key); }
      }
      this.scheduleFlush();
    }, FLUSH_UNSCHEDULABLE_EVERY_MS);
  }

  private wake(): void {
    const w = this.waiter;
    this.waiter = undefined;
    w?.();
  }
}
