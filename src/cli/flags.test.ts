import assert from 'node:assert/strict';
import { test } from 'node:test';
import { FlagError, parseDuration } from './flags.js';

const cases: Array<[string, number]> = [['10s', 10_000], ['0', 0], ['1m30s', 90_000], ['500ms', 500], ['1.5h', 5_400_000], ['2m', 120_000]];
for (const [text, ms] of cases) test(`parseDuration(${text}) = ${ms} ms`, () => assert.equal(parseDuration(text, 'x'), ms));

for (const bad of ['', '10', 's', '1x', '1s2']) {
  test(`parseDuration rejects ${JSON.stringify(bad)} as Go does`, () => {
    assert.throws(() => parseDuration(bad, 'job-backoff-base'), (e: unknown) => e instanceof FlagError && e.message === `invalid argument "${bad}" for "--job-backoff-base" flag: time: invalid duration "${bad}"`);
  });
}
