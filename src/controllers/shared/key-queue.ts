// A minimal de-duplicating work queue: a key queued while being processed is processed again
// afterwards; failures are retried with exponential back-off (client-go workqueue semantics, reduced).

export class KeyQueue {
  private pending = new Set<string>();
  private active = new Set<string>();
  private failures = new Map<string, number>();
  private running = false;
  private stopped = false;
  private idleWaiters: Array<() => void> = [];

  constructor(private readonly work: (key: string) => Promise<void>, private readonly onError: (key: string, err: unknown) => void) {}

  add(key: string): void {
    if (this.stopped) return;
    this.pending.add(key);
    if (!this.running) { this.running = true; setImmediate(() => void this.drain()); }
  }

  addAfter(key: string, ms: number): void {
    setTimeout(() => this.add(key), ms).unref();
  }

  stop(): void { this.stopped = true; this.pending.clear(); }

  /** Resolves once nothing is queued or in progress (for tests and orderly shutdown). */
  idle(): Promise<void> {
    if (!this.running && this.pending.size === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }

  private async drain(): Promise<void> {
    while (this.pending.size && !this.stopped) {
      const key = this.pending.values().next().value as string;
      this.pending.delete(key);
      if (this.active.has(key)) continue;
      this.active.add(key);
      try {
        await this.work(key);
        this.failures.delete(key);
      } catch (err) {
        const n = (this.failures.get(key) ?? 0) + 1;
        this.failures.set(key, n);
        this.onError(key, err);
        this.addAfter(key, Math.min(5 * 2 ** n, 60_000)); // 10ms, 20ms, ... capped as client-go's default limiter is
      } finally {
        this.active.delete(key);
      }
    }
    this.running = false;
    const w = this.idleWaiters; this.idleWaiters = [];
    w.forEach((f) => f());
  }
}
