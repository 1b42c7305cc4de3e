// The failed-pods back-off (client-go util/flowcontrol/backoff.go, as kube-controller-manager builds it
// for DaemonSets: NewBackOff(1s, 15min)). Per key the delay starts at 1 s and doubles at each Next;
// an entry untouched for twice the maximum starts over, and GC forgets those.
import type { Clock } from '../../util/clock.js';
import type { BackoffView } from './manage.js';

export const FAILED_POD_BACKOFF_INITIAL_MS = 1_000;
export const FAILED_POD_BACKOFF_MAX_MS = 15 * 60_000;

interface Entry { backoff: number; lastUpdate: number }

export class Backoff implements BackoffView {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly clock: Clock, private readonly initialMs = FAILED_POD_BACKOFF_INITIAL_MS, private readonly maxMs = FAILED_POD_BACKOFF_MAX_MS) {}

  private expired(e: Entry, now: number): boolean { return now - e.lastUpdate > 2 * this.maxMs; }

  /** IsInBackOffSinceUpdate + Get: the key's current delay while it has not passed since the last Next. */
  inBackoff(key: string): number | undefined {
    const e = this.entries.get(key);
    const now = this.clock.now();
    if (!e || this.expired(e, now)) return undefined;
    return now - e.lastUpdate < e.backoff ? e.backoff : undefined;
  }

  next(key: string): void {
    const now = this.clock.now();
    const e = this.entries.get(key);
    if (!e || this.expired(e, now)) this.entries.set(key, { backoff: this.initialMs, lastUpdate: now });
    else { e.backoff = Math.min(e.backoff * 2, this.maxMs); e.lastUpdate = now; }
  }

  gc(): void {
    const now = this.clock.now();
    for (const [k, e] of this.entries) if (this.expired(e, now)) this.entries.delete(k);
  }
}
