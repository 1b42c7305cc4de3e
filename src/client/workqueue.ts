// A rate-limited work queue with client-go's semantics (util/workqueue: queue.go, delaying_queue.go,
// default_rate_limiters.go): a key is processed by one worker at a time; a key added while it is
// processed runs again afterwards; a failed key is retried after a per-key exponential back-off
// (5 ms doubling to 1000 s, reset by success); a delayed add keeps only the earliest time per key.

/** Timers, injectable so tests drive time by hand. */
export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const realTimers: Timers = {
  setTimeout: (fn, ms) => { const t = setTimeout(fn, ms); t.unref?.(); return t; },
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

/** What a sync returns: nothing, or milliseconds after which to look at the key again. */
export type SyncResult = number | undefined | void;

export interface WorkQueueOptions {
  /** Keys processed at once (different keys only). Default 1, as most controllers' --concurrent-*-syncs are small. */
  concurrency?: number;
  baseDelayMs?: number;
  maxDelayMs?: number;
  timers?: Timers;
  onError?: (key: string, err: unknown) => void;
}

const BASE_DELAY_MS = 5; // as client-go DefaultControllerRateLimiter
const MAX_DELAY_MS = 1000_000;

export class WorkQueue {
  private readonly queue: string[] = [];
  private readonly dirty = new Set<string>();
  private readonly processing = new Set<string>();
  private readonly failures = new Map<string, number>();
  private readonly waiting = new Map<string, { at: number; handle: unknown }>();
  private readonly timers: Timers;
  private readonly concurrency: number;
  private readonly baseDelay: number;
  private readonly maxDelay: number;
  private readonly onError: (key: string, err: unknown) => void;
  private workers = 0;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly sync: (key: string) => Promise<SyncResult>, opts: WorkQueueOptions = {}) {
    this.timers = opts.timers ?? realTimers;
    this.concurrency = opts.concurrency ?? 1;
    this.baseDelay = opts.baseDelayMs ?? BASE_DELAY_MS;
    this.maxDelay = opts.maxDelayMs ?? MAX_DELAY_MS;
    this.onError = opts.onError ?? (() => {});
  }

  add(key: string): void {
    if (this.stopped || this.dirty.has(key)) return;
    this.dirty.add(key);
    if (this.processing.has(key)) return; // re-queued when its current run ends
    this.queue.push(key);
    this.kick();
  }

  /** Adds key after ms; an earlier pending add for the key wins. */
  addAfter(key: string, ms: number): void {
    if (this.stopped) return;
    if (ms <= 0) return this.add(key);
    const at = performance.now() + ms;
    const cur = this.waiting.get(key);
    if (cur && cur.at <= at) return;
    if (cur) this.timers.clearTimeout(cur.handle);
    const handle = this.timers.setTimeout(() => { this.waiting.delete(key); this.add(key); }, ms);
    this.waiting.set(key, { at, handle });
  }

  /** Adds key after its back-off; each call doubles the next. */
  addRateLimited(key: string): void {
    const n = this.failures.get(key) ?? 0;
    this.failures.set(key, n + 1);
    this.addAfter(key, Math.min(this.baseDelay * 2 ** n, this.maxDelay));
  }

  /** Clears key's back-off (after a success). */
  forget(key: string): void { this.failures.delete(key); }

  numRequeues(key: string): number { return this.failures.get(key) ?? 0; }

  get length(): number { return this.queue.length; }

  stop(): void {
    this.stopped = true;
    this.queue.length = 0;
    this.dirty.clear();
    for (const w of this.waiting.values()) this.timers.clearTimeout(w.handle);
    this.waiting.clear();
    this.settle();
  }

  /** Resolves once nothing is queued or being processed (delayed adds not counted). */
  idle(): Promise<void> {
    if (this.workers === 0 && this.queue.length === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private kick(): void {
    while (this.workers < this.concurrency && this.queue.length) {
      this.workers++;
      setImmediate(() => void this.work());
    }
  }

  private async work(): Promise<void> {
    while (!this.stopped && this.queue.length) {
      const key = this.queue.shift()!;
      this.dirty.delete(key);
      this.processing.add(key);
      try {
        const again = await this.sync(key);
        this.forget(key);
        if (typeof again === 'number') this.addAfter(key, again);
      } catch (err) {
        this.onError(key, err);
        this.addRateLimited(key);
      } finally {
        this.processing.delete(key);
        if (this.dirty.has(key) && !this.stopped) this.queue.push(key);
      }
    }
    this.workers--;
    this.settle();
  }

  private settle(): void {
    if (this.workers > 0 || this.queue.length) return;
    const w = this.idleWaiters;
    this.idleWaiters = [];
    w.forEach((f) => f());
  }
}
