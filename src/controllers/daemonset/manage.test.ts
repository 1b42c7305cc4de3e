import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { FakeClock } from '../../util/clock.js';
import { Backoff } from './backoff.js';
import { nodesToDaemonPods, planManage, type BackoffView } from './manage.js';
import { targetNodeName } from './pod-template.js';
import { daemonPod, daemonSet, DS_UID, node, readyPod, T0, type DsOpts } from './testing.js';

const noBackoff: BackoffView = { inBackoff: () => undefined };
const surge: DsOpts = { strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } } };
const ssd = { labels: { disk: 'ssd' } };

const cases: Array<{ name: string; ds?: DsOpts; nodes: ReturnType<typeof node>[]; pods: Pod[]; create: string[]; remove: string[]; events?: string[] }> = [
  { name: 'a pod for every node without one', nodes: [node('a'), node('b')], pods: [readyPod('p-a', 'a')], create: ['b'], remove: [] },
  { name: 'scenario 19: only the ssd node', ds: { nodeSelector: { disk: 'ssd' } }, nodes: [node('a', ssd), node('b', { labels: { disk: 'hdd' } })], pods: [], create: ['a'], remove: [] },
  { name: 'relabelled away: its pod is deleted', ds: { nodeSelector: { disk: 'ssd' } }, nodes: [node('a', { labels: { disk: 'hdd' } })], pods: [readyPod('p-a', 'a')], create: [], remove: ['p-a'] },
  { name: 'a terminating pod is neither replaced nor deleted again', nodes: [node('a')], pods: [readyPod('p-a', 'a', { deleting: true })], create: [], remove: [] },
  { name: 'a pending pod aimed at the node counts as its pod', nodes: [node('a')], pods: [daemonPod('p-a', 'a', { pending: true, phase: 'Pending' })], create: [], remove: [] },
  { name: 'without surge extra pods go, the oldest scheduled stays', nodes: [node('a')], pods: [readyPod('new', 'a', { created: 10 }), readyPod('old', 'a', { created: 0 }), daemonPod('pend', 'a', { pending: true, created: -5 })], create: [], remove: ['new', 'pend'] },
  { name: 'a succeeded pod is deleted with an event', nodes: [node('a')], pods: [daemonPod('done', 'a', { phase: 'Succeeded' })], create: [], remove: ['done'],
    events: ['Normal SucceededDaemonPod Found succeeded daemon pod default/done on node a, will try to delete it'] },
  { name: 'a failed pod is deleted with a warning', nodes: [node('a')], pods: [daemonPod('bad', 'a', { phase: 'Failed' })], create: [], remove: ['bad'],
    events: ['Warning FailedDaemonPod Found failed daemon pod default/bad on node a, will try to kill it'] },
  { name: 'pending pods aimed at a node that is gone are deleted', nodes: [node('a')], pods: [readyPod('p-a', 'a'), daemonPod('lost', 'gone', { pending: true }), readyPod('bound', 'gone2')], create: [], remove: ['lost'] },
  { name: 'surge: an old pod and a new not-yet-available one share the node', ds: surge, nodes: [node('a')], pods: [readyPod('old', 'a', { hash: 'h0' }), daemonPod('new', 'a', { hash: 'h1', created: 5 })], create: [], remove: [] },
  { name: 'surge: the old pod goes once the new one is available', ds: surge, nodes: [node('a')], pods: [readyPod('old', 'a', { hash: 'h0' }), readyPod('new', 'a', { hash: 'h1', created: 5 })], create: [], remove: ['old'] },
  { name: 'surge: an old pod that is not ready goes at once', ds: surge, nodes: [node('a')], pods: [daemonPod('old', 'a', { hash: 'h0' }), daemonPod('new', 'a', { hash: 'h1', created: 5 })], create: [], remove: ['old'] },
];

for (const c of cases) {
  test(`manage: ${c.name}`, () => {
    const byNode = nodesToDaemonPods(c.pods, targetNodeName);
    const plan = planManage(daemonSet(c.ds), c.nodes, byNode, 'h1', T0, noBackoff);
    assert.deepEqual([plan.create, [...plan.remove].sort()], [c.create, c.remove]);
    assert.deepEqual(plan.events.map((e) => `${e.type} ${e.reason} ${e.message}`), c.events ?? []);
  });
}

test('manage: deleted terminal pods are done with and not counted', () => {
  const byNode = nodesToDaemonPods([daemonPod('gone', 'a', { phase: 'Failed', deleting: true })], targetNodeName);
  assert.deepEqual(planManage(daemonSet(), [node('a')], byNode, 'h1', T0, noBackoff).create, ['a']);
});

test('failed pods back off: 1 s, then 2 s, keyed by ds uid, observed generation and node', () => {
  const clock = new FakeClock(T0);
  const backoff = new Backoff(clock);
  const ds = daemonSet({ observedGeneration: 1 });
  const byNode = nodesToDaemonPods([daemonPod('bad', 'a', { phase: 'Failed' })], targetNodeName);
  const first = planManage(ds, [node('a')], byNode, 'h1', clock.now(), backoff);
  assert.deepEqual([first.remove, first.backoffNext], [['bad'], [`${DS_UID}/1/a`]]);
  first.backoffNext.forEach((k) => backoff.next(k));
  // The replacement failed too, within the second: held back, looked at again after the delay.
  clock.advance(500);
  const held = planManage(ds, [node('a')], byNode, 'h1', clock.now(), backoff);
  assert.deepEqual([held.remove, held.create, held.requeueAfter, held.events], [[], [], 1000, []]);
  clock.advance(600);
  const again = planManage(ds, [node('a')], byNode, 'h1', clock.now(), backoff);
  assert.deepEqual(again.remove, ['bad']);
  again.backoffNext.forEach((k) => backoff.next(k));
  clock.advance(1500);
  assert.equal(backoff.inBackoff(`${DS_UID}/1/a`), 2000);
  clock.advance(31 * 60_000); // untouched for twice the 15 min maximum: starts over
  assert.equal(backoff.inBackoff(`${DS_UID}/1/a`), undefined);
  backoff.next(`${DS_UID}/1/a`);
  assert.equal(backoff.inBackoff(`${DS_UID}/1/a`), 1000);
});
