import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CrashLoopBackOff, backOffEventMessage, backOffMessage, goDuration } from './backoff.js';

const T0 = Date.UTC(2025, 0, 1);
const pod = { metadata: { name: 'kubia', namespace: 'default', uid: 'u-1' } };

test('first exit restarts at once, then 10s, 20s, 40s ... capped at 5m', () => {
  const b = new CrashLoopBackOff();
  let now = T0;
  const waits: number[] = [];
  for (let i = 0; i < 8; i++) {
    const finishedAt = now; // the container crashes as soon as it starts
    const d = b.decide('k', finishedAt, now);
    if (!d.backOff) { waits.push(0); continue; }
    waits.push(d.remainingMs);
    now += d.remainingMs;
    assert.equal(b.decide('k', finishedAt, now).backOff, false);
  }
  assert.deepEqual(waits, [0, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
});

test('remaining time counts from when the container finished', () => {
  const b = new CrashLoopBackOff();
  b.decide('k', T0, T0); // first restart, back-off now 10s
  assert.equal(b.inBackOff('k', T0 + 1000, T0 + 4000), 7000);
  assert.equal(b.inBackOff('k', T0 + 1000, T0 + 11_000), 0);
});

test('image pulls back off from the last failed pull: 10s, then 20s after the next failure', () => {
  const b = new CrashLoopBackOff();
  assert.equal(b.inBackOffSinceUpdate('img', T0), 0); // never failed: pull at once
  b.next('img', T0, T0); // first pull failed
  assert.equal(b.inBackOffSinceUpdate('img', T0 + 4000), 6000);
  assert.equal(b.inBackOffSinceUpdate('img', T0 + 10_000), 0);
  b.next('img', T0 + 10_000, T0 + 10_000); // second pull failed
  assert.equal(b.inBackOffSinceUpdate('img', T0 + 15_000), 15_000);
});

const resetCases = [
  { name: 'ran exactly 10 min: still backs off', ranMs: 600_000, wantBackOff: true },
  { name: 'ran over 10 min: back-off reset, restarts at once', ranMs: 600_001, wantBackOff: false },
];
for (const c of resetCases) test(`reset rule: ${c.name}`, () => {
  const b = new CrashLoopBackOff();
  b.decide('k', T0, T0);
  b.decide('k', T0, T0 + 10_000); // started at T0+10s with back-off 20s
  const finishedAt = T0 + 10_000 + c.ranMs;
  const d = b.decide('k', finishedAt, finishedAt);
  assert.equal(d.backOff, c.wantBackOff);
  if (!c.wantBackOff) assert.equal(b.get('k'), 10_000);
});

test('keys are independent; gc drops stale entries', () => {
  const b = new CrashLoopBackOff();
  b.decide('a', T0, T0);
  assert.equal(b.get('a'), 10_000);
  assert.equal(b.get('b'), 0);
  b.gc(T0 + 600_000);
  assert.equal(b.get('a'), 10_000);
  b.gc(T0 + 600_001);
  assert.equal(b.get('a'), 0);
});

test('messages', () => {
  assert.equal(backOffMessage(10_000, 'kubia', pod), 'back-off 10s restarting failed container=kubia pod=kubia_default(u-1)');
  assert.equal(backOffMessage(300_000, 'kubia', pod), 'back-off 5m0s restarting failed container=kubia pod=kubia_default(u-1)');
  assert.equal(backOffEventMessage('kubia', pod), 'Back-off restarting failed container kubia in pod kubia_default(u-1)');
});

for (const [ms, want] of [[0, '0s'], [500, '500ms'], [10_000, '10s'], [80_000, '1m20s'], [160_000, '2m40s'], [3_600_000, '1h0m0s'], [1500, '1.5s']] as const) {
  test(`goDuration(${ms}) = ${want}`, () => assert.equal(goDuration(ms), want));
}
