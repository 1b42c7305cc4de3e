import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mapPatch } from './three-way.js';

const live = {
  metadata: { name: 'x', labels: { a: '1', b: '2' }, uid: 'u', resourceVersion: '5' },
  spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'i:1', imagePullPolicy: 'Always', ports: [{ containerPort: 80, protocol: 'TCP' }] }], dnsPolicy: 'ClusterFirst' } } },
};
const applied = { metadata: { name: 'x', labels: { a: '1', b: '2' } }, spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'i:1', ports: [{ containerPort: 80 }] }] } } } };

const cases: Array<{ name: string; modified: Record<string, unknown>; want: Record<string, unknown> }> = [
  { name: 'server-set fields and defaults are left alone: nothing to send', modified: applied, want: {} },
  { name: 'a changed scalar is sent', modified: { ...applied, spec: { ...applied.spec, replicas: 3 } }, want: { spec: { replicas: 3 } } },
  { name: 'a dropped label is deleted with null', modified: { ...applied, metadata: { name: 'x', labels: { a: '1' } } }, want: { metadata: { labels: { b: null } } } },
  {
    name: 'a container changes by merge key, with $setElementOrder',
    modified: { ...applied, spec: { replicas: 1, template: { spec: { containers: [{ name: 'c', image: 'i:2', ports: [{ containerPort: 80 }] }] } } } },
    want: { spec: { template: { spec: { $setElementOrder: undefined, '$setElementOrder/containers': [{ name: 'c' }], containers: [{ image: 'i:2', name: 'c' }] } } } },
  },
];
for (const c of cases) {
  test(c.name, () => {
    const want = JSON.parse(JSON.stringify(c.want)) as Record<string, unknown>;
    assert.deepEqual(mapPatch(applied, c.modified, live), want);
  });
}
