import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Informer } from '../../client/informer.js';
import { FakeClock } from '../../util/clock.js';
import { FakeApi, informers, ManualTimers } from '../replicaset/testing.js';
import { addPodIndexes, JobController } from './controller.js';
import type { JobObject } from './job-control.js';
import type { PodObject } from './pods.js';
import { at, job, pod, RecordingJobControl, T0, type JobOpts } from './testing.js';

const KEY = 'default/pi';
const FINALIZER_PATCH = '{"metadata":{"$deleteFromPrimitiveList/finalizers":["batch.kubernetes.io/job-tracking"]}}';

async function setup(o: { job?: JobOpts | null; pods?: PodObject[]; now?: number } = {}) {
  const api = new FakeApi({ Job: o.job === null ? [] : [job(o.job ?? {})], Pod: o.pods ?? [] });
  const { owners, pods } = await informers(api, 'Job');
  addPodIndexes(pods as Informer<PodObject>);
  const control = new RecordingJobControl();
  const clock = new FakeClock(o.now ?? T0);
  const timers = new ManualTimers();
  const c = new JobController(owners as Informer<JobObject>, pods as Informer<PodObject>, control, clock, () => {}, { backoffBaseMs: 10_000, timers });
  // Every delayed add the controller asks for (the queue itself keeps only the earliest per key).
  const requeues: number[] = [];
  const addAfter = c.queue.addAfter.bind(c.queue);
  c.queue.addAfter = (key: string, ms: number) => { requeues.push(ms); addAfter(key, ms); };
  return { api, c, control, clock, requeues };
}

test('a new Job creates one pod from its template and writes active, ready, terminating and startTime', async () => {
  const { c, control } = await setup();
  await c.sync(KEY);
  assert.equal(control.created.length, 1);
  const p = control.created[0]!;
  assert.equal(p.metadata.generateName, 'pi-');
  assert.deepEqual(p.metadata.finalizers, ['batch.kubernetes.io/job-tracking']);
  assert.deepEqual(p.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: 'job-uid', blockOwnerDeletion: true, controller: true }]);
  assert.equal(p.metadata.labels?.['batch.kubernetes.io/job-name'], 'pi');
  assert.deepEqual(control.statuses, [{ startTime: at(0), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 }]);
  assert.deepEqual(control.events, ['Normal SuccessfulCreate Created pod: pi-00001']);
});

test('expectations: no second create until the first pod is seen', async () => {
  const { api, c, control } = await setup();
  await c.sync(KEY);
  await c.sync(KEY);
  assert.equal(control.created.length, 1);
  api.emit('Pod', 'ADDED', pod('pi-00001', { phase: 'Pending' }));
  await c.sync(KEY);
  assert.equal(control.created.length, 1, 'the seen pod is active: nothing more to create');
  assert.ok(c.expectations.satisfied(KEY));
});

test('slow start: 5 pods are created in batches of 1, 2 and 2', async () => {
  const { c, control } = await setup({ job: { parallelism: 5, completions: 5 } });
  await c.sync(KEY);
  assert.equal(control.created.length, 5);
});

test('a succeeded pod is listed as uncounted, loses its finalizer, is counted, and the Job completes', async () => {
  const { c, control } = await setup({ job: { status: { startTime: at(0), active: 1, ready: 0, terminating: 0 } }, pods: [pod('pi-a', { phase: 'Succeeded', finishedAt: 2 })], now: T0 + 3000 });
  await c.sync(KEY);
  assert.deepEqual(control.calls, ['status', `patch pi-a ${FINALIZER_PATCH}`, 'status']);
  const met = { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: at(3), lastTransitionTime: at(3), reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
  assert.deepEqual(control.statuses[0], { conditions: [met], startTime: at(0), terminating: 0, uncountedTerminatedPods: { succeeded: ['uid-pi-a'] }, ready: 0 });
  assert.deepEqual(control.statuses[1], { conditions: [met, { ...met, type: 'Complete' }], startTime: at(0), completionTime: at(3), succeeded: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 });
  assert.deepEqual(control.events, ['Normal Completed Job completed']);
  assert.ok(c.finalizerExpectations.isPending(KEY, 'uid-pi-a'));
});

test('after a restart, a uid left in uncountedTerminatedPods whose pod is gone is counted exactly once', async () => {
  const { c, control } = await setup({ job: { status: { startTime: at(0), ready: 0, terminating: 0, uncountedTerminatedPods: { succeeded: ['uid-gone'] } } } });
  await c.sync(KEY);
  assert.equal(control.created.length, 0);
  assert.equal(control.statuses.at(-1)?.succeeded, 1);
  assert.equal(control.statuses.at(-1)?.conditions?.at(-1)?.type, 'Complete');
});

test('a pod whose finalizer removal is still pending is not counted twice', async () => {
  const { api, c, control } = await setup({ job: { completions: 2, status: { startTime: at(0), active: 1, ready: 0, terminating: 0 } }, pods: [pod('pi-a', { phase: 'Succeeded' })] });
  await c.sync(KEY);
  const before = control.statuses.at(-1);
  assert.equal(before?.succeeded, 1);
  // The informer has not yet seen the finalizer go: the next sync must not count pi-a again.
  api.emit('Job', 'MODIFIED', { ...job({ completions: 2 }), metadata: { ...job().metadata, resourceVersion: '9' }, status: before });
  await c.sync(KEY);
  assert.equal(control.statuses.at(-1)?.succeeded, 1);
});

test('a failed create records FailedCreate, fails the sync and lowers the expectations', async () => {
  const { c, control } = await setup({ job: { parallelism: 3, completions: 3 } });
  control.fail.create = new Error('pods "pi-x" is forbidden: exceeded quota');
  await assert.rejects(c.sync(KEY), /exceeded quota/);
  assert.equal(control.calls.filter((x) => x === 'create').length, 1, 'slow start: the first failing batch stops the rest');
  assert.ok(c.expectations.satisfied(KEY));
  assert.deepEqual(control.events, ['Warning FailedCreate Error creating: pods "pi-x" is forbidden: exceeded quota']);
});

test('a failed pod is replaced only after the back-off: the sync is requeued for the rest of it', async () => {
  const { c, control, requeues } = await setup({ job: { status: { startTime: at(0), active: 1, ready: 0, terminating: 0 } }, pods: [pod('pi-a', { phase: 'Failed', finishedAt: 0 })], now: T0 + 3000 });
  await c.sync(KEY);
  assert.equal(control.created.length, 0);
  assert.deepEqual(requeues, [7000]);
  assert.deepEqual(c.backoffs.get(KEY), { failuresAfterLastSuccess: 1, lastFailureTime: T0 });
  assert.equal(control.statuses.at(-1)?.failed, 1);
});

test('activeDeadlineSeconds ahead: the Job is looked at again at its deadline', async () => {
  const { c, requeues } = await setup({ job: { activeDeadlineSeconds: 5, status: { startTime: at(0), active: 1, ready: 0, terminating: 0 } }, pods: [pod('pi-a')], now: T0 + 2000 });
  await c.sync(KEY);
  assert.deepEqual(requeues, [3000]);
});

test('DeadlineExceeded: the running pod is deleted, FailureTarget written, Failed once it is gone', async () => {
  const { api, c, control } = await setup({ job: { activeDeadlineSeconds: 5, status: { startTime: at(0), active: 1, ready: 1, terminating: 0 } }, pods: [pod('pi-a', { ready: true })], now: T0 + 5000 });
  await c.sync(KEY);
  assert.deepEqual(control.calls, ['delete pi-a', 'status', `patch pi-a ${FINALIZER_PATCH}`, 'status']);
  assert.deepEqual(control.statuses.at(-1)?.conditions?.map((x) => x.type), ['FailureTarget']);
  assert.deepEqual([control.statuses.at(-1)?.failed, control.statuses.at(-1)?.terminating, control.statuses.at(-1)?.ready], [1, 1, 0]);
  api.emit('Job', 'MODIFIED', { ...job({ activeDeadlineSeconds: 5 }), metadata: { ...job().metadata, resourceVersion: '9' }, status: control.statuses.at(-1) });
  api.emit('Pod', 'DELETED', pod('pi-a', { deleting: true, finalizer: false }));
  await c.sync(KEY);
  assert.deepEqual(control.statuses.at(-1)?.conditions?.map((x) => `${x.type}/${x.reason}`), ['FailureTarget/DeadlineExceeded', 'Failed/DeadlineExceeded']);
  assert.equal(control.statuses.at(-1)?.completionTime, undefined, 'a failed Job has no completionTime');
  assert.deepEqual(control.events, ['Normal SuccessfulDelete Deleted pod: pi-a', 'Warning DeadlineExceeded Job was active longer than specified deadline']);
});

test('suspend: active pods lose their finalizer and are deleted; Suspended event', async () => {
  const { c, control } = await setup({ job: { suspend: true, status: { startTime: at(0), active: 1, ready: 0, terminating: 0 } }, pods: [pod('pi-a')] });
  await c.sync(KEY);
  assert.deepEqual(control.calls.slice(0, 2), [`patch pi-a ${FINALIZER_PATCH}`, 'delete pi-a']);
  assert.deepEqual(control.events, ['Normal SuccessfulDelete Deleted pod: pi-a', 'Normal Suspended Job suspended']);
  assert.equal(control.statuses.at(-1)?.conditions?.[0]?.reason, 'JobSuspended');
});

test('orphan queue: a pod of a deleted Job loses its finalizer; one of a running Job keeps it', async () => {
  const gone = await setup({ job: null, pods: [pod('pi-a', { phase: 'Succeeded' })] });
  await gone.c.syncOrphanPod('default/pi-a');
  assert.deepEqual(gone.control.calls, [`patch pi-a ${FINALIZER_PATCH}`]);
  const running = await setup({ pods: [pod('pi-a')] });
  await running.c.syncOrphanPod('default/pi-a');
  assert.deepEqual(running.control.calls, []);
});

test('a finished Job is not synced', async () => {
  const { c, control } = await setup({ job: { status: { conditions: [{ type: 'Complete', status: 'True' }] } } });
  await c.sync(KEY);
  assert.deepEqual(control.calls, []);
});

test('backoffLimitPerIndex: the replacement carries the index failure count; the failed pod keeps its finalizer until it exists', async () => {
  const FC = 'batch.kubernetes.io/job-index-failure-count';
  const failed = pod('pi-0-a', { index: 0, phase: 'Failed', finishedAt: 0, annotations: { [FC]: '0' } });
  const { api, c, control } = await setup({ job: { completionMode: 'Indexed', backoffLimitPerIndex: 2, status: { startTime: at(0), ready: 0, terminating: 0 } }, pods: [failed], now: T0 + 10_000 });
  await c.sync(KEY);
  assert.equal(control.created.length, 1);
  assert.equal(control.created[0]!.metadata.generateName, 'pi-0-');
  assert.deepEqual(control.created[0]!.metadata.annotations, { 'batch.kubernetes.io/job-completion-index': '0', [FC]: '1' });
  assert.ok(!control.calls.some((x) => x.startsWith('patch pi-0-a')), 'no finalizer removal before the replacement is seen');
  api.emit('Pod', 'ADDED', pod('pi-0-b', { index: 0, phase: 'Pending', annotations: { [FC]: '1' } }));
  await c.sync(KEY);
  assert.ok(control.calls.includes(`patch pi-0-a ${FINALIZER_PATCH}`));
  assert.deepEqual(control.statuses.at(-2)?.uncountedTerminatedPods, { failed: ['uid-pi-0-a'] }, 'listed as uncounted first');
  assert.deepEqual([control.statuses.at(-1)?.failed, control.statuses.at(-1)?.failedIndexes], [1, ''], 'then counted; no index failed yet');
});

test('podFailurePolicy FailJob: FailureTarget, then Failed with the rule\'s message and a Warning PodFailurePolicy event', async () => {
  const podFailurePolicy = { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [42] } }] };
  const { c, control } = await setup({ job: { podFailurePolicy, status: { startTime: at(0), active: 1, ready: 0, terminating: 0 } }, pods: [pod('pi-a', { phase: 'Failed', exitCode: 42 })] });
  await c.sync(KEY);
  const msg = 'Container pi for pod default/pi-a failed with exit code 42 matching FailJob rule at index 0';
  assert.deepEqual(control.statuses.at(-1)?.conditions?.map((x) => `${x.type}/${x.reason}: ${x.message}`), [`FailureTarget/PodFailurePolicy: ${msg}`, `Failed/PodFailurePolicy: ${msg}`]);
  assert.equal(control.statuses.at(-1)?.failed, 1);
  assert.deepEqual(control.events, [`Warning PodFailurePolicy ${msg}`]);
});
