import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { LocalClient } from '../../client/local-client.js';
import type { Timers } from '../../client/workqueue.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { CronJobController } from './controller.js';

const T0 = Date.parse('2026-11-24T10:24:54Z');
const noTimers: Timers = { setTimeout: () => undefined, clearTimeout: () => {} };
const settle = async () => { for (let i = 0; i < 5; i++) await new Promise((r) => setImmediate(r)); };

async function world(spec: Record<string, unknown> = {}) {
  const clock = new FakeClock(T0);
  const client = new LocalClient(new Registry(new MemoryStore(), clock, allKinds.find((k) => k.kind === 'Namespace')!), allKinds);
  await client.create(client.kind('', 'Namespace'), { metadata: { name: 'default' } });
  const cjDef = client.kind('batch', 'CronJob');
  const jobDef = client.kind('batch', 'Job');
  const cj = await client.create(cjDef, {
    apiVersion: 'batch/v1', kind: 'CronJob', metadata: { name: 'every-minute', namespace: 'default' },
    spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { metadata: { labels: { app: 'periodic' } }, spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } } }, ...spec },
  });
  const controller = new CronJobController(client, { clock, log: () => {}, timers: noTimers, defaultZone: 'UTC' });
  await controller.start();
  await settle();
  const events = async () => {
    await controller.recorder.flush();
    return (await client.list(client.kind('', 'Event'), 'default')).items
      .filter((e) => (e.involvedObject as { kind: string }).kind === 'CronJob')
      .map((e) => `${String(e.type)} ${String(e.reason)} ${String(e.message)}`);
  };
  const getCj = () => client.get(cjDef, 'default', 'every-minute');
  const jobNames = async () => (await client.list(jobDef, 'default')).items.filter((j) => !j.metadata.deletionTimestamp).map((j) => j.metadata.name).sort();
  const finish = async (name: string, at: string) => {
    const j = await client.get(jobDef, 'default', name);
    await client.updateStatus(jobDef, { ...j, status: { startTime: j.metadata.creationTimestamp, completionTime: at, succeeded: 1, uncountedTerminatedPods: {}, conditions: [
      { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: at, lastTransitionTime: at },
      { type: 'Complete', status: 'True', lastProbeTime: at, lastTransitionTime: at }] } });
    await settle();
  };
  return { clock, client, cjDef, jobDef, cj, controller, events, getCj, jobNames, finish };
}

test('cronjob controller: at the minute it creates the Job, records it in status.active, and requeues for the next minute', async () => {
  const w = await world();
  assert.equal(await w.controller.sync('default/every-minute'), 6_100);
  w.clock.set(Date.parse('2026-11-24T10:25:00.100Z'));
  assert.equal(await w.controller.sync('default/every-minute'), 60_000);
  await settle();
  const job = await w.client.get(w.jobDef, 'default', 'every-minute-29925265');
  assert.equal(job.metadata.annotations?.['batch.kubernetes.io/cronjob-scheduled-timestamp'], '2026-11-24T10:25:00Z');
  assert.deepEqual(job.metadata.ownerReferences, [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'every-minute', uid: w.cj.metadata.uid, blockOwnerDeletion: true, controller: true }]);
  const status = (await w.getCj()).status as Record<string, unknown>;
  assert.deepEqual(status, { active: [{ kind: 'Job', namespace: 'default', name: 'every-minute-29925265', uid: job.metadata.uid, apiVersion: 'batch/v1', resourceVersion: job.metadata.resourceVersion }], lastScheduleTime: '2026-11-24T10:25:00Z' });
  // A second sync in the same minute changes nothing.
  assert.equal(await w.controller.sync('default/every-minute'), 60_000);
  assert.deepEqual(await w.jobNames(), ['every-minute-29925265']);

  await w.finish('every-minute-29925265', '2026-11-24T10:25:01Z');
  w.clock.set(Date.parse('2026-11-24T10:25:01.200Z'));
  await w.controller.sync('default/every-minute');
  assert.deepEqual((await w.getCj()).status, { lastScheduleTime: '2026-11-24T10:25:00Z', lastSuccessfulTime: '2026-11-24T10:25:01Z' });
  assert.deepEqual(await w.events(), ['Normal SuccessfulCreate Created job every-minute-29925265', 'Normal SawCompletedJob Saw completed job: every-minute-29925265, condition: Complete']);
  w.controller.stop();
});

test('cronjob controller: successful history beyond the limit is deleted, oldest first, with SuccessfulDelete', async () => {
  const w = await world({ successfulJobsHistoryLimit: 1 });
  for (const minute of [25, 26]) {
    w.clock.set(Date.parse(`2026-11-24T10:${minute}:00.100Z`));
    await w.controller.sync('default/every-minute');
    await settle();
    await w.finish(`every-minute-${29925240 + minute}`, `2026-11-24T10:${minute}:01Z`);
    w.clock.advance(1_000);
    await w.controller.sync('default/every-minute');
    await settle();
  }
  assert.deepEqual(await w.jobNames(), ['every-minute-29925266']);
  assert.ok((await w.events()).includes('Normal SuccessfulDelete Deleted job every-minute-29925265'));
  w.controller.stop();
});

test('cronjob controller: Replace deletes the running Job before starting the next', async () => {
  const w = await world({ concurrencyPolicy: 'Replace' });
  w.clock.set(Date.parse('2026-11-24T10:25:00.100Z'));
  await w.controller.sync('default/every-minute');
  await settle();
  w.clock.set(Date.parse('2026-11-24T10:26:00.100Z'));
  await w.controller.sync('default/every-minute');
  await settle();
  assert.deepEqual(await w.jobNames(), ['every-minute-29925266']);
  const active = ((await w.getCj()).status as { active: Array<{ name: string }> }).active.map((r) => r.name);
  assert.deepEqual(active, ['every-minute-29925266']);
  assert.deepEqual(await w.events(), ['Normal SuccessfulCreate Created job every-minute-29925265', 'Normal SuccessfulDelete Deleted job every-minute-29925265', 'Normal SuccessfulCreate Created job every-minute-29925266']);
  w.controller.stop();
});

test('cronjob controller: a Job created by an earlier sync whose status write was lost is put back in active, not created twice', async () => {
  const w = await world();
  w.clock.set(Date.parse('2026-11-24T10:25:00.100Z'));
  await w.controller.sync('default/every-minute');
  await settle();
  // Lose the status write: active emptied, lastScheduleTime gone.
  const cur = await w.getCj();
  await w.client.updateStatus(w.cjDef, { ...cur, status: {} });
  await settle();
  await w.controller.sync('default/every-minute');
  const status = (await w.getCj()).status as { active: Array<{ name: string }>; lastScheduleTime: string };
  assert.deepEqual(status.active.map((r) => r.name), ['every-minute-29925265']);
  assert.equal(status.lastScheduleTime, '2026-11-24T10:25:00Z');
  assert.deepEqual(await w.jobNames(), ['every-minute-29925265']);
  w.controller.stop();
});

test('cronjob controller: a Job from `kubectl create job --from=cronjob/...` is an ordinary child (UnexpectedJob while it runs, history and lastSuccessfulTime after)', async () => {
  const w = await world({ suspend: true });
  const manual: KObject = {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name: 'manual', namespace: 'default', annotations: { 'cronjob.kubernetes.io/instantiate': 'manual' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'every-minute', uid: w.cj.metadata.uid!, controller: true }] },
    spec: (w.cj.spec as { jobTemplate: { spec: unknown } }).jobTemplate.spec,
  };
  await w.client.create(w.jobDef, manual);
  await settle();
  w.clock.set(Date.parse('2026-11-24T10:26:00Z'));
  assert.equal(await w.controller.sync('default/every-minute'), undefined); // suspended: no schedule, no requeue
  assert.deepEqual((await w.getCj()).status, {});
  await w.finish('manual', '2026-11-24T10:26:05Z');
  await w.controller.sync('default/every-minute');
  assert.deepEqual((await w.getCj()).status, { lastSuccessfulTime: '2026-11-24T10:26:05Z' });
  assert.deepEqual(await w.events(), ['Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual']);
  assert.deepEqual(await w.jobNames(), ['manual']);
  w.controller.stop();
});

test('cronjob controller: a changed schedule re-arms the queue for the new next time', async () => {
  const w = await world({ schedule: '0 * * * *' });
  const armed: number[] = [];
  const c = new CronJobController(w.client, { clock: w.clock, log: () => {}, defaultZone: 'UTC', timers: { setTimeout: (_fn, ms) => { armed.push(ms); return undefined; }, clearTimeout: () => {} } });
  await c.start();
  await settle();
  await w.client.mutate(w.cjDef, 'default', 'every-minute', (cur) => ({ ...cur, spec: { ...(cur.spec as object), schedule: '* * * * *' } }));
  await settle();
  assert.deepEqual(armed, [Date.parse('2026-11-24T11:00:00.100Z') - T0, 6_100]);
  c.stop();
  w.controller.stop();
});
