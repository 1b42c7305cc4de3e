import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import { missingNodes, orphanedPods, terminatedPodsToDelete, terminatingOutOfServicePods, unscheduledTerminatingPods } from './plan.js';

const T0 = Date.parse('2026-03-01T12:00:00Z');
interface PodOpts { phase?: string; created?: number; node?: string; deleting?: boolean; reason?: string }
const pod = (name: string, o: PodOpts = {}): Pod => ({
  metadata: { name, namespace: 'default', creationTimestamp: new Date(T0 + (o.created ?? 0) * 1000).toISOString(), ...(o.deleting ? { deletionTimestamp: new Date(T0).toISOString() } : {}) },
  spec: { containers: [], ...(o.node === '' ? {} : { nodeName: o.node ?? 'n1' }) },
  status: { phase: o.phase ?? 'Running', ...(o.reason ? { reason: o.reason } : {}) },
});
const node = (name: string, ready: string, taints: string[] = []): Node => ({
  metadata: { name }, spec: { taints: taints.map((key) => ({ key, effect: 'NoExecute' })) },
  status: { conditions: [{ type: 'Ready', status: ready }] },
});
const names = (ps: Pod[]) => ps.map((p) => p.metadata!.name);

const terminated: Array<{ name: string; pods: Pod[]; threshold: number; want: string[] }> = [
  { name: 'at or under the threshold: none', pods: [pod('a', { phase: 'Succeeded' }), pod('b', { phase: 'Failed' })], threshold: 2, want: [] },
  { name: 'over it: the oldest terminated go first', pods: [pod('new', { phase: 'Succeeded', created: 30 }), pod('old', { phase: 'Failed', created: 10 }), pod('mid', { phase: 'Succeeded', created: 20 }), pod('run', { created: 0 })], threshold: 1, want: ['old', 'mid'] },
  { name: 'evicted pods go before older ones', pods: [pod('old', { phase: 'Failed', created: 0 }), pod('evicted', { phase: 'Failed', reason: 'Evicted', created: 50 })], threshold: 1, want: ['evicted'] },
  { name: 'equal creation times: by name', pods: [pod('b', { phase: 'Succeeded' }), pod('a', { phase: 'Succeeded' }), pod('c', { phase: 'Succeeded' })], threshold: 1, want: ['a', 'b'] },
  { name: 'Pending, Running and Unknown are never terminated', pods: [pod('p', { phase: 'Pending' }), pod('r'), pod('u', { phase: 'Unknown' })], threshold: 1, want: [] },
  { name: 'threshold 0 disables', pods: [pod('a', { phase: 'Succeeded' })], threshold: 0, want: [] },
];
for (const c of terminated) test(`terminated pods: ${c.name}`, () => assert.deepEqual(names(terminatedPodsToDelete(c.pods, c.threshold)), c.want));

test('terminating pods are collected only on a NotReady node tainted out-of-service', () => {
  const nodes = new Map([
    ['oos', node('oos', 'Unknown', ['node.kubernetes.io/out-of-service'])],
    ['down', node('down', 'Unknown', ['node.kubernetes.io/unreachable'])],
    ['readyoos', node('readyoos', 'True', ['node.kubernetes.io/out-of-service'])],
  ]);
  const pods = [pod('a', { node: 'oos', deleting: true }), pod('b', { node: 'oos' }), pod('c', { node: 'down', deleting: true }), pod('d', { node: 'readyoos', deleting: true })];
  assert.deepEqual(names(terminatingOutOfServicePods(pods, nodes)), ['a']);
});

test('pods stuck Terminating on an unreachable node stay until the node is deleted; then they are orphans', () => {
  const nodes = new Map([['down', node('down', 'Unknown', ['node.kubernetes.io/unreachable'])]]);
  const stuck = pod('stuck', { node: 'down', deleting: true });
  assert.deepEqual(missingNodes([stuck], nodes), []);
  assert.deepEqual(names(terminatingOutOfServicePods([stuck], nodes)), []);
  assert.deepEqual(missingNodes([stuck], new Map()), ['down']);
  assert.deepEqual(names(orphanedPods([stuck, pod('other', { node: 'n2' })], new Set(['down']))), ['stuck']);
});

test('terminating pods never bound are collected; bound or live ones are not', () => {
  const pods = [pod('a', { node: '', deleting: true }), pod('b', { node: '' }), pod('c', { deleting: true })];
  assert.deepEqual(names(unscheduledTerminatingPods(pods)), ['a']);
});
