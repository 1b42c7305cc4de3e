import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job } from 'kubernetes-types/batch/v1.js';
import { FakeClock } from '../../util/clock.js';
import { ttlTimeLeft } from './ttl.js';

const T0 = Date.parse('2026-11-24T10:00:00Z');

function job(opts: { ttl?: number; done?: 'Complete' | 'Failed' | 'FailureTarget'; finished?: string | null; deleting?: boolean }): Job {
  const conditions = opts.done ? [{ type: opts.done, status: 'True', ...(opts.finished === null ? {} : { lastTransitionTime: opts.finished ?? '2026-11-24T10:00:00Z' }) }] : [];
  return Object.freeze({
    metadata: { name: 'j', namespace: 'default', ...(opts.deleting ? { deletionTimestamp: '2026-11-24T10:00:01Z' } : {}) },
    spec: { template: {}, ...(opts.ttl === undefined ? {} : { ttlSecondsAfterFinished: opts.ttl }) },
    status: { conditions },
  });
}

const cases: Array<{ name: string; job: Job; advanceMs: number; want: number | undefined }> = [
  { name: 'complete, TTL not yet run out: requeue at expiry', job: job({ ttl: 5, done: 'Complete' }), advanceMs: 2_000, want: 3_000 },
  { name: 'complete, TTL run out: delete now', job: job({ ttl: 5, done: 'Complete' }), advanceMs: 5_000, want: 0 },
  { name: 'failed Jobs expire too (finish time from the Failed condition)', job: job({ ttl: 60, done: 'Failed', finished: '2026-11-24T09:59:30Z' }), advanceMs: 0, want: 30_000 },
  { name: 'TTL 0: delete as soon as finished', job: job({ ttl: 0, done: 'Complete' }), advanceMs: 0, want: 0 },
  { name: 'no TTL: never', job: job({ done: 'Complete' }), advanceMs: 1e9, want: undefined },
  { name: 'not finished: nothing yet', job: job({ ttl: 5 }), advanceMs: 1e9, want: undefined },
  { name: 'FailureTarget is not finished', job: job({ ttl: 5, done: 'FailureTarget' }), advanceMs: 1e9, want: undefined },
  { name: 'already being deleted: nothing', job: job({ ttl: 5, done: 'Complete', deleting: true }), advanceMs: 1e9, want: undefined },
];

for (const c of cases) {
  test(`ttl: ${c.name}`, () => {
    const clock = new FakeClock(T0);
    clock.advance(c.advanceMs);
    const left = ttlTimeLeft(c.job, clock.now());
    assert.equal(left === undefined ? undefined : Math.max(0, left.remainingMs), c.want);
  });
}

test('ttl: a finished condition without lastTransitionTime is an error (retried with back-off)', () => {
  assert.throws(() => ttlTimeLeft(job({ ttl: 5, done: 'Complete', finished: null }), T0), /unable to find the time when the Job default\/j finished/);
});
