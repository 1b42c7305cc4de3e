import assert from 'node:assert/strict';
import { test } from 'node:test';
import { age, humanDuration } from './duration.js';

const s = 1000;
const cases: Array<[number, string]> = [
  [-2 * s, '<invalid>'], [-1.5 * s, '0s'], [0, '0s'], [119 * s, '119s'], [120 * s, '2m'], [157 * s, '2m37s'],
  [10 * 60 * s, '10m'], [179 * 60 * s, '179m'], [3 * 3600 * s, '3h'], [3 * 3600 * s + 5 * 60 * s, '3h5m'],
  [47 * 3600 * s, '47h'], [50 * 3600 * s, '2d2h'], [9 * 86400 * s, '9d'], [800 * 86400 * s, '2y70d'], [9 * 365 * 86400 * s, '9y'],
];
for (const [ms, want] of cases) test(`humanDuration(${ms}ms) = ${want}`, () => assert.equal(humanDuration(ms), want));

test('age of a missing timestamp is <unknown>', () => {
  assert.equal(age(undefined, 0), '<unknown>');
  assert.equal(age(null, 0), '<unknown>');
  assert.equal(age('2026-11-24T10:29:00Z', Date.parse('2026-11-24T10:30:00Z')), '60s');
});
