import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { allKinds } from '../api/kinds/index.js';
import type { KObject } from '../api/object.js';
import { Registry } from '../apiserver/registry/registry.js';
import { LocalClient } from '../client/local-client.js';
import type { Timers } from '../client/workqueue.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { FakeClock } from '../util/clock.js';
import { newSchedulerRecorder, Scheduler } from './scheduler.js';
import { nodeObject, podObject, requesting, type NodeOpts } from './testing.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const noTimers: Timers = { setTimeout: () => 0, clearTimeout: () => {} }; // retries come from events here

async function setup() {
  const clock = new FakeClock(T0);
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), clock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: 'default' } });
  const client = new LocalClient(reg, allKinds);
  const podDef = client.kind('', 'Pod');
  const nodeDef = client.kind('', 'Node');
  const logs: string[] = [];
  const scheduler = new Scheduler(client, newSchedulerRecorder(client, clock, 'vm'), clock, (m) => logs.push(m), { timers: noTimers });
  const addNode = async (name: string, o: NodeOpts = {}) => {
    const n = nodeObject(name, o) as KObject;
    const created = await client.create(nodeDef, n);
    await client.updateStatus(nodeDef, { ...created, status: n.status });
  };
  const addPod = (p: Pod) => client.create(podDef, p as KObject);
  const pod = async (name: string) => (await client.get(podDef, 'default', name)) as KObject & Pod;
  const events = async () => (await client.list(client.kind('', 'Event'), 'default')).items as Array<KObject & Record<string, unknown>>;
  return { clock, client, scheduler, addNode, addPod, pod, events, logs, nodeDef };
}

test('pending pods are bound to ready nodes that fit, with a Scheduled event', async (t) => {
  const { scheduler, addNode, addPod, pod, events, logs } = await setup();
  t.after(() => scheduler.stop());
  await addNode('n1', { labels: { disk: 'ssd' } });
  await addNode('n2', { ready: 'False' });
  await addNode('n3', { unschedulable: true });
  await scheduler.start();
  await addPod(podObject('kubia-abcde', { nodeSelector: { disk: 'ssd' } }));
  await addPod(podObject('other', { schedulerName: 'my-scheduler' }));
  await scheduler.settled();
  const bound = await pod('kubia-abcde');
  assert.equal(bound.spec?.nodeName, 'n1');
  assert.deepEqual(bound.status?.conditions?.map((c) => [c.type, c.status]), [['PodScheduled', 'True']]);
  assert.equal((await pod('other')).spec?.nodeName, undefined);
  const [ev, ...rest] = await events();
  assert.equal(rest.length, 0);
  assert.deepEqual(
    [ev!.type, ev!.reason, ev!.message, ev!.source, ev!.reportingComponent, ev!.reportingInstance, ev!.action],
    ['Normal', 'Scheduled', 'Successfully assigned default/kubia-abcde to n1', { component: 'default-scheduler' }, 'default-scheduler', 'default-scheduler-vm', 'Binding'],
  );
  assert.deepEqual(logs, []);
});

test('a pod that fits nowhere is Unschedulable with kube-scheduler\'s message, and is scheduled when a node is added', async (t) => {
  const { clock, scheduler, addNode, addPod, pod, events } = await setup();
  t.after(() => scheduler.stop());
  await addNode('n1', { ready: 'Unknown', labels: { disk: 'ssd' } });
  await addNode('n2');
  await addNode('n3');
  await scheduler.start();
  await addPod(podObject('kubia-xyz12', { nodeSelector: { disk: 'ssd' } }));
  await scheduler.settled();
  const message = "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/unreachable: }, 2 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
  const pending = await pod('kubia-xyz12');
  assert.deepEqual(pending.status?.conditions, [{ type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime: '2026-01-01T00:00:00Z', reason: 'Unschedulable', message }]);
  const [failed] = await events();
  assert.deepEqual([failed!.type, failed!.reason, failed!.message, failed!.count], ['Warning', 'FailedScheduling', message, 1]);

  clock.advance(10_000); // past the pod's back-off
  await addNode('n4', { labels: { disk: 'ssd' } });
  await scheduler.settled();
  assert.equal((await pod('kubia-xyz12')).spec?.nodeName, 'n4');
  assert.deepEqual((await events()).map((e) => e.reason).sort(), ['FailedScheduling', 'Scheduled']);
});

test('resources are counted incrementally: a full node frees up when its pod is deleted', async (t) => {
  const { clock, client, scheduler, addNode, addPod, pod } = await setup();
  t.after(() => scheduler.stop());
  await addNode('n1', { cpu: '1' });
  await scheduler.start();
  await addPod(podObject('a', requesting('600m')));
  await scheduler.settled();
  await addPod(podObject('b', requesting('600m')));
  await scheduler.settled();
  assert.equal((await pod('a')).spec?.nodeName, 'n1');
  const b = await pod('b');
  assert.equal(b.spec?.nodeName, undefined);
  assert.equal(b.status?.conditions?.[0]?.message, '0/1 nodes are available: 1 Insufficient cpu. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.');
  clock.advance(10_000);
  await client.delete(client.kind('', 'Pod'), 'default', 'a', { gracePeriodSeconds: 0 });
  await scheduler.settled();
  assert.equal((await pod('b')).spec?.nodeName, 'n1');
});

test('replicas spread across nodes; many pods schedule quickly', async (t) => {
  const { scheduler, addNode, addPod, client } = await setup();
  t.after(() => scheduler.stop());
  for (let i = 0; i < 20; i++) await addNode(`sim-${i}`);
  await scheduler.start();
  const owner = [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'rc-1', controller: true }];
  const started = performance.now();
  for (let i = 0; i < 400; i++) await addPod(podObject(`kubia-${i}`, {}, { ownerReferences: owner }));
  await scheduler.settled();
  const pods = (await client.list(client.kind('', 'Pod'), 'default')).items as Array<KObject & Pod>;
  const perNode = new Map<string, number>();
  for (const p of pods) perNode.set(p.spec!.nodeName!, (perNode.get(p.spec!.nodeName!) ?? 0) + 1);
  assert.deepEqual([...new Set(perNode.values())], [20]);
  assert.ok(performance.now() - started < 10_000);
});

