import assert from 'node:assert/strict';
import { test } from 'node:test';
import { backoffDelayMs, finishedTime, MAX_JOB_POD_FAILURE_BACKOFF_MS, nextBackoffRecord, NO_BACKOFF, remainingBackoffMs } from './backoff.js';
import { pod, T0 } from './testing.js';

test('the delay doubles per failure from the base, capped at 10 minutes', () => {
  assert.deepEqual([0, 1, 2, 3, 6].map((n) => backoffDelayMs(n, 10_000)), [0, 10_000, 20_000, 40_000, 320_000]);
  assert.equal(backoffDelayMs(7, 10_000), MAX_JOB_POD_FAILURE_BACKOFF_MS);
  assert.equal(backoffDelayMs(30, 1000), MAX_JOB_POD_FAILURE_BACKOFF_MS);
  assert.deepEqual([1, 2, 3].map((n) => backoffDelayMs(n, 1000)), [1000, 2000, 4000]);
});

test('remaining time counts from the last failure', () => {
  const r = { failuresAfterLastSuccess: 2, lastFailureTime: T0 };
  assert.deepEqual([remainingBackoffMs(r, T0, 10_000), remainingBackoffMs(r, T0 + 15_000, 10_000), remainingBackoffMs(r, T0 + 25_000, 10_000)], [20_000, 5000, 0]);
  assert.equal(remainingBackoffMs(NO_BACKOFF, T0, 10_000), 0);
});

test('failures add up; a success keeps only the failures that finished after it', () => {
  const f = (name: string, sec: number) => pod(name, { phase: 'Failed', finishedAt: sec });
  const s = (name: string, sec: number) => pod(name, { phase: 'Succeeded', finishedAt: sec });
  const one = nextBackoffRecord(NO_BACKOFF, [], [f('a', 5), f('b', 3)]);
  assert.deepEqual(one, { failuresAfterLastSuccess: 2, lastFailureTime: T0 + 5000 });
  assert.deepEqual(nextBackoffRecord(one, [s('c', 10)], []), { failuresAfterLastSuccess: 0 });
  assert.deepEqual(nextBackoffRecord(one, [s('c', 10)], [f('d', 8), f('e', 12)]), { failuresAfterLastSuccess: 1, lastFailureTime: T0 + 12_000 });
  assert.equal(nextBackoffRecord(one, [], []), one);
});

test('finish time: containers, else Ready=False, else deletion less grace, else creation', () => {
  assert.equal(finishedTime(pod('a', { phase: 'Failed', finishedAt: 7 })), T0 + 7000);
  const deleted = pod('b', { deleting: true });
  assert.equal(finishedTime(deleted), T0 - 30_000);
  const readyFalse = pod('c', { created: 1 });
  readyFalse.status!.conditions = [{ type: 'Ready', status: 'False', lastTransitionTime: new Date(T0 + 4000).toISOString() }];
  assert.equal(finishedTime(readyFalse), T0 + 4000);
  assert.equal(finishedTime(pod('d', { created: 2 })), T0 + 2000);
});
