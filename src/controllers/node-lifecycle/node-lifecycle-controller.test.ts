import assert from 'node:assert/strict';
import { test } from 'node:test';
import { NodeLifecycleController } from './node-lifecycle-controller.js';
import { cluster, podReady, RecordingRecorder, settle, taintsOf } from './testing.js';

async function world(nodes: string[]) {
  const c = await cluster();
  for (const n of nodes) { await c.addNode(n); await c.renewLease(n); }
  const recorder = new RecordingRecorder();
  const nlc = new NodeLifecycleController(c.client, c.nodes, c.leases, c.pods, recorder, {
    clock: c.clock, log: () => {}, monitorPeriodMs: 5_000, monitorGracePeriodMs: 40_000,
  });
  const pass = async () => { await settle(); await nlc.monitorNodeHealth(); await settle(() => nlc.idle()); };
  /** Every node but the silent ones heartbeats and renews; then the clock moves and a pass runs. */
  const advance = async (ms: number, silent: string[] = []) => {
    c.clock.advance(ms);
    for (const n of nodes) if (!silent.includes(n)) { await c.heartbeat(n); await c.renewLease(n); }
    await pass();
  };
  return { ...c, recorder, nlc, pass, advance };
}

test('first sight of a node records RegisteredNode; healthy nodes keep no taints', async () => {
  const w = await world(['n1', 'n2']);
  await w.pass();
  await w.advance(30_000);
  assert.deepEqual(w.recorder.events, ['Node n1 Normal RegisteredNode Node n1 event: Registered Node n1 in Controller', 'Node n2 Normal RegisteredNode Node n2 event: Registered Node n2 in Controller']);
  assert.deepEqual(taintsOf(await w.node('n1')), []);
  w.stop();
});

test('a node silent past the grace period turns Unknown, its pods not ready, then unreachable taints', async () => {
  const w = await world(['n1', 'n2', 'n3']);
  await w.addPod('a', 'n1');
  await w.addPod('b', 'n2');
  await w.pass();
  await w.advance(20_000, ['n1']);
  assert.equal((await w.node('n1')).status?.conditions?.find((x) => x.type === 'Ready')?.status, 'True', 'still within the grace period');
  await w.advance(21_000, ['n1']);
  const n1 = await w.node('n1');
  const ready = n1.status!.conditions!.find((x) => x.type === 'Ready')!;
  assert.deepEqual([ready.status, ready.reason, ready.message], ['Unknown', 'NodeStatusUnknown', 'Kubelet stopped posting node status.']);
  assert.deepEqual(n1.status!.conditions!.map((x) => `${x.type}=${x.status}`), ['MemoryPressure=Unknown', 'DiskPressure=Unknown', 'PIDPressure=Unknown', 'Ready=Unknown']);
  assert.equal(podReady(await w.pod('a')), 'False');
  assert.equal(podReady(await w.pod('b')), 'True', 'pods on healthy nodes are left alone');
  assert.ok(w.recorder.events.includes('Node n1 Normal NodeNotReady Node n1 status is now: NodeNotReady'));
  assert.ok(w.recorder.events.includes('Pod a Warning NodeNotReady Node is not ready'));
  // The NoSchedule taint follows the condition at once; the NoExecute one comes with the next pass.
  assert.deepEqual(taintsOf(n1), ['node.kubernetes.io/unreachable:NoSchedule']);
  await w.advance(5_000, ['n1']);
  const tainted = await w.node('n1');
  assert.deepEqual(taintsOf(tainted), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  assert.ok(tainted.spec!.taints![1]!.timeAdded, 'the NoExecute taint carries timeAdded');
  w.stop();
});

test('a renewed lease keeps a node whose status is stale Ready', async () => {
  const w = await world(['n1', 'n2']);
  await w.pass();
  for (let i = 0; i < 6; i++) {
    w.clock.advance(10_000);
    await w.heartbeat('n2'); await w.renewLease('n2');
    await w.renewLease('n1'); // n1 only renews its lease
    await w.pass();
  }
  assert.equal((await w.node('n1')).status?.conditions?.find((x) => x.type === 'Ready')?.status, 'True');
  assert.deepEqual(taintsOf(await w.node('n1')), []);
  w.stop();
});

test('a kubelet that reports NotReady gets not-ready taints; when it is Ready again they go', async () => {
  const w = await world(['n1', 'n2']);
  await w.pass();
  w.clock.advance(5_000);
  await w.heartbeat('n1', 'False');
  await w.pass();
  await w.advance(5_000, ['n1']);
  assert.deepEqual(taintsOf(await w.node('n1')), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  await w.advance(5_000);
  assert.deepEqual(taintsOf(await w.node('n1')), []);
  w.stop();
});

test('a returning unreachable node loses its taints and is Ready', async () => {
  const w = await world(['n1', 'n2']);
  await w.pass();
  await w.advance(41_000, ['n1']);
  await w.advance(5_000, ['n1']);
  assert.deepEqual(taintsOf(await w.node('n1')), ['node.kubernetes.io/unreachable:NoSchedule', 'node.kubernetes.io/unreachable:NoExecute']);
  await w.advance(5_000);
  const n1 = await w.node('n1');
  assert.equal(n1.status?.conditions?.find((x) => x.type === 'Ready')?.status, 'True');
  assert.deepEqual(taintsOf(n1), []);
  w.stop();
});

test('an unreachable node that reports NotReady swaps its NoExecute taint at once', async () => {
  const w = await world(['n1', 'n2']);
  await w.pass();
  await w.advance(41_000, ['n1']);
  await w.advance(5_000, ['n1']);
  w.clock.advance(5_000);
  await w.heartbeat('n1', 'False');
  await w.heartbeat('n2'); await w.renewLease('n2');
  await w.pass();
  assert.deepEqual(taintsOf(await w.node('n1')), ['node.kubernetes.io/not-ready:NoSchedule', 'node.kubernetes.io/not-ready:NoExecute']);
  w.stop();
});

test('when every node is down (full disruption) no NoExecute taint is added', async () => {
  const w = await world(['n1', 'n2']);
  await w.pass();
  await w.advance(41_000, ['n1', 'n2']);
  await w.advance(5_000, ['n1', 'n2']);
  await w.advance(5_000, ['n1', 'n2']);
  for (const n of ['n1', 'n2']) assert.deepEqual(taintsOf(await w.node(n)), ['node.kubernetes.io/unreachable:NoSchedule']);
  w.stop();
});

test('nodes of one zone are tainted at most one per 10 s (--node-eviction-rate 0.1)', async () => {
  const w = await world(['n1', 'n2', 'n3', 'n4', 'n5']);
  await w.pass();
  await w.advance(41_000, ['n1', 'n2']);
  await w.advance(5_000, ['n1', 'n2']);
  const noExecute = async () => (await Promise.all(['n1', 'n2'].map((n) => w.node(n)))).map((n) => taintsOf(n).includes('node.kubernetes.io/unreachable:NoExecute'));
  assert.deepEqual(await noExecute(), [true, false]);
  await w.advance(5_000, ['n1', 'n2']);
  assert.deepEqual(await noExecute(), [true, false]);
  await w.advance(5_000, ['n1', 'n2']);
  assert.deepEqual(await noExecute(), [true, true]);
  w.stop();
});
