import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkQueue, type Timers } from './workqueue.js';

/** Timers fired by hand: advance(ms) runs what is due, in order. */
class ManualTimers implements Timers {
  now = 0;
  private seq = 0;
  private readonly due = new Map<number, { at: number; fn: () => void }>();
  setTimeout(fn: () => void, ms: number): unknown { const id = ++this.seq; this.due.set(id, { at: this.now + ms, fn }); return id; }
  clearTimeout(h: unknown): void { this.due.delete(h as number); }
  advance(ms: number): void {
    this.now += ms;
    for (const [id, t] of [...this.due].sort((a, b) => a[1].at - b[1].at)) if (t.at <= this.now) { this.due.delete(id); t.fn(); }
  }
  pending(): number[] { return [...this.due.values()].map((t) => t.at - this.now); }
}

test('a key added many times before it runs is processed once', async () => {
  const seen: string[] = [];
  const q = new WorkQueue(async (k) => { seen.push(k); });
  q.add('a'); q.add('b'); q.add('a');
  await q.idle();
  assert.deepEqual(seen, ['a', 'b']);
});

test('a key added while it is processed runs again afterwards, never concurrently', async () => {
  const seen: string[] = [];
  let running = 0;
  let q!: WorkQueue;
  q = new WorkQueue(async (k) => {
    running++;
    assert.equal(running, 1);
    if (seen.push(k) === 1) q.add('a');
    await new Promise((r) => setImmediate(r));
    running--;
  }, { concurrency: 4 });
  q.add('a');
  await q.idle();
  assert.deepEqual(seen, ['a', 'a']);
});

test('failures back off exponentially per key; success forgets', async () => {
  const timers = new ManualTimers();
  let fail = 3;
  const errors: string[] = [];
  const q = new WorkQueue(async () => { if (fail-- > 0) throw new Error('boom'); }, { timers, onError: (k) => errors.push(k) });
  q.add('a');
  await q.idle();
  assert.deepEqual(timers.pending(), [5]);
  timers.advance(5); await q.idle();
  assert.deepEqual(timers.pending(), [10]);
  timers.advance(10); await q.idle();
  assert.deepEqual(timers.pending(), [20]);
  timers.advance(20); await q.idle();
  assert.deepEqual([timers.pending(), errors.length, q.numRequeues('a')], [[], 3, 0]);
});

test('a sync returning a number looks at the key again after that long; the earliest delayed add wins', async () => {
  const timers = new ManualTimers();
  const q = new WorkQueue(async () => 1000, { timers });
  q.add('a');
  await q.idle();
  q.addAfter('a', 300);
  assert.deepEqual(timers.pending(), [300]);
  q.addAfter('a', 5000);
  assert.deepEqual(timers.pending(), [300]);
});
