// Timers that follow a Clock: real ones in production, and FakeTimers that fire when a test advances
// its FakeClock, so simulated run times ("2s") are tested without sleeping.
import type { FakeClock } from '../../../util/clock.js';

export interface Timers {
  /** Calls fn once after ms; the returned function cancels it. */
  after(ms: number, fn: () => void): () => void;
}

export const realTimers: Timers = {
  after(ms, fn) {
    const t = setTimeout(fn, ms);
    return () => clearTimeout(t);
  },
};

export class FakeTimers implements Timers {
  private pending: Array<{ at: number; seq: number; fn: () => void }> = [];
  private seq = 0;

  constructor(readonly clock: FakeClock) {}

  after(ms: number, fn: () => void): () => void {
    const entry = { at: this.clock.now() + Math.max(0, ms), seq: this.seq++, fn };
    this.pending.push(entry);
    return () => { this.pending = this.pending.filter((e) => e !== entry); };
  }

  /** Moves the clock forward, firing every timer that falls due, in order, at its own time. */
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    for (;;) {
      this.pending.sort((a, b) => a.at - b.at || a.seq - b.seq);
      const next = this.pending[0];
      if (!next || next.at > end) break;
      this.pending.shift();
      this.clock.set(Math.max(this.clock.now(), next.at));
      next.fn();
    }
    this.clock.set(end);
  }

  get size(): number { return this.pending.length; }
}
