// launchOrBackOff with a hand-driven clock: when a waiting container is retried, and what it reports.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import { CrashLoopBackOff, imageBackOffKey } from './backoff.js';
import { launchOrBackOff, type LaunchContext } from './container-launch.js';
import { newRecord } from './container-record.js';
import type { StartOutcome } from './container-start.js';

const pod: Pod = { metadata: { name: 'p', namespace: 'default', uid: 'u1' }, spec: { containers: [{ name: 'c', image: 'nosuch' }] } };
const c: Container = pod.spec!.containers[0]!;
const PULL_FAILED: StartOutcome = { ok: false, waiting: { reason: 'ErrImagePull', message: 'not found' } };

function harness(now: number) {
  const backoff = new CrashLoopBackOff(10_000, 300_000);
  const log = { starts: 0, after: [] as number[], events: [] as string[] };
  const ctx: LaunchContext = {
    pod, uid: 'u1', backoff, backoffInitialMs: 10_000, now: () => now,
    event: (_t, reason) => log.events.push(reason),
    after: (ms) => log.after.push(ms),
    start: async () => { log.starts++; return PULL_FAILED; },
    running: () => assert.fail('nothing runs'),
  };
  return { ctx, backoff, log, setNow: (t: number) => { now = t; } };
}

const cases: Array<{ name: string; at: number; pulls: number; waiting: string; after: number[] }> = [
  { name: 'the retry timer on time: the image is pulled again (and fails: ErrImagePull, 20 s back-off)', at: 10_000, pulls: 1, waiting: 'ErrImagePull', after: [10_000] },
  { name: 'the retry timer 30 ms early (armed late in a long turn): still the retry, pulled again', at: 9_970, pulls: 1, waiting: 'ErrImagePull', after: [10_000] },
  { name: 'a sync 2 s early (another update of the pod): nothing now, a sync when the retry is due', at: 8_000, pulls: 0, waiting: 'ErrImagePull', after: [2_000] },
];
for (const k of cases) {
  test(k.name, async () => {
    const h = harness(0);
    const r = newRecord('c', false);
    // The first pull failed at t=0: ErrImagePull, a 10 s pull back-off, a retry due at 10 s.
    await launchOrBackOff(h.ctx, c, r);
    assert.deepEqual([h.log.starts, r.waiting?.reason, r.retryAt, h.log.after], [1, 'ErrImagePull', 10_000, [10_000]]);
    h.log.starts = 0;
    h.log.after = [];
    h.setNow(k.at);
    await launchOrBackOff(h.ctx, c, r);
    assert.deepEqual([h.log.starts, r.waiting?.reason, h.log.after], [k.pulls, k.waiting, k.after]);
  });
}

test('after the second failed pull the retry finds the 20 s back-off running: ImagePullBackOff, no pull', async () => {
  const h = harness(0);
  const r = newRecord('c', false);
  await launchOrBackOff(h.ctx, c, r); // t=0: pull fails, back-off 10 s
  h.setNow(10_000);
  await launchOrBackOff(h.ctx, c, r); // t=10 s: pull fails again, back-off 20 s
  assert.equal(h.backoff.inBackOffSinceUpdate(imageBackOffKey('u1', 'nosuch'), 10_000), 20_000);
  h.log.starts = 0;
  h.log.events = [];
  h.setNow(20_000);
  await launchOrBackOff(h.ctx, c, r);
  assert.deepEqual([h.log.starts, r.waiting?.reason, h.log.events], [0, 'ImagePullBackOff', ['BackOff']]);
});
