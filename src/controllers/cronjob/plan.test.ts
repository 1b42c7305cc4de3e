import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CronJob, CronJobSpec, CronJobStatus, Job } from 'kubernetes-types/batch/v1.js';
import { FakeClock } from '../../util/clock.js';
import { planCronJob, type CronJobPlan } from './plan.js';

const CREATED = '2026-11-24T10:24:54Z';
const at = (iso: string) => Date.parse(iso);

function cronJob(spec: Partial<CronJobSpec> = {}, status: CronJobStatus = {}, extra: { deleting?: boolean } = {}): CronJob {
  return deepFreeze({
    apiVersion: 'batch/v1', kind: 'CronJob',
    metadata: { name: 'every-minute', namespace: 'default', uid: 'cj-uid', creationTimestamp: CREATED, ...(extra.deleting ? { deletionTimestamp: '2026-11-24T10:30:00Z' } : {}) },
    spec: {
      schedule: '* * * * *', concurrencyPolicy: 'Allow', suspend: false, successfulJobsHistoryLimit: 3, failedJobsHistoryLimit: 1,
      jobTemplate: { metadata: { labels: { app: 'periodic' } }, spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'main', image: 'luksa/batch-job' }] } } } },
      ...spec,
    },
    status,
  });
}

function job(name: string, opts: { uid?: string; start?: string; done?: 'Complete' | 'Failed'; completed?: string } = {}): Job {
  const conditions = opts.done ? [{ type: opts.done, status: 'True', lastTransitionTime: opts.completed ?? opts.start }] : [];
  return deepFreeze({
    metadata: { name, namespace: 'default', uid: opts.uid ?? `${name}-uid`, ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'every-minute', uid: 'cj-uid', controller: true }] },
    status: { ...(opts.start ? { startTime: opts.start } : {}), ...(opts.done === 'Complete' ? { completionTime: opts.completed ?? opts.start } : {}), conditions },
  });
}

const ref = (name: string, uid = `${name}-uid`) => ({ kind: 'Job', namespace: 'default', name, uid, apiVersion: 'batch/v1' });

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object') { Object.values(o).forEach(deepFreeze); Object.freeze(o); }
  return o;
}

/** The parts of a plan the cases check, in a form deepEqual diffs readably. */
function summary(p: CronJobPlan) {
  return {
    prune: p.prune.map((j) => j.metadata?.name),
    events: p.events.map((e) => `${e.type} ${e.reason} ${e.message}`),
    active: (p.status.active ?? []).map((r) => r.name),
    lastScheduleTime: p.status.lastScheduleTime,
    lastSuccessfulTime: p.status.lastSuccessfulTime,
    start: p.start && { name: p.start.job.metadata?.name, scheduled: new Date(p.start.scheduledTime).toISOString(), replace: p.start.replace.map((r) => r.name), requeueAfterMs: p.start.requeueAfterMs },
    requeueAfterMs: p.requeueAfterMs,
  };
}

type Summary = ReturnType<typeof summary>;
interface Case { name: string; cj: CronJob; jobs?: Job[]; now: string; zone?: string; gone?: string[]; want: Partial<Summary> }

const cases: Case[] = [
  { name: 'before the first minute: nothing yet, look again 100 ms after it', cj: cronJob(), now: '2026-11-24T10:24:58Z',
    want: { start: undefined, requeueAfterMs: 2_100, events: [] } },
  { name: 'every minute: the minute arrives, a Job named by minutes since the epoch starts', cj: cronJob(), now: '2026-11-24T10:25:00.100Z',
    want: { start: { name: 'every-minute-29925265', scheduled: '2026-11-24T10:25:00.000Z', replace: [], requeueAfterMs: 60_000 }, events: [] } },
  { name: 'the scheduled time already run (lastScheduleTime) is not run twice', cj: cronJob({}, { lastScheduleTime: '2026-11-24T10:25:00Z' }), now: '2026-11-24T10:25:30Z',
    want: { start: undefined, requeueAfterMs: 30_100 } },
  { name: 'an active Job of that name also counts as run', cj: cronJob({}, { active: [ref('every-minute-29925265')] }), jobs: [job('every-minute-29925265', { start: '2026-11-24T10:25:00Z' })], now: '2026-11-24T10:25:30Z',
    want: { start: undefined, active: ['every-minute-29925265'], requeueAfterMs: 30_100 } },
  { name: 'missed runs: only the most recent one starts', cj: cronJob({}, { lastScheduleTime: '2026-11-24T10:00:00Z' }), now: '2026-11-24T10:05:30Z',
    want: { start: { name: 'every-minute-29925245', scheduled: '2026-11-24T10:05:00.000Z', replace: [], requeueAfterMs: 30_100 }, events: [] } },
  { name: 'more than 100 missed: TooManyMissedTimes, and the most recent still starts', cj: cronJob(), now: '2026-11-24T12:25:30Z',
    want: { start: { name: 'every-minute-29925385', scheduled: '2026-11-24T12:25:00.000Z', replace: [], requeueAfterMs: 30_100 },
      events: ['Warning TooManyMissedTimes too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew'] } },
  { name: 'startingDeadlineSeconds: runs older than the deadline are skipped without a Job', cj: cronJob({ schedule: '0 * * * *', startingDeadlineSeconds: 10 }), now: '2026-11-24T11:00:20Z',
    want: { start: undefined, events: [], requeueAfterMs: at('2026-11-24T12:00:00.100Z') - at('2026-11-24T11:00:20Z') } },
  { name: 'startingDeadlineSeconds: a run within the deadline starts', cj: cronJob({ schedule: '0 * * * *', startingDeadlineSeconds: 30 }), now: '2026-11-24T11:00:20Z',
    want: { start: { name: 'every-minute-29925300', scheduled: '2026-11-24T11:00:00.000Z', replace: [], requeueAfterMs: at('2026-11-24T12:00:00.100Z') - at('2026-11-24T11:00:20Z') } } },
  { name: 'Forbid with an active Job: JobAlreadyActive, nothing starts', cj: cronJob({ concurrencyPolicy: 'Forbid' }, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }),
    jobs: [job('every-minute-29925265', { start: '2026-11-24T10:25:00Z' })], now: '2026-11-24T10:26:00.100Z',
    want: { start: undefined, active: ['every-minute-29925265'], events: ['Normal JobAlreadyActive Not starting job because prior execution is running and concurrency policy is Forbid'], requeueAfterMs: 60_000 } },
  { name: 'Allow with an active Job: a second one starts beside it', cj: cronJob({}, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }),
    jobs: [job('every-minute-29925265', { start: '2026-11-24T10:25:00Z' })], now: '2026-11-24T10:26:00.100Z',
    want: { start: { name: 'every-minute-29925266', scheduled: '2026-11-24T10:26:00.000Z', replace: [], requeueAfterMs: 60_000 }, active: ['every-minute-29925265'] } },
  { name: 'Replace with an active Job: it is deleted before the next starts', cj: cronJob({ concurrencyPolicy: 'Replace' }, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }),
    jobs: [job('every-minute-29925265', { start: '2026-11-24T10:25:00Z' })], now: '2026-11-24T10:26:00.100Z',
    want: { start: { name: 'every-minute-29925266', scheduled: '2026-11-24T10:26:00.000Z', replace: ['every-minute-29925265'], requeueAfterMs: 60_000 } } },
  { name: 'suspended: nothing starts and nothing is requeued', cj: cronJob({ suspend: true }), now: '2026-11-24T10:25:00.100Z',
    want: { start: undefined, requeueAfterMs: undefined, events: [] } },
  { name: 'being deleted: status only', cj: cronJob({}, {}, { deleting: true }), now: '2026-11-24T10:25:00.100Z',
    want: { start: undefined, requeueAfterMs: undefined } },
  { name: 'a finished active Job leaves active with SawCompletedJob and sets lastSuccessfulTime',
    cj: cronJob({}, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }),
    jobs: [job('every-minute-29925265', { start: '2026-11-24T10:25:00Z', done: 'Complete', completed: '2026-11-24T10:25:01Z' })], now: '2026-11-24T10:25:01.500Z',
    want: { active: [], lastSuccessfulTime: '2026-11-24T10:25:01Z', events: ['Normal SawCompletedJob Saw completed job: every-minute-29925265, condition: Complete'], requeueAfterMs: 58_600 } },
  { name: 'a failed Job: SawCompletedJob with condition Failed, no lastSuccessfulTime',
    cj: cronJob({}, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }),
    jobs: [job('every-minute-29925265', { start: '2026-11-24T10:25:00Z', done: 'Failed', completed: '2026-11-24T10:25:09Z' })], now: '2026-11-24T10:25:10Z',
    want: { active: [], lastSuccessfulTime: undefined, events: ['Normal SawCompletedJob Saw completed job: every-minute-29925265, condition: Failed'] } },
  { name: 'a running Job of ours not in active (kubectl create job --from): UnexpectedJob, left alone',
    cj: cronJob({}, { lastScheduleTime: '2026-11-24T10:25:00Z' }), jobs: [job('manual', { start: '2026-11-24T10:25:10Z' })], now: '2026-11-24T10:25:20Z',
    want: { active: [], prune: [], events: ['Warning UnexpectedJob Saw a job that the controller did not create or forgot: manual'], start: undefined } },
  { name: 'a finished manual Job counts for lastSuccessfulTime and history, without events',
    cj: cronJob({}, { lastScheduleTime: '2026-11-24T10:25:00Z', lastSuccessfulTime: '2026-11-24T10:25:01Z' }),
    jobs: [job('manual', { start: '2026-11-24T10:25:10Z', done: 'Complete', completed: '2026-11-24T10:25:12Z' })], now: '2026-11-24T10:25:20Z',
    want: { lastSuccessfulTime: '2026-11-24T10:25:12Z', events: [], prune: [] } },
  { name: 'an active Job the API server says is gone: MissingJob, removed',
    cj: cronJob({}, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }), gone: ['every-minute-29925265-uid'], now: '2026-11-24T10:25:20Z',
    want: { active: [], events: ['Normal MissingJob Active job went missing: every-minute-29925265'] } },
  { name: 'an active Job missing from the cache but still on the API server stays',
    cj: cronJob({}, { active: [ref('every-minute-29925265')], lastScheduleTime: '2026-11-24T10:25:00Z' }), now: '2026-11-24T10:25:20Z',
    want: { active: ['every-minute-29925265'], events: [] } },
  { name: 'history: the oldest successful Jobs beyond 3 and failed beyond 1 are pruned, oldest first',
    cj: cronJob({}, { lastScheduleTime: '2026-11-24T10:29:00Z' }),
    jobs: [
      job('s5', { start: '2026-11-24T10:29:00Z', done: 'Complete' }), job('s1', { start: '2026-11-24T10:25:00Z', done: 'Complete' }),
      job('s3', { start: '2026-11-24T10:27:00Z', done: 'Complete' }), job('s2', { start: '2026-11-24T10:26:00Z', done: 'Complete' }),
      job('s4', { start: '2026-11-24T10:28:00Z', done: 'Complete' }), job('f2', { start: '2026-11-24T10:22:00Z', done: 'Failed' }),
      job('f1', { start: '2026-11-24T10:21:00Z', done: 'Failed' }), job('running', { start: '2026-11-24T10:29:00Z' }),
    ], now: '2026-11-24T10:29:30Z',
    want: { prune: ['s1', 's2', 'f1'] } },
  { name: 'history limit 0 prunes every finished Job, an unstarted one last',
    cj: cronJob({ successfulJobsHistoryLimit: 0 }, { lastScheduleTime: '2026-11-24T10:29:00Z' }),
    jobs: [job('b'), job('a', { start: '2026-11-24T10:20:00Z', done: 'Complete' }), { ...job('c'), status: { conditions: [{ type: 'Complete', status: 'True' }] } }],
    now: '2026-11-24T10:29:30Z', want: { prune: ['a', 'c'] } },
  { name: 'a pruned active Job leaves active without SawCompletedJob', cj: cronJob({ successfulJobsHistoryLimit: 0 }, { active: [ref('x')], lastScheduleTime: '2026-11-24T10:29:00Z' }),
    jobs: [job('x', { start: '2026-11-24T10:29:00Z', done: 'Complete', completed: '2026-11-24T10:29:02Z' })], now: '2026-11-24T10:29:30Z',
    want: { prune: ['x'], active: [], events: [], lastSuccessfulTime: '2026-11-24T10:29:02Z' } },
  { name: 'time zone: 0 9 * * * in Europe/Berlin is 08:00Z in winter', cj: cronJob({ schedule: '0 9 * * *', timeZone: 'Europe/Berlin' }, { lastScheduleTime: '2026-03-27T08:00:00Z' }), now: '2026-03-28T08:00:00.100Z',
    want: { start: { name: `every-minute-${at('2026-03-28T08:00:00Z') / 60_000}`, scheduled: '2026-03-28T08:00:00.000Z', replace: [], requeueAfterMs: at('2026-03-29T07:00:00.100Z') - at('2026-03-28T08:00:00.100Z') } } },
  { name: 'time zone: across the spring DST change the next run is 07:00Z (23 h later)', cj: cronJob({ schedule: '0 9 * * *', timeZone: 'Europe/Berlin' }, { lastScheduleTime: '2026-03-28T08:00:00Z' }), now: '2026-03-29T06:59:00Z',
    want: { start: undefined, requeueAfterMs: 60_100 } },
  { name: 'time zone: the controller zone applies without timeZone', cj: cronJob({ schedule: '0 9 * * *' }, { lastScheduleTime: '2026-11-23T14:00:00Z' }), zone: 'America/New_York', now: '2026-11-24T14:00:00.100Z',
    want: { start: { name: `every-minute-${at('2026-11-24T14:00:00Z') / 60_000}`, scheduled: '2026-11-24T14:00:00.000Z', replace: [], requeueAfterMs: 86_400_000 } } },
  { name: 'an unknown time zone: UnknownTimeZone, nothing starts', cj: cronJob({ timeZone: 'Mars/Base' }), now: '2026-11-24T10:25:00.100Z',
    want: { start: undefined, requeueAfterMs: undefined, events: ['Warning UnknownTimeZone invalid timeZone: "Mars/Base": unknown time zone Mars/Base'] } },
  { name: 'TZ= in the schedule: UnsupportedSchedule warning, and it is honoured', cj: cronJob({ schedule: 'TZ=Asia/Tokyo 0 9 * * *' }, { lastScheduleTime: '2026-11-23T00:00:00Z' }), now: '2026-11-24T00:00:00.100Z',
    want: { start: { name: `every-minute-${at('2026-11-24T00:00:00Z') / 60_000}`, scheduled: '2026-11-24T00:00:00.000Z', replace: [], requeueAfterMs: 86_400_000 },
      events: ['Warning UnsupportedSchedule CRON_TZ or TZ used in schedule "TZ=Asia/Tokyo 0 9 * * *" is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details'] } },
  { name: 'an unparseable schedule (stored before validation) is reported', cj: cronJob({ schedule: '61 * * * *' }), now: '2026-11-24T10:25:00Z',
    want: { start: undefined, requeueAfterMs: undefined, events: ['Warning UnparseableSchedule unparseable schedule: "61 * * * *" : end of range (61) above maximum (59): 61'] } },
  { name: 'a schedule that never comes (February 30th): InvalidSchedule', cj: cronJob({ schedule: '0 0 30 2 *' }), now: '2026-11-24T10:25:00Z',
    want: { start: undefined, requeueAfterMs: undefined, events: ['Warning InvalidSchedule invalid schedule: 0 0 30 2 * : time difference between two schedules is less than 1 second'] } },
  { name: '@hourly descriptor', cj: cronJob({ schedule: '@hourly' }), now: '2026-11-24T11:00:00.100Z',
    want: { start: { name: 'every-minute-29925300', scheduled: '2026-11-24T11:00:00.000Z', replace: [], requeueAfterMs: 3_600_000 } } },
];

for (const c of cases) {
  test(`plan: ${c.name}`, () => {
    const clock = new FakeClock(at(c.now));
    const got = summary(planCronJob({ cronJob: c.cj, jobs: c.jobs ?? [], now: clock.now(), defaultZone: c.zone ?? 'UTC', goneActive: new Set(c.gone ?? []) }));
    const picked = Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k as keyof Summary]]));
    assert.deepEqual(picked, c.want);
  });
}

test('plan: one CronJob followed minute by minute on a fake clock', () => {
  const clock = new FakeClock(at('2026-11-24T10:24:54Z'));
  let cj = cronJob();
  const started: string[] = [];
  for (let i = 0; i < 5; i++) {
    const p = planCronJob({ cronJob: cj, jobs: [], now: clock.now(), defaultZone: 'UTC' });
    const wait = p.start?.requeueAfterMs ?? p.requeueAfterMs!;
    if (p.start) {
      started.push(p.start.job.metadata!.name!);
      cj = cronJob({}, { lastScheduleTime: new Date(p.start.scheduledTime).toISOString().replace('.000Z', 'Z') });
    }
    clock.advance(wait);
  }
  assert.deepEqual(started, ['every-minute-29925265', 'every-minute-29925266', 'every-minute-29925267', 'every-minute-29925268']);
});

test('plan: the Job comes from the template with the scheduled-time annotation in the CronJob zone and a controller reference', () => {
  const cj = cronJob({ schedule: '0 9 * * *', timeZone: 'Europe/Berlin', jobTemplate: { metadata: { labels: { app: 'x' }, annotations: { note: 'y' } }, spec: { backoffLimit: 2, template: { spec: { containers: [] } } } } },
    { lastScheduleTime: '2026-06-01T07:00:00Z' });
  const p = planCronJob({ cronJob: cj, jobs: [], now: at('2026-06-02T07:00:00.100Z'), defaultZone: 'UTC' });
  assert.deepEqual(p.start?.job, {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: {
      name: `every-minute-${at('2026-06-02T07:00:00Z') / 60_000}`, namespace: 'default', labels: { app: 'x' },
      annotations: { note: 'y', 'batch.kubernetes.io/cronjob-scheduled-timestamp': '2026-06-02T09:00:00+02:00' },
      ownerReferences: [{ apiVersion: 'batch/v1', kind: 'CronJob', name: 'every-minute', uid: 'cj-uid', blockOwnerDeletion: true, controller: true }],
    },
    spec: { backoffLimit: 2, template: { spec: { containers: [] } } },
  });
});
