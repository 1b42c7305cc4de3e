import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allKinds } from '../../api/kinds/index.js';
import { openApiRoutes } from './routes.js';
import { swaggerV2, openApiV3 } from './documents.js';

const json = (body: string | Buffer): unknown => JSON.parse(String(body));
/** Reads a nested value: get(doc, 'paths', '/x', 'patch'). */
const get = (o: unknown, ...keys: string[]): unknown =>
  keys.reduce<unknown>((a, k) => (a && typeof a === 'object' ? (a as Record<string, unknown>)[k] : undefined), o);
const PROTO_V2 = 'application/com.github.proto-openapi.spec.v2@v1.0+protobuf';

test('v3 index lists every group-version with a hashed URL', () => {
  const r = openApiRoutes(allKinds)('/openapi/v3', 'application/json')!;
  assert.equal(r.status, 200);
  const paths = get(json(r.body), 'paths') as Record<string, { serverRelativeURL: string }>;
  for (const gv of ['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/rbac.authorization.k8s.io/v1', 'apis/coordination.k8s.io/v1', 'apis/events.k8s.io/v1']) {
    assert.match(paths[gv]!.serverRelativeURL, new RegExp(`^/openapi/v3/${gv.replace(/\./g, '\\.')}\\?hash=[0-9A-F]{128}$`));
  }
});

test('v3 batch/v1 has the Job schema, its GVK and the containers merge key', () => {
  const route = openApiRoutes(allKinds);
  const url = get(json(route('/openapi/v3', '')!.body), 'paths', 'apis/batch/v1', 'serverRelativeURL') as string;
  const r = route(url, 'application/json')!;
  assert.equal(r.status, 200);
  assert.equal(r.headers?.['Cache-Control'], 'public, immutable');
  const doc = json(r.body);
  assert.equal(get(doc, 'openapi'), '3.0.0');
  const schema = (name: string, ...keys: string[]) => get(doc, 'components', 'schemas', name, ...keys);
  assert.deepEqual(schema('io.k8s.api.batch.v1.Job', 'x-kubernetes-group-version-kind'), [{ group: 'batch', version: 'v1', kind: 'Job' }]);
  assert.deepEqual(schema('io.k8s.api.batch.v1.JobSpec', 'properties', 'template', 'allOf'), [{ $ref: '#/components/schemas/io.k8s.api.core.v1.PodTemplateSpec' }]);
  const containers = (k: string) => schema('io.k8s.api.core.v1.PodSpec', 'properties', 'containers', k);
  assert.equal(containers('x-kubernetes-patch-merge-key'), 'name');
  assert.equal(containers('x-kubernetes-patch-strategy'), 'merge');
  assert.deepEqual(containers('x-kubernetes-list-map-keys'), ['name']);
  assert.deepEqual(schema('io.k8s.api.core.v1.Container', 'required'), ['name']);
  assert.equal(schema('io.k8s.api.core.v1.PodSpec', 'properties', 'tolerations', 'x-kubernetes-list-type'), 'atomic');
  assert.equal(schema('io.k8s.api.core.v1.ContainerPort', 'properties', 'containerPort', 'format'), 'int32');
  assert.ok(schema('io.k8s.apimachinery.pkg.util.intstr.IntOrString'));
  assert.ok(schema('io.k8s.apimachinery.pkg.api.resource.Quantity'));
  assert.equal(schema('io.k8s.apimachinery.pkg.apis.meta.v1.Time', 'format'), 'date-time');
  assert.equal(schema('io.k8s.api.apps.v1.DaemonSet'), undefined, 'other group-versions stay out');
});

test('v3 patch operations advertise strategic merge patch and fieldValidation (what kubectl checks)', () => {
  const doc = openApiV3(allKinds, 'api/v1');
  const patch = get(doc, 'paths', '/api/v1/namespaces/{namespace}/pods/{name}', 'patch');
  assert.deepEqual(get(patch, 'x-kubernetes-group-version-kind'), { group: '', version: 'v1', kind: 'Pod' });
  assert.ok(get(patch, 'requestBody', 'content', 'application/strategic-merge-patch+json'));
  const params = get(patch, 'parameters') as unknown[];
  assert.ok(params.some((p) => get(p, 'name') === 'fieldValidation' && get(p, 'in') === 'query'));
  assert.equal(get(patch, 'operationId'), 'patchCoreV1NamespacedPod');
  assert.ok(get(doc, 'paths', '/api/v1/nodes/{name}', 'get'));
});

test('v2 is JSON swagger with Kubernetes definition names; protobuf-only Accept gets 406', () => {
  const route = openApiRoutes(allKinds);
  const r = route('/openapi/v2', 'application/json')!;
  const doc = json(r.body);
  assert.equal(get(doc, 'swagger'), '2.0');
  assert.ok(get(doc, 'definitions', 'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'));
  const pod = (...k: string[]) => get(doc, 'definitions', 'io.k8s.api.core.v1.Pod', ...k);
  assert.deepEqual(pod('x-kubernetes-group-version-kind'), [{ group: '', version: 'v1', kind: 'Pod' }]);
  assert.equal(pod('properties', 'spec', '$ref'), '#/definitions/io.k8s.api.core.v1.PodSpec');
  assert.ok(get(doc, 'paths', '/apis/batch/v1/namespaces/{namespace}/jobs/{name}', 'patch'));
  assert.equal(route('/openapi/v2', PROTO_V2)!.status, 406);
  assert.equal(route('/openapi/v2', `${PROTO_V2}, application/json`)!.status, 200);
});

test('ETag and If-None-Match', () => {
  const route = openApiRoutes(allKinds);
  const first = route('/openapi/v2', '')!;
  assert.ok(first.headers?.ETag);
  assert.equal(route('/openapi/v2', '', first.headers!.ETag)!.status, 304);
  assert.equal(route('/openapi/v3/apis/nosuch/v1', ''), undefined);
  assert.equal(route('/version', ''), undefined);
});

test('generating every document stays under 100 ms', () => {
  const t0 = performance.now();
  swaggerV2(allKinds);
  for (const gv of ['api/v1', 'apis/apps/v1', 'apis/batch/v1', 'apis/rbac.authorization.k8s.io/v1', 'apis/coordination.k8s.io/v1', 'apis/events.k8s.io/v1']) openApiV3(allKinds, gv);
  assert.ok(performance.now() - t0 < 100, `took ${performance.now() - t0} ms`);
});
