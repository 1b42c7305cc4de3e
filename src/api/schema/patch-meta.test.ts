import { test } from 'node:test';
import assert from 'node:assert/strict';
import { childModel, fieldShape, listFacts, patchMeta } from './patch-meta.js';

const cases: Array<{ model: string; field: string; want: ReturnType<typeof patchMeta> }> = [
  { model: 'V1PodSpec', field: 'containers', want: { strategy: 'merge', mergeKey: 'name' } },
  { model: 'V1PodSpec', field: 'volumes', want: { strategy: 'merge,retainKeys', mergeKey: 'name' } },
  { model: 'V1PodSpec', field: 'tolerations', want: undefined },
  { model: 'V1Container', field: 'ports', want: { strategy: 'merge', mergeKey: 'containerPort' } },
  { model: 'V1Container', field: 'volumeMounts', want: { strategy: 'merge', mergeKey: 'mountPath' } },
  { model: 'V1EphemeralContainer', field: 'env', want: { strategy: 'merge', mergeKey: 'name' } },
  { model: 'V1ObjectMeta', field: 'finalizers', want: { strategy: 'merge' } },
  { model: 'V1ObjectMeta', field: 'ownerReferences', want: { strategy: 'merge', mergeKey: 'uid' } },
  { model: 'V1JobStatus', field: 'conditions', want: { strategy: 'merge', mergeKey: 'type' } },
  { model: 'V1ServiceSpec', field: 'ports', want: { strategy: 'merge', mergeKey: 'port' } },
  { model: 'V1PodSpec', field: 'nosuch', want: undefined },
];
for (const c of cases) {
  test(`patchMeta ${c.model}.${c.field}`, () => assert.deepEqual(patchMeta(c.model, c.field), c.want));
}

test('list facts carry list types and map keys', () => {
  assert.deepEqual(listFacts('V1Container', 'ports'), {
    strategy: 'merge',
    mergeKey: 'containerPort',
    listType: 'map',
    listMapKeys: ['containerPort', 'protocol'],
  });
  assert.deepEqual(listFacts('V1PodSpec', 'tolerations'), { listType: 'atomic' });
  assert.deepEqual(listFacts('V1PodSpec', 'nodeSelector'), { mapType: 'atomic' });
});

const children: Array<[string, string, string | undefined]> = [
  ['V1Pod', 'spec', 'V1PodSpec'],
  ['V1PodSpec', 'containers', 'V1Container'],
  ['V1Job', 'spec', 'V1JobSpec'],
  ['V1JobSpec', 'template', 'V1PodTemplateSpec'],
  ['V1CronJobSpec', 'jobTemplate', 'V1JobTemplateSpec'],
  ['V1Container', 'name', undefined],
  ['V1ObjectMeta', 'labels', undefined],
  ['V1Pod', 'nosuch', undefined],
];
for (const [model, field, want] of children) {
  test(`childModel ${model}.${field}`, () => assert.equal(childModel(model, field), want));
}

test('fieldShape tells lists, maps, structs and scalars apart', () => {
  assert.equal(fieldShape('V1PodSpec', 'containers'), 'array');
  assert.equal(fieldShape('V1ObjectMeta', 'labels'), 'map');
  assert.equal(fieldShape('V1Pod', 'spec'), 'model');
  assert.equal(fieldShape('V1Container', 'image'), 'scalar');
  assert.equal(fieldShape('V1ManagedFieldsEntry', 'fieldsV1'), 'any');
  assert.equal(fieldShape('V1Pod', 'nosuch'), undefined);
});
