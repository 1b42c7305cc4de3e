import assert from 'node:assert/strict';
import fs from 'node:fs';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import { decodeProtobufObject, encodeProtobufObject, protobufKinds } from './index.js';

// Fixtures are bodies captured from kubectl v1.33.1 by fixtures/capture.mjs, next to the JSON the same
// command prints with --dry-run=client -o json. Resolved from dist/ back to the source tree.
const fixtures = new URL('../../../../src/apiserver/protobuf/fixtures/', import.meta.url);
const captured = ['job', 'cronjob', 'namespace', 'configmap', 'secret', 'serviceaccount', 'role', 'rolebinding',
  'clusterrole', 'clusterrolebinding', 'service'];

for (const name of captured) {
  const body = fs.readFileSync(new URL(`${name}.pb`, fixtures));
  const json = JSON.parse(fs.readFileSync(new URL(`${name}.json`, fixtures), 'utf8')) as Record<string, unknown>;
  test(`kubectl create ${name}: protobuf body decodes to kubectl's JSON object`, () => {
    assert.deepEqual(decodeProtobufObject(body), json);
  });
  test(`kubectl create ${name}: re-encoding gives kubectl's exact bytes`, () => {
    assert.deepEqual(encodeProtobufObject(json), body);
  });
}

const roundTrip = (obj: Record<string, unknown>): Record<string, unknown> => decodeProtobufObject(encodeProtobufObject(obj));
const at = (obj: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((o, k) => (o as Record<string, unknown> | undefined)?.[k], obj);

const meta = { name: 'x', namespace: 'default' };
const roundTrips: Array<{ name: string; obj: Record<string, unknown>; want: Record<string, unknown> }> = [
  { name: 'pointer fields set to zero stay, unset ones stay absent',
    obj: { apiVersion: 'batch/v1', kind: 'Job', metadata: meta, spec: { parallelism: 0, suspend: false, template: {} } },
    want: { 'spec.parallelism': 0, 'spec.suspend': false, 'spec.completions': undefined, 'spec.backoffLimit': undefined } },
  { name: 'value fields at zero are dropped by omitempty; nil slices without omitempty are null',
    obj: { apiVersion: 'rbac.authorization.k8s.io/v1', kind: 'ClusterRole', metadata: { name: 'r', generation: 0 } },
    want: { 'metadata.generation': undefined, 'metadata.creationTimestamp': null, rules: null } },
  { name: 'times are RFC 3339 seconds; micro times keep microseconds',
    obj: { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
      metadata: { ...meta, creationTimestamp: '2025-05-01T10:20:30Z' },
      spec: { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: '2025-05-01T10:20:31.123456Z' } },
    want: { 'metadata.creationTimestamp': '2025-05-01T10:20:30Z', 'spec.renewTime': '2025-05-01T10:20:31.123456Z',
      'spec.leaseDurationSeconds': 40, 'spec.acquireTime': undefined } },
  { name: 'quantities, int-or-string, inlined probe handler and managedFields keep their JSON forms',
    obj: { apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, managedFields: [{ manager: 'm', operation: 'Update',
      fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': {} } } }] },
    spec: { containers: [{ name: 'c', image: 'i', resources: { limits: { cpu: '500m', memory: '64Mi' } },
      readinessProbe: { httpGet: { path: '/', port: 'http' }, periodSeconds: 3 } }] } },
    want: { 'spec.containers.0.resources.limits': { cpu: '500m', memory: '64Mi' },
      'spec.containers.0.readinessProbe': { httpGet: { path: '/', port: 'http' }, periodSeconds: 3 },
      'metadata.managedFields.0.fieldsV1': { 'f:metadata': { 'f:labels': {} } },
      'status': {}, 'spec.containers.0.ports': undefined } },
  { name: 'int-or-string as a number; a value struct (status) is always present',
    obj: { apiVersion: 'v1', kind: 'Service', metadata: meta, spec: { ports: [{ port: 80, targetPort: 8080 }] } },
    want: { 'spec.ports.0.targetPort': 8080, 'spec.ports.0.port': 80, 'status': { loadBalancer: {} } } },
  { name: 'DeleteOptions under any group version',
    obj: { apiVersion: 'batch/v1', kind: 'DeleteOptions', gracePeriodSeconds: 0, propagationPolicy: 'Foreground',
      preconditions: { uid: 'u1' } },
    want: { gracePeriodSeconds: 0, propagationPolicy: 'Foreground', preconditions: { uid: 'u1' }, dryRun: undefined } },
  { name: 'events.k8s.io Event with micro time and series',
    obj: { apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: meta, eventTime: '2025-05-01T10:20:30.000001Z',
      series: { count: 2, lastObservedTime: '2025-05-01T10:20:31.000000Z' }, regarding: { kind: 'Pod', name: 'p' } },
    want: { eventTime: '2025-05-01T10:20:30.000001Z', 'series.count': 2, 'regarding.name': 'p', deprecatedCount: undefined } },
];
for (const c of roundTrips) {
  test(`round trip: ${c.name}`, () => {
    const got = roundTrip(c.obj);
    for (const [path, want] of Object.entries(c.want)) assert.deepEqual(at(got, path), want, path);
    assert.deepEqual(roundTrip(got), got, 'decode(encode(x)) is stable');
  });
}

test('int64 beyond 32 bits and negative int32 keep their values', () => {
  const got = roundTrip({ apiVersion: 'v1', kind: 'Pod', metadata: { ...meta, generation: 2 ** 40 },
    spec: { containers: [], priority: -5 } });
  assert.equal(at(got, 'metadata.generation'), 2 ** 40);
  assert.equal(at(got, 'spec.priority'), -5);
});

const body = fs.readFileSync(new URL('job.pb', fixtures));
const malformed: Array<{ name: string; body: Buffer; error: RegExp }> = [
  { name: 'no magic prefix', body: Buffer.from('{"kind":"Job"}'), error: /magic prefix/ },
  { name: 'empty body', body: Buffer.alloc(0), error: /magic prefix/ },
  { name: 'truncated', body: body.subarray(0, 60), error: /malformed protobuf/ },
  { name: 'no kind', body: Buffer.from([0x6b, 0x38, 0x73, 0x00]), error: /no kind/ },
  { name: 'unknown kind', body: encodeProtobufObject({ apiVersion: 'v1', kind: 'Pod' }).fill(0x5a, 12, 15),
    error: /no protobuf schema for v1, Kind=ZZZ/ },
  { name: 'wrong wire type for a string field', body: Buffer.concat([body.subarray(0, 21), Buffer.from([0x12, 0x04, 0x0a, 0x02, 0x08, 0x01])]),
    error: /Job\.metadata\.name: wrong wire type 0 for string/ },
];
for (const c of malformed) {
  test(`malformed input is a readable error: ${c.name}`, () => {
    assert.throws(() => decodeProtobufObject(c.body), c.error);
  });
}

test('every kind kubelite serves (and DeleteOptions) has a protobuf schema', () => {
  for (const k of allKinds) {
    const apiVersion = k.group === '' ? k.version : `${k.group}/${k.version}`;
    assert.ok(protobufKinds.has(`${apiVersion}/${k.kind}`), `${apiVersion}/${k.kind}`);
    assert.ok(protobufKinds.has(`${apiVersion}/${k.kind}List`), `${apiVersion}/${k.kind}List`);
  }
  assert.ok(protobufKinds.has('meta.k8s.io/v1/DeleteOptions'));
});
