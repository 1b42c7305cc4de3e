import assert from 'node:assert/strict';
import { test } from 'node:test';
import fc from 'fast-check';
import { findDuplicateFields } from './duplicate-fields.js';

const cases: Array<[string, string[]]> = [
  ['{"a":1,"b":{"c":"x:y","d":[{"e":1,"e":2}]}}', ['b.d[0].e']],
  ['{"a":"\\"quoted: \\\\","a":2}', ['a']],
  ['{"metadata":{"name":"p","labels":{"app":"x"}},"spec":{"containers":[{"name":"c","image":"i"}]}}', []],
  ['{"k:1":"v","k:2":"w","k:1":"z"}', ['k:1']],
  ['[{"a":1},{"a":2}]', []],
];

test('repeated keys are found with or without the parsed value (the key count shortcut)', () => {
  for (const [raw, want] of cases) {
    assert.deepEqual(findDuplicateFields(raw), want, raw);
    assert.deepEqual(findDuplicateFields(raw, JSON.parse(raw)), want, raw);
  }
});

test('the shortcut never hides a repeat: random bodies with and without repeated keys', () => {
  const key = fc.constantFrom('a', 'b', 'c:d', 'e"f', '__proto__', 'x\\\\y');
  const json: fc.Memo<string> = fc.memo((n) => n <= 1
    ? fc.oneof(fc.constant('1'), fc.constant('"s:t"'), fc.constant('null'))
    : fc.oneof(
      fc.array(fc.tuple(key, json(n - 1)), { maxLength: 4 }).map((kvs) => `{${kvs.map(([k, v]) => `${JSON.stringify(k)}:${v}`).join(',')}}`),
      fc.array(json(n - 1), { maxLength: 3 }).map((xs) => `[${xs.join(',')}]`)));
  fc.assert(fc.property(json(4), (raw) => {
    assert.deepEqual(findDuplicateFields(raw, JSON.parse(raw)), findDuplicateFields(raw));
  }), { numRuns: 2000 });
});
