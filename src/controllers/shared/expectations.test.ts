import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FakeClock } from '../../util/clock.js';
import { EXPECTATIONS_TIMEOUT_MS, Expectations, UidExpectations } from './expectations.js';

test('an unknown key is satisfied', () => {
  assert.equal(new Expectations(new FakeClock(0)).satisfied('ns/a'), true);
});

test('expected creations and deletions hold the key until each is observed', () => {
  const e = new Expectations(new FakeClock(0));
  e.expect('ns/a', 2, 1);
  const seen: boolean[] = [];
  e.creationObserved('ns/a'); seen.push(e.satisfied('ns/a'));
  e.creationObserved('ns/a'); seen.push(e.satisfied('ns/a'));
  e.deletionObserved('ns/a'); seen.push(e.satisfied('ns/a'));
  assert.deepEqual(seen, [false, false, true]);
});

test('raise adds to a pending record; forget drops it', () => {
  const e = new Expectations(new FakeClock(0));
  e.expect('k', 1, 0);
  e.raise('k', 1, 0);
  e.creationObserved('k');
  assert.equal(e.satisfied('k'), false);
  e.forget('k');
  assert.equal(e.satisfied('k'), true);
});

test('a record older than the timeout no longer holds the key', () => {
  const clock = new FakeClock(0);
  const e = new Expectations(clock);
  e.expect('k', 1, 0);
  clock.advance(EXPECTATIONS_TIMEOUT_MS);
  assert.equal(e.satisfied('k'), false);
  clock.advance(1);
  assert.equal(e.satisfied('k'), true);
});

test('uid expectations track each uid until observed', () => {
  const u = new UidExpectations();
  u.expect('k', ['a', 'b']);
  u.observed('k', 'a');
  assert.deepEqual([u.isPending('k', 'a'), u.isPending('k', 'b'), [...u.pendingUids('k')]], [false, true, ['b']]);
  u.observed('k', 'b');
  assert.equal(u.pendingUids('k').size, 0);
});
