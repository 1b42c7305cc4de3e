import test from 'node:test';
import assert from 'node:assert/strict';
import { StatusError } from '../../api/errors.js';
import { fakeMeta } from './fake-schema.js';
import { applyPatch } from './index.js';

const SMP = 'application/strategic-merge-patch+json';
const podCtx = { model: 'V1Pod', meta: fakeMeta };
const rsCtx = { model: 'V1ReplicaSet', meta: fakeMeta };

const pod = (spec: object, metadata: object = { name: 'p' }) => ({ apiVersion: 'v1', kind: 'Pod', metadata, spec });
const c = (name: string, more: object = {}) => ({ name, image: `${name}:1`, ...more });

interface Case { name: string; live: object; patch: object; want: object; ctx?: typeof podCtx }

const cases: Case[] = [
  {
    name: 'containers merge by name',
    live: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [{ name: 'b', image: 'b:2' }] } },
    want: pod({ containers: [c('a'), { name: 'b', image: 'b:2' }] }),
  },
  {
    name: 'a new container goes before server-only ones (no $setElementOrder)',
    live: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [c('z')] } },
    want: pod({ containers: [c('z'), c('a'), c('b')] }),
  },
  {
    name: 'env merges by name inside the container',
    live: pod({ containers: [c('a', { env: [{ name: 'X', value: '1' }, { name: 'Y', value: '2' }] })] }),
    patch: { spec: { containers: [{ name: 'a', env: [{ name: 'Y', value: '3' }] }] } },
    want: pod({ containers: [c('a', { env: [{ name: 'X', value: '1' }, { name: 'Y', value: '3' }] })] }),
  },
  {
    name: '$patch: delete removes a list element by key',
    live: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [{ name: 'a', $patch: 'delete' }] } },
    want: pod({ containers: [c('b')] }),
  },
  {
    name: '$patch: replace in a list replaces the whole list',
    live: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { containers: [{ $patch: 'replace' }, c('x')] } },
    want: pod({ containers: [c('x')] }),
  },
  {
    name: '$patch: replace on a map replaces the map',
    live: pod({ containers: [c('a')], nodeSelector: { a: '1', b: '2' } }),
    patch: { spec: { nodeSelector: { $patch: 'replace', c: '3' } } },
    want: pod({ containers: [c('a')], nodeSelector: { c: '3' } }),
  },
  {
    name: '$patch: delete on a map empties it',
    live: pod({ containers: [c('a')], nodeSelector: { a: '1' } }),
    patch: { spec: { nodeSelector: { $patch: 'delete' } } },
    want: pod({ containers: [c('a')], nodeSelector: {} }),
  },
  {
    name: '$setElementOrder orders the merged list',
    live: pod({ containers: [c('a'), c('b'), c('c')] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'c' }, { name: 'a' }, { name: 'b' }], containers: [{ name: 'a', image: 'a:2' }] } },
    want: pod({ containers: [c('c'), { name: 'a', image: 'a:2' }, c('b')] }),
  },
  {
    name: '$setElementOrder with a new element places it as listed',
    live: pod({ containers: [c('a'), c('b')] }),
    patch: { spec: { '$setElementOrder/containers': [{ name: 'a' }, { name: 'n' }, { name: 'b' }], containers: [c('n')] } },
    want: pod({ containers: [c('a'), c('n'), c('b')] }),
  },
  {
    name: '$retainKeys clears fields not listed (volume source switch)',
    live: pod({ containers: [c('a')], volumes: [{ name: 'v', emptyDir: {} }] }),
    patch: { spec: { volumes: [{ name: 'v', $retainKeys: ['configMap', 'name'], configMap: { name: 'cm' } }] } },
    want: pod({ containers: [c('a')], volumes: [{ name: 'v', configMap: { name: 'cm' } }] }),
  },
  {
    name: 'null deletes a key; unmatched nulls are ignored',
    live: pod({ containers: [c('a')], nodeName: 'n1' }, { name: 'p', labels: { a: '1', b: '2' } }),
    patch: { metadata: { labels: { a: null, zz: null } }, spec: { nodeName: null, hostname: null } },
    want: pod({ containers: [c('a')] }, { name: 'p', labels: { b: '2' } }),
  },
  {
    name: 'labels map merges',
    live: pod({ containers: [c('a')] }, { name: 'p', labels: { a: '1' } }),
    patch: { metadata: { labels: { a: '2', b: '3' } } },
    want: pod({ containers: [c('a')] }, { name: 'p', labels: { a: '2', b: '3' } }),
  },
  {
    name: 'finalizers are unioned, new ones first',
    live: pod({}, { name: 'p', finalizers: ['x', 'y'] }),
    patch: { metadata: { finalizers: ['y', 'z'] } },
    want: pod({}, { name: 'p', finalizers: ['x', 'y', 'z'] }),
  },
  {
    name: 'a finalizer the server lacks is put first',
    live: pod({}, { name: 'p', finalizers: ['x'] }),
    patch: { metadata: { finalizers: ['z'] } },
    want: pod({}, { name: 'p', finalizers: ['z', 'x'] }),
  },
  {
    name: '$deleteFromPrimitiveList/finalizers removes finalizers',
    live: pod({}, { name: 'p', finalizers: ['x', 'y', 'z'] }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['y', 'nope'] } },
    want: pod({}, { name: 'p', finalizers: ['x', 'z'] }),
  },
  {
    name: '$deleteFromPrimitiveList on a missing list does nothing',
    live: pod({}, { name: 'p' }),
    patch: { metadata: { '$deleteFromPrimitiveList/finalizers': ['y'] } },
    want: pod({}, { name: 'p' }),
  },
  {
    name: 'lists without a merge strategy are replaced',
    live: pod({ containers: [c('a', { args: ['1', '2'] })], tolerations: [{ key: 'a' }] }),
    patch: { spec: { containers: [{ name: 'a', args: ['3'] }], tolerations: [{ key: 'b' }] } },
    want: pod({ containers: [c('a', { args: ['3'] })], tolerations: [{ key: 'b' }] }),
  },
  {
    name: 'new fields are copied without directives or nulls',
    live: pod({ containers: [c('a')] }, { name: 'p' }),
    patch: { metadata: { annotations: { a: 'x', b: null } }, spec: { initContainers: [{ name: 'i', image: 'i' }, { name: 'gone', $patch: 'delete' }] } },
    want: pod({ containers: [c('a')], initContainers: [{ name: 'i', image: 'i' }] }, { name: 'p', annotations: { a: 'x' } }),
  },
  {
    name: 'kubectl apply: replicas changed and a label added',
    ctx: rsCtx,
    live: {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: 'kubia', labels: { app: 'kubia' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"old":true}\n' } },
      spec: { replicas: 2, selector: { matchLabels: { app: 'kubia' } }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [c('kubia')] } } },
    },
    patch: {
      metadata: { annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"new":true}\n' }, labels: { tier: 'web' } },
      spec: { replicas: 3 },
    },
    want: {
      apiVersion: 'apps/v1', kind: 'ReplicaSet',
      metadata: { name: 'kubia', labels: { app: 'kubia', tier: 'web' }, annotations: { 'kubectl.kubernetes.io/last-applied-configuration': '{"new":true}\n' } },
      spec: { replicas: 3, selector: { matchLabels: { app: 'kubia' } }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [c('kubia')] } } },
    },
  },
  {
    name: 'kubectl apply: image changed with $setElementOrder and an env var removed',
    ctx: rsCtx,
    live: { kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { spec: { containers: [c('main', { env: [{ name: 'A', value: '1' }, { name: 'B', value: '2' }] }), c('side')] } } } },
    patch: { spec: { template: { spec: {
      '$setElementOrder/containers': [{ name: 'main' }, { name: 'side' }],
      containers: [{ '$setElementOrder/env': [{ name: 'A' }], env: [{ $patch: 'delete', name: 'B' }], image: 'main:2', name: 'main' }],
    } } } },
    want: { kind: 'ReplicaSet', metadata: { name: 'r' }, spec: { template: { spec: { containers: [{ name: 'main', image: 'main:2', env: [{ name: 'A', value: '1' }] }, c('side')] } } } },
  },
];

for (const tc of cases) {
  test(`strategic merge: ${tc.name}`, () => {
    const live = structuredClone(tc.live);
    const got = applyPatch(SMP, live, JSON.stringify(tc.patch), tc.ctx ?? podCtx);
    assert.deepEqual(got, tc.want);
    assert.deepEqual(live, tc.live, 'the live object is not modified');
  });
}

const errorCases: Array<{ name: string; body: string; code: number; msg: string; live?: object }> = [
  { name: 'body not JSON', body: '{"spec":', code: 400, msg: 'unexpected end of JSON input' },
  { name: 'body a list', body: '[]', code: 400, msg: 'json: cannot unmarshal array into Go value of type map[string]interface {}' },
  { name: 'bad $retainKeys', body: '{"spec":{"$retainKeys":["x"],"nodeName":"n"}}', code: 400, msg: 'invalid patch format of retainKeys' },
  { name: 'lists of lists', body: '{"spec":{"containers":[["a"]]}}', code: 422, msg: 'the server rejected our request due to an error in our request', live: pod({ containers: [] }) },
  { name: 'mixed element types', body: '{"spec":{"containers":[["a"]]}}', code: 500, msg: 'list element types are not identical: [[map[image:a:1 name:a]] [[a]]]' },
  { name: 'missing merge key', body: '{"spec":{"containers":[{"image":"x"}]}}', code: 500, msg: 'map: map[image:x] does not contain declared merge key: name' },
  { name: 'unknown $patch', body: '{"spec":{"nodeSelector":{"$patch":"frob"}}}', code: 500, msg: 'unknown patch type: frob in map: map[$patch:frob]' },
];
for (const e of errorCases) {
  test(`strategic merge error: ${e.name}`, () => {
    const live = e.live ?? pod({ containers: [c('a')], nodeSelector: { a: '1' } });
    assert.throws(() => applyPatch(SMP, live, e.body, podCtx), (err: unknown) => {
      assert.ok(err instanceof StatusError);
      assert.equal(err.code, e.code);
      assert.equal(err.message, e.msg);
      return true;
    });
  });
}
