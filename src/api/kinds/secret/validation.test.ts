import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { secret } from './index.js';

const make = (body: Record<string, unknown>): KObject => {
  const obj: KObject = { metadata: { name: 's', namespace: 'default' }, ...body };
  secret.defaults!(obj);
  return obj;
};

test('stringData is folded into base64 data and type defaults to Opaque', () => {
  const obj = make({ data: { a: Buffer.from('old').toString('base64'), b: 'Yg==' }, stringData: { a: 'new' } });
  assert.deepEqual(obj.data, { a: Buffer.from('new').toString('base64'), b: 'Yg==' });
  assert.equal(obj.stringData, undefined);
  assert.equal(obj.type, 'Opaque');
  assert.equal(secret.fieldSelectors!.type!(obj), 'Opaque');
  assert.deepEqual(secret.validate!(obj), []);
});

const cases = [
  { name: 'bad data key', body: { data: { 'a b': '' } }, want: ["data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"] },
  { name: 'tls without its keys', body: { type: 'kubernetes.io/tls', data: {} }, want: ['data[tls.crt]: Required value', 'data[tls.key]: Required value'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(secret.validate!(make(c.body)).map(fieldErrorString), c.want));

test('type is immutable; immutable secrets keep their data', () => {
  const old = make({ immutable: true, data: { a: 'YQ==' } });
  old.metadata.uid = 'u';
  const next = make({ immutable: true, type: 'kubernetes.io/basic-auth', data: { username: 'dQ==' } });
  next.metadata.uid = 'u';
  assert.deepEqual(secret.validateUpdate!(next, old).map(fieldErrorString), [
    'type: Invalid value: "kubernetes.io/basic-auth": field is immutable',
    'data: Forbidden: field is immutable when `immutable` is set',
  ]);
});
