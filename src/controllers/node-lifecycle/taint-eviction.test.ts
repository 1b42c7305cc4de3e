import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { evictionDecision, TaintEvictionController } from './taint-eviction.js';
import { ClockTimers, cluster, RecordingRecorder, settle } from './testing.js';

const unreachable: Taint = { key: 'node.kubernetes.io/unreachable', effect: 'NoExecute' };
const notReady: Taint = { key: 'node.kubernetes.io/not-ready', effect: 'NoExecute' };
const tol = (key: string | undefined, seconds?: number, extra: Partial<Toleration> = {}): Toleration =>
  ({ ...(key ? { key } : {}), operator: 'Exists', effect: 'NoExecute', ...(seconds === undefined ? {} : { tolerationSeconds: seconds }), ...extra });
const defaults = (sec: number) => [tol('node.kubernetes.io/not-ready', sec), tol('node.kubernetes.io/unreachable', sec)];

const decisions: Array<{ name: string; taints: Taint[]; tolerations?: Toleration[]; want: ReturnType<typeof evictionDecision> }> = [
  { name: 'no NoExecute taint: cancel', taints: [], tolerations: defaults(300), want: { kind: 'cancel' } },
  { name: 'no toleration: delete now', taints: [unreachable], want: { kind: 'now' } },
  { name: 'the default toleration: after its seconds', taints: [unreachable], tolerations: defaults(300), want: { kind: 'after', ms: 300_000 } },
  { name: 'one taint of two not tolerated: now', taints: [unreachable, { key: 'x', effect: 'NoExecute' }], tolerations: defaults(300), want: { kind: 'now' } },
  { name: 'tolerated forever: cancel', taints: [unreachable], tolerations: [tol('node.kubernetes.io/unreachable')], want: { kind: 'cancel' } },
  { name: 'the shortest of the used tolerations counts', taints: [unreachable, notReady], tolerations: [tol('node.kubernetes.io/not-ready', 60), tol('node.kubernetes.io/unreachable', 20)], want: { kind: 'after', ms: 20_000 } },
  { name: 'only the first matching toleration per taint is used', taints: [unreachable], tolerations: [tol(undefined), tol('node.kubernetes.io/unreachable', 5)], want: { kind: 'cancel' } },
  { name: 'tolerationSeconds 0 or less: now-ish (after 0)', taints: [unreachable], tolerations: [tol('node.kubernetes.io/unreachable', -1)], want: { kind: 'after', ms: 0 } },
  { name: 'a NoSchedule toleration does not cover NoExecute', taints: [unreachable], tolerations: [tol('node.kubernetes.io/unreachable', undefined, { effect: 'NoSchedule' })], want: { kind: 'now' } },
];
for (const c of decisions) test(`eviction decision: ${c.name}`, () => assert.deepEqual(evictionDecision(c.taints, c.tolerations), c.want));

async function world() {
  const c = await cluster();
  const timers = new ClockTimers(c.clock);
  const recorder = new RecordingRecorder();
  const tec = new TaintEvictionController(c.client, c.nodes, c.pods, recorder, c.clock, () => {}, { timers });
  const taint = async (name: string, taints: Taint[]) => {
    await c.client.mutate(c.nodeDef, undefined, name, (n) => ({ ...n, spec: { ...(n.spec as object), taints: taints.length ? taints : undefined } }));
    await settle(() => tec.idle());
  };
  const advance = async (ms: number) => { timers.advance(ms); await settle(() => tec.idle()); };
  return { ...c, timers, recorder, tec, taint, advance };
}

test('a pod not tolerating a NoExecute taint is deleted at once, with DisruptionTarget and an event', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.addPod('bare', 'n1', []); // admission gives it only the default not-ready/unreachable tolerations
  await settle();
  await w.taint('n1', [{ key: 'example.com/maintenance', effect: 'NoExecute' }]);
  const pod = await w.pod('bare');
  assert.ok(pod?.metadata.deletionTimestamp, 'deleted gracefully: Terminating until its kubelet confirms');
  const disruption = pod!.status!.conditions!.find((c) => c.type === 'DisruptionTarget');
  assert.deepEqual([disruption?.status, disruption?.reason, disruption?.message], ['True', 'DeletionByTaintManager', 'Taint manager: deleting due to NoExecute taint']);
  assert.deepEqual(w.recorder.events, ['Pod bare Normal TaintManagerEviction Marking for deletion Pod default/bare']);
  w.stop();
});

test('a pod tolerating for 300 s is deleted 300 s after the taint, not before', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.addPod('p', 'n1', defaults(300));
  await settle();
  await w.taint('n1', [unreachable]);
  assert.equal(w.tec.scheduledAt('default/p'), w.clock.now() + 300_000);
  await w.advance(299_000);
  assert.equal((await w.pod('p'))?.metadata.deletionTimestamp, undefined);
  await w.advance(1_000);
  assert.ok((await w.pod('p'))?.metadata.deletionTimestamp);
  w.stop();
});

test('removing the taint cancels a scheduled deletion, with an event', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.addPod('p', 'n1', defaults(2));
  await settle();
  await w.taint('n1', [unreachable]);
  await w.advance(1_000);
  await w.taint('n1', []);
  await w.advance(5_000);
  assert.equal((await w.pod('p'))?.metadata.deletionTimestamp, undefined);
  assert.deepEqual(w.recorder.events, ['Pod p Normal TaintManagerEviction Cancelling deletion of Pod default/p']);
  w.stop();
});

test('swapping unreachable for not-ready keeps the deadline first scheduled', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.addPod('p', 'n1', defaults(10));
  await settle();
  await w.taint('n1', [unreachable]);
  const first = w.tec.scheduledAt('default/p');
  await w.advance(4_000);
  await w.taint('n1', [notReady]);
  assert.equal(w.tec.scheduledAt('default/p'), first);
  await w.advance(6_000);
  assert.ok((await w.pod('p'))?.metadata.deletionTimestamp);
  w.stop();
});

test('a pod that tolerates the taint forever stays; pods on other nodes are untouched', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.addNode('n2');
  await w.addPod('forever', 'n1', [tol('node.kubernetes.io/unreachable')]);
  await w.addPod('elsewhere', 'n2', []);
  await settle();
  await w.taint('n1', [unreachable]);
  await w.advance(3_600_000);
  assert.equal((await w.pod('forever'))?.metadata.deletionTimestamp, undefined);
  assert.equal((await w.pod('elsewhere'))?.metadata.deletionTimestamp, undefined);
  w.stop();
});

test('a pod bound to an already tainted node is handled on sight', async () => {
  const w = await world();
  await w.addNode('n1');
  await w.taint('n1', [unreachable]);
  await w.addPod('late', 'n1', defaults(1));
  await settle();
  await w.advance(1_000);
  assert.ok((await w.pod('late'))?.metadata.deletionTimestamp);
  w.stop();
});
