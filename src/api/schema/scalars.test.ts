import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { rfc3339Error, timeError } from './scalars.js';

test('timeError: well-formed times pass; each kind of failure in Go\'s words', () => {
  for (const ok of ['2026-01-01T00:00:00Z', '2026-12-31T23:59:59.123456789+05:30', '2026-02-30T10:00:00,5-01:00']) assert.equal(timeError(ok), undefined, ok);
  assert.equal(timeError('2026-13-01T00:00:00Z'), 'parsing time "2026-13-01T00:00:00Z": month out of range');
  assert.equal(timeError('2026-01-01 00:00:00Z'), 'parsing time "2026-01-01 00:00:00Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 00:00:00Z" as "T"');
  assert.equal(timeError('2026-01-01T00:00:00Zjunk'), 'parsing time "2026-01-01T00:00:00Zjunk": extra text: "junk"');
});

test('timeError\'s whole-layout fast path agrees with the element walk', () => {
  const d2 = fc.integer({ min: 0, max: 99 }).map((n) => String(n).padStart(2, '0'));
  const times = fc.tuple(fc.integer({ min: 0, max: 9999 }), d2, d2, d2, d2, d2, fc.constantFrom('', '.5', ',123', '.'), fc.constantFrom('Z', '+01:00', '-23:59', 'z', '+1:00', ''))
    .map(([y, mo, d, h, mi, s, frac, zone]) => `${String(y).padStart(4, '0')}-${mo}-${d}T${h}:${mi}:${s}${frac}${zone}`);
  const noise = fc.string({ unit: fc.constantFrom('0', '1', '9', '-', ':', 'T', 'Z', '+', '.', ' '), maxLength: 30 });
  fc.assert(fc.property(fc.oneof(times, noise), (v) => { assert.equal(timeError(v), rfc3339Error(v), v); }), { numRuns: 5000 });
});
