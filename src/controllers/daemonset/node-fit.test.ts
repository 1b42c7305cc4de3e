import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Taint } from 'kubernetes-types/core/v1.js';
import { nodeShouldRunDaemonPod } from './node-fit.js';
import { createPodTemplate, daemonTolerations, nodeNameAffinity, targetNodeName, withDaemonTolerations } from './pod-template.js';
import { daemonPod, daemonSet, node } from './testing.js';

const taint = (key: string, effect: string, value?: string): Taint => ({ key, effect, ...(value ? { value } : {}) });
const withAffinity = (terms: unknown) => {
  const ds = daemonSet();
  ds.spec!.template.spec!.affinity = { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms as never } } };
  return ds;
};

const cases = [
  { name: 'no selector: every node', ds: daemonSet(), node: node('n1'), want: [true, true] },
  { name: 'nodeSelector matches', ds: daemonSet({ nodeSelector: { disk: 'ssd' } }), node: node('n1', { labels: { disk: 'ssd' } }), want: [true, true] },
  { name: 'nodeSelector value differs: neither run nor stay', ds: daemonSet({ nodeSelector: { disk: 'ssd' } }), node: node('n1', { labels: { disk: 'hdd' } }), want: [false, false] },
  { name: 'label missing', ds: daemonSet({ nodeSelector: { disk: 'ssd' } }), node: node('n1'), want: [false, false] },
  { name: 'required affinity In', ds: withAffinity([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['a'] }] }]), node: node('n1', { labels: { zone: 'a' } }), want: [true, true] },
  { name: 'required affinity not met', ds: withAffinity([{ matchExpressions: [{ key: 'zone', operator: 'In', values: ['b'] }] }]), node: node('n1', { labels: { zone: 'a' } }), want: [false, false] },
  { name: 'untolerated NoSchedule: no new pod, the running one stays', ds: daemonSet(), node: node('n1', { taints: [taint('dedicated', 'NoSchedule', 'x')] }), want: [false, true] },
  { name: 'untolerated NoExecute: neither', ds: daemonSet(), node: node('n1', { taints: [taint('dedicated', 'NoExecute')] }), want: [false, false] },
  { name: 'PreferNoSchedule is ignored', ds: daemonSet(), node: node('n1', { taints: [taint('dedicated', 'PreferNoSchedule')] }), want: [true, true] },
  { name: 'not-ready NoExecute is tolerated by default', ds: daemonSet(), node: node('n1', { taints: [taint('node.kubernetes.io/not-ready', 'NoExecute')] }), want: [true, true] },
  { name: 'unschedulable taint is tolerated by default', ds: daemonSet(), node: node('n1', { taints: [taint('node.kubernetes.io/unschedulable', 'NoSchedule')] }), want: [true, true] },
  { name: 'network-unavailable only for hostNetwork', ds: daemonSet(), node: node('n1', { taints: [taint('node.kubernetes.io/network-unavailable', 'NoSchedule')] }), want: [false, true] },
];
for (const c of cases) {
  test(`nodeShouldRunDaemonPod: ${c.name}`, () => {
    const r = nodeShouldRunDaemonPod(c.node, c.ds);
    assert.deepEqual([r.shouldRun, r.shouldContinueRunning], c.want);
  });
}

test('nodeShouldRunDaemonPod: a template nodeName names the only node', () => {
  const ds = daemonSet();
  ds.spec!.template.spec!.nodeName = 'n2';
  assert.equal(nodeShouldRunDaemonPod(node('n1'), ds).shouldRun, false);
  assert.equal(nodeShouldRunDaemonPod(node('n2'), ds).shouldRun, true);
});

test('daemon tolerations as the golden pod shows them; hostNetwork adds network-unavailable', () => {
  assert.deepEqual(daemonTolerations({}), [
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute' },
    { key: 'node.kubernetes.io/disk-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/memory-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/pid-pressure', operator: 'Exists', effect: 'NoSchedule' },
    { key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' },
  ]);
  assert.equal(daemonTolerations({ hostNetwork: true }).at(-1)!.key, 'node.kubernetes.io/network-unavailable');
});

test('a user toleration matching a daemon one is replaced (its tolerationSeconds dropped); others kept first', () => {
  const got = withDaemonTolerations({ containers: [], tolerations: [
    { key: 'x', operator: 'Exists' },
    { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
  ] });
  assert.deepEqual(got.slice(0, 2), [{ key: 'x', operator: 'Exists' }, { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }]);
  assert.equal(got.length, 7);
});

test('pod template: generation and hash labels; node affinity replaced by metadata.name; target node read back', () => {
  const tpl = createPodTemplate(daemonSet({ templateGeneration: 3 }), 'abc');
  assert.deepEqual(tpl.metadata?.labels, { app: 'ssd-monitor', 'pod-template-generation': '3', 'controller-revision-hash': 'abc' });
  const aff = nodeNameAffinity({ nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchExpressions: [{ key: 'a', operator: 'Exists' }] }] }, preferredDuringSchedulingIgnoredDuringExecution: [] } }, 'n7');
  assert.deepEqual(aff.nodeAffinity, {
    requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n7'] }] }] },
    preferredDuringSchedulingIgnoredDuringExecution: [],
  });
  assert.equal(targetNodeName(daemonPod('p', 'n7', { pending: true })), 'n7');
  assert.equal(targetNodeName(daemonPod('p', 'n8')), 'n8');
});
