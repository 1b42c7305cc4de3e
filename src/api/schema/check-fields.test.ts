import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { checkFields } from './check-fields.js';
import { findDuplicateFields } from './duplicate-fields.js';
import { decodeErrorMessage, strictDecodingMessage } from './strict-message.js';

const GOLDEN = '/work/shared/reference/golden/errors';
const golden = (name: string) =>
  JSON.parse(readFileSync(`${GOLDEN}/${name}.raw.json`, 'utf8')) as {
    request: { body: unknown };
    response: { body: { message?: string }; headers: string[] };
  };

const container = (extra: object = {}) => ({ name: 'main', image: 'busybox', ...extra });
const pod = (spec: object, extra: object = {}) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec, ...extra });

const cases: Array<{ name: string; model: string; kind: string; obj: unknown; unknown?: string[]; typeError?: string }> = [
  { name: 'valid pod', model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [container()] }) },
  {
    name: 'unknown fields in a struct and in a list element',
    model: 'V1Pod', kind: 'Pod',
    obj: pod({ frobnicate: true, containers: [container({ sleepy: 1 })] }),
    unknown: ['spec.frobnicate', 'spec.containers[0].sleepy'],
  },
  {
    name: 'nested lists keep every index',
    model: 'V1Pod', kind: 'Pod',
    obj: pod({ containers: [container(), container({ env: [{ name: 'A' }, { name: 'B', valu: 'x' }] })] }),
    unknown: ['spec.containers[1].env[1].valu'],
  },
  {
    name: 'an unknown field is not descended',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [], extra: { deeper: { x: 1 } } }), unknown: ['spec.extra'],
  },
  {
    name: 'map keys are never unknown, struct map values are checked',
    model: 'V1Pod', kind: 'Pod',
    obj: pod({ containers: [container({ resources: { limits: { cpu: '1', 'example.com/gpu': 2 } } })], nodeSelector: { anything: 'x' } }, { metadata: { name: 'p', labels: { whatever: 'y' }, annotations: { a: 'b' } } }),
  },
  { name: 'top-level unknown', model: 'V1ConfigMap', kind: 'ConfigMap', obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: {}, dta: {} }, unknown: ['dta'] },
  {
    name: 'rc replicas as a string (golden rc-replicas-string)',
    model: 'V1ReplicationController', kind: 'ReplicationController',
    obj: golden('rc-replicas-string').request.body,
    typeError: 'json: cannot unmarshal string into Go struct field ReplicationControllerSpec.spec.replicas of type int32',
  },
  {
    name: 'fractional integer names the literal',
    model: 'V1Job', kind: 'Job', obj: { spec: { backoffLimit: 1.5, template: {} } },
    typeError: 'json: cannot unmarshal number 1.5 into Go struct field JobSpec.spec.backoffLimit of type int32',
  },
  {
    name: 'int64 field',
    model: 'V1Pod', kind: 'Pod', obj: pod({ activeDeadlineSeconds: 'x', containers: [] }),
    typeError: 'json: cannot unmarshal string into Go struct field PodSpec.spec.activeDeadlineSeconds of type int64',
  },
  {
    name: 'list element: path has no index, struct is the innermost one',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [container({ command: ['sh', 3] })] }),
    typeError: 'json: cannot unmarshal number into Go struct field Container.spec.containers.command of type string',
  },
  {
    name: 'a struct where a list was expected',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: { name: 'x' } }),
    typeError: 'json: cannot unmarshal object into Go struct field PodSpec.spec.containers of type []v1.Container',
  },
  {
    name: 'a string where a struct list element was expected',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: ['x'] }),
    typeError: 'json: cannot unmarshal string into Go struct field PodSpec.spec.containers of type v1.Container',
  },
  {
    name: 'named string types print their Go name',
    model: 'V1Pod', kind: 'Pod', obj: pod({ restartPolicy: 1, containers: [] }),
    typeError: 'json: cannot unmarshal number into Go struct field PodSpec.spec.restartPolicy of type v1.RestartPolicy',
  },
  {
    name: 'map value of the wrong type',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [] }, { metadata: { labels: { a: 1 } } }),
    typeError: 'json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string',
  },
  {
    name: 'ResourceList given a string',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [container({ resources: { limits: 'lots' } })] }),
    typeError: 'json: cannot unmarshal string into Go struct field ResourceRequirements.spec.containers.resources.limits of type v1.ResourceList',
  },
  { name: 'quantities accept numbers', model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [container({ resources: { requests: { cpu: 0.5, memory: '64Mi' } } })] }) },
  {
    name: 'a bad quantity aborts with its own message',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [container({ resources: { requests: { cpu: 'lots' } } })] }),
    typeError: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  },
  {
    name: 'an unknown quantity suffix',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [container({ resources: { requests: { memory: '5Gm' } } })] }),
    typeError: "unable to parse quantity's suffix",
  },
  { name: 'int-or-string accepts both', model: 'V1Service', kind: 'Service', obj: { spec: { ports: [{ port: 80, targetPort: 'http' }, { port: 81, targetPort: 8081 }] } } },
  {
    name: 'int-or-string rejects a bool',
    model: 'V1Service', kind: 'Service', obj: { spec: { ports: [{ port: 80, targetPort: true }] } },
    typeError: 'json: cannot unmarshal bool into Go value of type int32',
  },
  {
    name: 'time must be RFC 3339',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [] }, { metadata: { creationTimestamp: 'yesterday' } }),
    typeError: 'parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006"',
  },
  { name: 'time accepts RFC 3339', model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [] }, { metadata: { creationTimestamp: '2024-01-02T03:04:05Z' } }) },
  {
    name: 'secret data must be base64',
    model: 'V1Secret', kind: 'Secret', obj: { data: { a: 'aGVsbG8=', b: 'not base64!' } },
    typeError: 'illegal base64 data at input byte 3',
  },
  {
    name: 'a later abort wins over an earlier saved type error; strict errors still collected',
    model: 'V1Pod', kind: 'Pod', obj: pod({ restartPolicy: 1, bogus: 1, containers: [container({ resources: { limits: { cpu: 'x' } } })] }),
    unknown: ['spec.bogus'],
    typeError: "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'",
  },
  { name: 'null is accepted anywhere', model: 'V1Pod', kind: 'Pod', obj: pod({ containers: null, restartPolicy: null }, { status: null }) },
  {
    name: 'fields newer than v1.33 are unknown',
    model: 'V1Pod', kind: 'Pod', obj: pod({ hostnameOverride: 'x', containers: [] }), unknown: ['spec.hostnameOverride'],
  },
  {
    name: 'free-form fields are not checked',
    model: 'V1Pod', kind: 'Pod', obj: pod({ containers: [] }, { metadata: { managedFields: [{ fieldsV1: { 'f:spec': { x: {} } } }] } }),
  },
  { name: 'CoreV1Event series', model: 'CoreV1Event', kind: 'Event', obj: { series: { count: 'x' } }, typeError: 'json: cannot unmarshal string into Go struct field EventSeries.series.count of type int32' },
];

for (const c of cases) {
  test(`checkFields: ${c.name}`, () => {
    const got = checkFields(c.model, c.obj, { kindLabel: c.kind });
    assert.deepEqual(got.unknown, c.unknown ?? []);
    assert.equal(got.typeErrors[0], c.typeError);
  });
}

test('golden pod-unknown-field Strict message', () => {
  const g = golden('pod-unknown-field-fieldValidation-Strict');
  const { unknown } = checkFields('V1Pod', g.request.body, { kindLabel: 'Pod' });
  assert.equal(strictDecodingMessage('Pod', 'v1', unknown, []), g.response.body.message);
});

test('golden rc-replicas-string message', () => {
  const g = golden('rc-replicas-string');
  const { typeErrors } = checkFields('V1ReplicationController', g.request.body, { kindLabel: 'ReplicationController' });
  assert.equal(decodeErrorMessage('ReplicationController', 'v1', typeErrors[0]!), g.response.body.message);
});

const dupCases: Array<[string, string, string[]]> = [
  ['none', '{"a":1,"b":{"a":2}}', []],
  ['top level', '{"kind":"Pod","kind":"Pod"}', ['kind']],
  ['nested with index', '{"spec":{"containers":[{"name":"a"},{"name":"b","name":"c","image":"x","image":"y"}]}}', ['spec.containers[1].name', 'spec.containers[1].image']],
  ['escaped keys and strings with braces', '{"a\\"b":"}{,","a\\u0022b":1,"s":"[\\"]"}', ['a"b']],
  ['repeated thrice reported once', '{"m":{"x":1,"x":2,"x":3}}', ['m.x']],
  ['whitespace', '{ "a" : [ 1 , { "b" : 1 , "b" : 2 } ] }', ['a[1].b']],
];
for (const [name, raw, want] of dupCases) {
  test(`findDuplicateFields: ${name}`, () => assert.deepEqual(findDuplicateFields(raw), want));
}

test('duplicate and unknown fields in one message', () => {
  assert.equal(
    strictDecodingMessage('Pod', 'v1', ['spec.x'], ['metadata.name']),
    'Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.x", duplicate field "metadata.name"',
  );
});
