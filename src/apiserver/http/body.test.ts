import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StatusError } from '../../api/errors.js';
import { decodeText } from './body.js';

// Go's encoding/json says "unexpected end of JSON input" for every truncated document, whatever
// V8's JSON.parse says (golden: errors/invalid-json-body.raw.json).
const truncated = ['{"apiVersion":"v1","kind":"Pod","metadata":{"name":"broken"', '{"a":"x', '{"a":', '{', '[1,', '{"a":1  \n'];

for (const text of truncated) {
  test(`truncated JSON ${JSON.stringify(text)} is an unexpected end of input`, () => {
    assert.throws(() => decodeText(Buffer.from(text), 'json', 'Pod'), (e: unknown) => {
      assert.ok(e instanceof StatusError);
      assert.match(e.message, /couldn't get version\/kind; json parse error: unexpected end of JSON input \(/);
      return true;
    });
  });
}

test('a stray character names the character', () => {
  assert.throws(() => decodeText(Buffer.from('{"a" 1}'), 'json', 'Pod'), /json parse error: invalid character '1'/);
});
