import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { nodesToDaemonPods } from './manage.js';
import { targetNodeName } from './pod-template.js';
import { planRollingUpdate } from './rolling-update.js';
import { countStatus, nextStatus } from './status.js';
import { daemonPod, daemonSet, node, readyPod, T0, type DsOpts } from './testing.js';

const nodes = ['a', 'b', 'c', 'd'].map((n) => node(n));
const old = (n: string, o = {}) => readyPod(`old-${n}`, n, { hash: 'h0', ...o });
const cur = (n: string, o = {}) => readyPod(`new-${n}`, n, { hash: 'h1', created: 30, ...o });
const rolling = (maxUnavailable: number | string, maxSurge: number | string = 0): DsOpts => ({ strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge } } });

const cases: Array<{ name: string; ds: DsOpts; pods: Pod[]; want: { create: string[]; remove: string[] } }> = [
  { name: 'maxUnavailable 1: one old pod at a time', ds: rolling(1), pods: nodes.map((n) => old(n.metadata!.name!)), want: { create: [], remove: ['old-a'] } },
  { name: 'maxUnavailable 2', ds: rolling(2), pods: nodes.map((n) => old(n.metadata!.name!)), want: { create: [], remove: ['old-a', 'old-b'] } },
  { name: 'maxUnavailable 50% of 4 nodes', ds: rolling('50%'), pods: nodes.map((n) => old(n.metadata!.name!)), want: { create: [], remove: ['old-a', 'old-b'] } },
  { name: 'maxUnavailable 30% rounds up to 2', ds: rolling('30%'), pods: nodes.map((n) => old(n.metadata!.name!)), want: { create: [], remove: ['old-a', 'old-b'] } },
  { name: 'a node still without its new pod counts as unavailable', ds: rolling(1), pods: [cur('a', { readySince: undefined }), old('b'), old('c'), old('d')].map((p) => p.metadata!.name === 'new-a' ? daemonPod('new-a', 'a', { hash: 'h1' }) : p), want: { create: [], remove: [] } },
  { name: 'a missing pod counts as unavailable', ds: rolling(1), pods: [old('b'), old('c'), old('d')], want: { create: [], remove: [] } },
  { name: 'an updated available pod lets the next go', ds: rolling(1), pods: [cur('a'), old('b'), old('c'), old('d')], want: { create: [], remove: ['old-b'] } },
  { name: 'unavailable old pods are replaced whatever the budget', ds: rolling(1), pods: [old('a', { readySince: undefined }), old('b', { readySince: undefined }), old('c'), old('d')].map((p) => p.status!.conditions!.length ? p : daemonPod(p.metadata!.name!, p.spec!.nodeName!, { hash: 'h0' })), want: { create: [], remove: ['old-a', 'old-b'] } },
  { name: 'done: nothing to do', ds: rolling(1), pods: nodes.map((n) => cur(n.metadata!.name!)), want: { create: [], remove: [] } },
  { name: 'surge 1: one new pod beside an old one', ds: rolling(0, 1), pods: nodes.map((n) => old(n.metadata!.name!)), want: { create: ['a'], remove: [] } },
  { name: 'surge: an unavailable new pod holds the budget', ds: rolling(0, 1), pods: [old('a'), daemonPod('new-a', 'a', { hash: 'h1' }), old('b')], want: { create: [], remove: [] } },
  { name: 'surge: an available new pod retires its old one, the next node surges', ds: rolling(0, 1), pods: [old('a'), cur('a'), old('b')], want: { create: ['b'], remove: ['old-a'] } },
  { name: 'surge: an unavailable old pod gets its replacement at once', ds: rolling(0, 1), pods: [old('a'), daemonPod('new-a', 'a', { hash: 'h1' }), daemonPod('old-b', 'b', { hash: 'h0' })], want: { create: ['b'], remove: [] } },
  { name: 'the template generation label alone marks a pod updated', ds: { ...rolling(1), templateGeneration: 1 }, pods: [readyPod('x', 'a', { labels: { app: 'ssd-monitor', 'pod-template-generation': '1' } })], want: { create: [], remove: [] } },
];

for (const c of cases) {
  test(`rolling update: ${c.name}`, () => {
    const step = planRollingUpdate(daemonSet({ templateGeneration: 2, ...c.ds }), nodes, nodesToDaemonPods(c.pods, targetNodeName), 'h1', T0);
    assert.deepEqual(step, c.want);
  });
}

test('status counts: desired, current, ready, available (minReadySeconds), updated, misscheduled, unavailable', () => {
  const ds = daemonSet({ nodeSelector: { disk: 'ssd' }, minReadySeconds: 30, templateGeneration: 2 });
  const ssd = (n: string) => node(n, { labels: { disk: 'ssd' } });
  const pods = [
    readyPod('a', 'a', { readySince: -60 }), // available
    readyPod('b', 'b', { readySince: -10, hash: 'h0' }), // ready, not yet available, old
    daemonPod('c', 'c'), // not ready
    readyPod('x', 'x'), // node no longer selected
  ];
  const c = countStatus(ds, [ssd('a'), ssd('b'), ssd('c'), ssd('d'), node('x')], nodesToDaemonPods(pods, targetNodeName), 'h1', T0);
  assert.deepEqual(c, { desiredNumberScheduled: 4, currentNumberScheduled: 3, numberMisscheduled: 1, numberReady: 2, updatedNumberScheduled: 2, numberAvailable: 1, numberUnavailable: 3 });
});

test('status write: golden shapes; nothing when unchanged; observedGeneration only when the sync acted', () => {
  const ds = daemonSet({ nodeSelector: { disk: 'ssd' } });
  const none = countStatus(ds, [node('fake-node-1')], new Map(), 'h1', T0);
  assert.deepEqual(nextStatus(ds, none, true), { currentNumberScheduled: 0, desiredNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, observedGeneration: 1 });
  const one = countStatus(ds, [node('fake-node-1', { labels: { disk: 'ssd' } })], nodesToDaemonPods([readyPod('p', 'fake-node-1')], targetNodeName), 'h1', T0);
  assert.deepEqual(nextStatus(ds, one, true), { currentNumberScheduled: 1, desiredNumberScheduled: 1, numberAvailable: 1, numberMisscheduled: 0, numberReady: 1, observedGeneration: 1, updatedNumberScheduled: 1 });
  const written = { ...ds, status: nextStatus(ds, one, true) };
  assert.equal(nextStatus(written, one, true), undefined);
  assert.equal(nextStatus({ ...ds, metadata: { ...ds.metadata, generation: 2 } }, none, false)?.observedGeneration, undefined);
});
