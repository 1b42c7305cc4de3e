import test from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../api/errors.js';
import { fakeMeta } from './fake-schema.js';
import { applyPatch } from './index.js';

const ctx = { model: 'V1Pod', meta: fakeMeta };
const JSON_PATCH = 'application/json-patch+json';
const MERGE = 'application/merge-patch+json';
const live = () => ({ metadata: { name: 'j', labels: { a: '1' } }, spec: { parallelism: 1, template: { spec: { containers: [{ name: 'c', args: ['x', null] }] } } } });

const mergeCases = [
  { name: 'sets and adds fields', patch: { spec: { parallelism: 2, suspend: true } }, want: { ...live(), spec: { ...live().spec, parallelism: 2, suspend: true } } },
  { name: 'null deletes', patch: { metadata: { labels: { a: null } } }, want: { ...live(), metadata: { name: 'j', labels: {} } } },
  { name: 'lists are replaced whole', patch: { spec: { template: { spec: { containers: [{ name: 'd' }] } } } }, want: { ...live(), spec: { parallelism: 1, template: { spec: { containers: [{ name: 'd' }] } } } } },
  { name: 'nulls inside inserted maps are pruned', patch: { spec: { selector: { a: null, b: { c: null, d: 1 } } } }, want: { ...live(), spec: { ...live().spec, selector: { b: { d: 1 } } } } },
  { name: 'a map replaces a scalar', patch: { spec: { parallelism: { x: 1 } } }, want: { ...live(), spec: { ...live().spec, parallelism: { x: 1 } } } },
];
for (const c of mergeCases) {
  test(`merge patch: ${c.name}`, () => {
    const original = live();
    assert.deepEqual(applyPatch(MERGE, original, JSON.stringify(c.patch), ctx), c.want);
    assert.deepEqual(original, live(), 'input untouched');
  });
}

const jsonCases = [
  { name: 'replace', ops: [{ op: 'replace', path: '/spec/parallelism', value: 3 }], want: { ...live(), spec: { ...live().spec, parallelism: 3 } } },
  { name: 'test then add', ops: [{ op: 'test', path: '/spec/parallelism', value: 1 }, { op: 'add', path: '/metadata/labels/b', value: '2' }], want: { ...live(), metadata: { name: 'j', labels: { a: '1', b: '2' } } } },
  { name: 'remove, escaped path', ops: [{ op: 'add', path: '/metadata/labels/x~1y', value: 'z' }, { op: 'remove', path: '/metadata/labels/a' }], want: { ...live(), metadata: { name: 'j', labels: { 'x/y': 'z' } } } },
  { name: 'append to a list', ops: [{ op: 'add', path: '/spec/template/spec/containers/-', value: { name: 'e' } }], want: { ...live(), spec: { parallelism: 1, template: { spec: { containers: [{ name: 'c', args: ['x', null] }, { name: 'e' }] } } } } },
  { name: 'null body is an empty patch', ops: null, want: live() },
];
for (const c of jsonCases) {
  test(`json patch: ${c.name}`, () => assert.deepEqual(applyPatch(JSON_PATCH, live(), JSON.stringify(c.ops), ctx), c.want));
}

const unprocessable = 'the server rejected our request due to an error in our request';
const errorCases = [
  { name: 'json patch test op fails', ct: JSON_PATCH, body: '[{"op":"test","path":"/spec/parallelism","value":5}]', code: 422, reason: 'Invalid', msg: unprocessable },
  { name: 'json patch path missing', ct: JSON_PATCH, body: '[{"op":"replace","path":"/spec/nope/x","value":5}]', code: 422, reason: 'Invalid', msg: unprocessable },
  { name: 'json patch unknown op', ct: JSON_PATCH, body: '[{"op":"frob","path":"/spec"}]', code: 422, reason: 'Invalid', msg: unprocessable },
  { name: 'json patch not a list', ct: JSON_PATCH, body: '{"op":"add"}', code: 400, reason: 'BadRequest', msg: 'json: cannot unmarshal object into Go value of type jsonpatch.Patch' },
  { name: 'json patch element not an object', ct: JSON_PATCH, body: '[1]', code: 400, reason: 'BadRequest', msg: 'json: cannot unmarshal number into Go value of type jsonpatch.Operation' },
  { name: 'json patch syntax', ct: JSON_PATCH, body: '[x]', code: 400, reason: 'BadRequest', msg: "invalid character 'x' looking for beginning of value" },
  { name: 'json patch too many ops', ct: JSON_PATCH, body: JSON.stringify(Array.from({ length: 10001 }, () => ({ op: 'test', path: '/spec', value: {} }))), code: 413, reason: 'RequestEntityTooLarge', msg: 'Request entity too large: The allowed maximum operations in a JSON patch is 10000, got 10001' },
  { name: 'merge patch syntax', ct: MERGE, body: '{', code: 400, reason: 'BadRequest', msg: 'Invalid JSON Patch' },
  { name: 'merge patch null', ct: MERGE, body: 'null', code: 400, reason: 'BadRequest', msg: 'Invalid JSON Patch' },
  { name: 'unsupported content type', ct: 'application/json', body: '{}', code: 415, reason: 'UnsupportedMediaType', msg: 'the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json, application/apply-patch+yaml' },
];
for (const e of errorCases) {
  test(`patch error: ${e.name}`, () => {
    assert.throws(() => applyPatch(e.ct, live(), e.body, ctx), (err: unknown) => {
      assert.ok(err instanceof StatusError);
      assert.deepEqual({ code: err.code, reason: err.reason, msg: err.message }, { code: e.code, reason: e.reason, msg: e.msg });
      return true;
    });
  });
}

test('a failed json patch test renders as upstream: empty details', () => {
  try {
    applyPatch(JSON_PATCH, live(), '[{"op":"test","path":"/metadata/name","value":"other"}]', ctx);
    assert.fail('expected a failure');
  } catch (err) {
    assert.ok(err instanceof StatusError);
    assert.deepEqual(err.toStatus(), { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message: unprocessable, reason: 'Invalid', details: {}, code: 422 });
  }
});
