import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../api/object.js';
import { FakeClock } from '../../util/clock.js';
import { REPLICA_SET, REPLICATION_CONTROLLER, type ReplicaKind } from './conversion.js';
import { addPodIndexes, POD_EVENT_BATCH_MS, ReplicaSetEngine, type PodObject } from './controller.js';
import { FakeApi, informers, ManualTimers, pod, ready, RecordingControl, replicaSet, replicationController, RS_UID, T0 } from './testing.js';

async function world(owner: KObject, pods: PodObject[], kind: ReplicaKind = REPLICA_SET) {
  const api = new FakeApi({ [kind.kind]: [owner], Pod: pods });
  const { owners, pods: podInf } = await informers(api, kind.kind);
  addPodIndexes(podInf);
  const control = new RecordingControl();
  control.owner = owner;
  const timers = new ManualTimers();
  const errors: string[] = [];
  const engine = new ReplicaSetEngine(kind, owners, podInf, control, new FakeClock(T0 + 60_000), (m) => errors.push(m), { timers });
  await settle(engine);
  return { api, control, engine, timers, errors };
}

async function settle(engine: ReplicaSetEngine): Promise<void> {
  for (let i = 0; i < 5; i++) { await engine.queue.idle(); await new Promise((r) => setImmediate(r)); }
}

/** The pod the API server would have made from a recorded create. */
function createdPod(p: KObject, i: number): PodObject {
  return { ...p, metadata: { ...p.metadata, name: `${p.metadata.generateName}${i}`, uid: `new-${i}`, resourceVersion: '9', creationTimestamp: '2026-11-24T10:31:00Z' } } as PodObject;
}

test('a new ReplicaSet creates its pods in slow-start batches, then waits to observe them', async () => {
  const { api, control, engine } = await world(replicaSet({ replicas: 3 }), []);
  assert.deepEqual(control.calls, ['create', 'create', 'create']);
  assert.deepEqual(control.created[0]!.metadata, {
    generateName: 'kubia-', namespace: 'default', labels: { app: 'kubia' },
    ownerReferences: [{ apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'kubia', uid: RS_UID, blockOwnerDeletion: true, controller: true }],
  });
  assert.deepEqual(control.events, ['Normal SuccessfulCreate Created pod: kubia-00000 (ReplicaSet)', 'Normal SuccessfulCreate Created pod: kubia-00001 (ReplicaSet)', 'Normal SuccessfulCreate Created pod: kubia-00002 (ReplicaSet)']);
  assert.deepEqual(control.statuses, [{ replicas: 0, observedGeneration: 1 }]);
  // The cache has not seen the pods yet: another sync must not create more.
  assert.equal(engine.expectations.satisfied('default/kubia'), false);
  await engine.sync('default/kubia');
  assert.equal(control.calls.length, 3);
  control.created.forEach((p, i) => api.emit('Pod', 'ADDED', createdPod(p, i)));
  assert.equal(engine.expectations.satisfied('default/kubia'), true);
  await settle(engine);
  assert.equal(control.calls.length, 3);
});

test('a failing create stops the slow start after the first batch and sets ReplicaFailure', async () => {
  const api = new FakeApi({ ReplicaSet: [replicaSet({ replicas: 5 })], Pod: [] });
  const { owners, pods } = await informers(api, 'ReplicaSet');
  addPodIndexes(pods);
  const control = new RecordingControl();
  const quota = 'pods "kubia-abcde" is forbidden: exceeded quota: q, requested: pods=1, used: pods=2, limited: pods=2';
  control.fail.create = new Error(quota);
  const errors: string[] = [];
  const engine = new ReplicaSetEngine(REPLICA_SET, owners, pods, control, new FakeClock(T0), (m) => errors.push(m), { timers: new ManualTimers() });
  await settle(engine);
  assert.deepEqual(control.calls, ['create']);
  assert.deepEqual(control.events, [`Warning FailedCreate Error creating: ${quota}`]);
  assert.deepEqual(control.statuses[0], { replicas: 0, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-11-24T10:30:00Z', reason: 'FailedCreate', message: quota }] });
  assert.match(errors[0]!, /ReplicaSet default\/kubia: Error: pods "kubia-abcde" is forbidden/);
  // The creations never made are not waited for: the retry may act at once.
  assert.equal(engine.expectations.satisfied('default/kubia'), true);
  engine.stop();
});

test('scale down deletes the most expendable pods and waits for exactly those deletions', async () => {
  const pods = [ready('old', { created: -600 }), ready('new', { created: 30, readySince: 30 }), pod('pending', { phase: 'Pending' })];
  const { api, control, engine } = await world(replicaSet({ replicas: 1, status: { replicas: 3, observedGeneration: 1 } }), pods);
  assert.deepEqual(control.calls.sort(), ['delete new', 'delete pending']);
  assert.equal(engine.expectations.satisfied('default/kubia'), false);
  // An unrelated pod's deletion does not count; a graceful deletion (deletionTimestamp) of ours does, once.
  api.emit('Pod', 'MODIFIED', { ...pods[1]!, metadata: { ...pods[1]!.metadata, resourceVersion: '2', deletionTimestamp: '2026-11-24T10:31:00Z' } });
  api.emit('Pod', 'MODIFIED', { ...pods[1]!, metadata: { ...pods[1]!.metadata, resourceVersion: '3', deletionTimestamp: '2026-11-24T10:31:00Z' } });
  assert.equal(engine.expectations.satisfied('default/kubia'), false);
  api.emit('Pod', 'DELETED', pods[2]!);
  assert.equal(engine.expectations.satisfied('default/kubia'), true);
  await settle(engine);
  assert.equal(control.calls.length, 2);
});

test('an orphan is adopted after a fresh read of the owner; a relabelled pod is released', async () => {
  const pods = [ready('a'), ready('orphan', { owner: null }), ready('moved', { labels: { app: 'foo' } })];
  const { control } = await world(replicaSet({ replicas: 2 }), pods);
  assert.deepEqual(control.calls.sort(), [
    'patch moved {"metadata":{"ownerReferences":[{"$patch":"delete","uid":"rs-uid"}],"uid":"uid-moved"}}',
    'patch orphan {"metadata":{"ownerReferences":[{"apiVersion":"apps/v1","kind":"ReplicaSet","name":"kubia","uid":"rs-uid","blockOwnerDeletion":true,"controller":true}],"uid":"uid-orphan"}}',
  ]);
  assert.deepEqual(control.statuses, [{ replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 }]);
});

test('no adoption when the fresh read shows the owner being deleted', async () => {
  const api = new FakeApi({ ReplicaSet: [replicaSet({ replicas: 1 })], Pod: [ready('orphan', { owner: null })] });
  const { owners, pods } = await informers(api, 'ReplicaSet');
  addPodIndexes(pods);
  const control = new RecordingControl();
  control.owner = replicaSet({ deleting: true });
  const errors: string[] = [];
  const engine = new ReplicaSetEngine(REPLICA_SET, owners, pods, control, new FakeClock(T0), (m) => errors.push(m), { timers: new ManualTimers() });
  await settle(engine);
  assert.deepEqual(control.calls, []);
  assert.match(errors[0]!, /ReplicaSet default\/kubia has just been deleted at/);
});

test('ReplicationController: pods owned as v1 ReplicationController, events on the RC', async () => {
  const { control } = await world(replicationController({ replicas: 1 }), [], REPLICATION_CONTROLLER);
  assert.deepEqual(control.created[0]!.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: RS_UID, blockOwnerDeletion: true, controller: true }]);
  assert.deepEqual(control.events, ['Normal SuccessfulCreate Created pod: kubia-00000 (ReplicationController)']);
});

test('a ReplicaSet only claims pods: an RC engine ignores pods a ReplicaSet controls', async () => {
  const { control } = await world(replicationController({ replicas: 1 }), [ready('rs-pod', { owner: 'another-uid' })], REPLICATION_CONTROLLER);
  assert.deepEqual(control.calls, ['create']);
});

test('a pod turning ready is looked at after the batch period, and that sync asks for another after minReadySeconds', async () => {
  const p = pod('a', { readySince: 0, notReady: true });
  const { api, timers, engine } = await world(replicaSet({ replicas: 1, minReadySeconds: 10 }), [p]);
  api.emit('Pod', 'MODIFIED', { ...ready('a', { readySince: 60 }), metadata: { ...p.metadata, resourceVersion: '2' } }); // ready just now
  assert.ok(timers.delays.includes(POD_EVENT_BATCH_MS), JSON.stringify(timers.delays));
  assert.equal(await engine.sync('default/kubia'), 10_000); // ready, not yet available: requeueAfter minReadySeconds
  await settle(engine);
});

test('a status-only pod change is batched; a deletion that meets the expectations syncs at once', async () => {
  const a = ready('a', { created: -600, readySince: -600 });
  const { api, timers, engine } = await world(replicaSet({ replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }), [a]);
  api.emit('Pod', 'MODIFIED', { ...a, metadata: { ...a.metadata, resourceVersion: '2', annotations: { x: 'y' } } });
  assert.deepEqual([timers.delays, engine.queue.length], [[POD_EVENT_BATCH_MS], 0]);
  api.emit('Pod', 'DELETED', a);
  assert.equal(engine.queue.length, 1);
  await settle(engine);
});

test('an orphan whose labels start matching wakes the owner, which adopts it', async () => {
  const stray = ready('stray', { owner: null, labels: { app: 'other' } });
  const { api, control, engine } = await world(replicaSet({ replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }), [ready('a', { created: -600, readySince: -600 }), stray]);
  assert.deepEqual(control.calls, []);
  api.emit('Pod', 'MODIFIED', { ...stray, metadata: { ...stray.metadata, resourceVersion: '2', labels: { app: 'kubia' } } });
  await settle(engine);
  assert.equal(control.calls.length, 2);
  assert.match(control.calls[0]!, /^patch stray .*"controller":true/);
  assert.equal(control.calls[1], 'delete stray'); // adopted, then one too many: the newest-ready goes
});

test('a deleted owner drops its expectations; a sync of a missing key does nothing', async () => {
  const owner = replicaSet({ replicas: 2 });
  const { api, control, engine } = await world(owner, []);
  assert.equal(engine.expectations.satisfied('default/kubia'), false);
  api.emit('ReplicaSet', 'DELETED', owner);
  assert.equal(engine.expectations.satisfied('default/kubia'), true);
  await settle(engine);
  assert.equal(control.calls.length, 2);
});

test("the owner's status write is batched (it cannot change the plan); a spec change or a deletion syncs at once", async () => {
  const a = ready('a', { created: -600, readySince: -600 });
  const rs = replicaSet({ replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } });
  const { api, timers, engine } = await world(rs, [a]);
  api.emit('ReplicaSet', 'MODIFIED', { ...rs, metadata: { ...rs.metadata, resourceVersion: '6' }, status: { replicas: 1 } });
  assert.deepEqual([timers.delays, engine.queue.length], [[POD_EVENT_BATCH_MS], 0]);
  api.emit('ReplicaSet', 'MODIFIED', { ...rs, metadata: { ...rs.metadata, resourceVersion: '7', generation: 2 }, spec: { ...(rs.spec as object), replicas: 2 } });
  assert.equal(engine.queue.length, 1);
  await settle(engine);
  api.emit('ReplicaSet', 'MODIFIED', { ...rs, metadata: { ...rs.metadata, resourceVersion: '8', generation: 2, deletionTimestamp: '2026-11-24T10:31:00Z' } });
  assert.equal(engine.queue.length, 1);
  await settle(engine);
});
