import assert from 'node:assert/strict';
import { test } from 'node:test';
import { rfc3339 } from './clock.js';

test('rfc3339: whole seconds in UTC, the same text within a second, right again after a jump back', () => {
  const t = Date.parse('2026-11-24T23:22:26Z');
  assert.equal(rfc3339(t), '2026-11-24T23:22:26Z');
  assert.equal(rfc3339(t + 999), '2026-11-24T23:22:26Z');
  assert.equal(rfc3339(t + 1000), '2026-11-24T23:22:27Z');
  assert.equal(rfc3339(t - 86_400_000), '2026-11-23T23:22:26Z');
  assert.equal(rfc3339(t + 1), '2026-11-24T23:22:26Z');
});
