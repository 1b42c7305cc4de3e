import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { create, golden, statusOf } from '../job/testing.js';
import { cronJob } from './index.js';

for (const name of ['cronjob-schedule-61', 'cronjob-timezone-mars']) {
  test(`golden ${name}: same 422 body`, () => {
    const g = golden(name);
    const { obj, errs } = create(cronJob, g.request.body);
    assert.deepEqual(statusOf(cronJob, obj, errs), g.response.body);
  });
}

test('defaulting reproduces golden cronjob-before-first-run.yaml', () => {
  const want = parse(readFileSync('/work/shared/reference/golden/cronjob/cronjob-before-first-run.yaml', 'utf8')) as KObject;
  const annotations = (want.metadata.annotations ?? {}) as Record<string, string>;
  const body = JSON.parse(annotations['kubectl.kubernetes.io/last-applied-configuration']) as KObject;
  const { obj, errs } = create(cronJob, body);
  assert.deepEqual(errs, []);
  const strip = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === 'creationTimestamp' ? undefined : v))) as unknown;
  assert.deepEqual(strip(obj.spec), strip(want.spec));
});

const base = (spec: Record<string, unknown> = {}, name = 'cj'): KObject => ({
  metadata: { name },
  spec: { schedule: '*/5 * * * *', jobTemplate: { spec: { template: { spec: { restartPolicy: 'OnFailure', containers: [{ name: 'c', image: 'i' }] } } } }, ...spec },
});

const cases: Array<{ name: string; obj: KObject; want: string[] }> = [
  { name: 'valid cronjob passes', obj: base(), want: [] },
  { name: 'valid time zone passes', obj: base({ timeZone: 'Europe/Berlin' }), want: [] },
  { name: 'schedule required', obj: base({ schedule: '' }), want: ['spec.schedule: Required value'] },
  { name: 'TZ in schedule is refused on create', obj: base({ schedule: 'TZ=UTC * * * * *' }), want: [
    'spec.schedule: Invalid value: "TZ=UTC * * * * *": cannot use TZ or CRON_TZ in schedule, use timeZone field instead'] },
  { name: 'time zone with bad characters', obj: base({ timeZone: 'Etc/GMT:5' }), want: ['spec.timeZone: Invalid value: "Etc/GMT:5": unknown time zone Etc/GMT:5'] },
  { name: 'empty time zone', obj: base({ timeZone: '' }), want: ['spec.timeZone: Invalid value: "": timeZone must be nil or non-empty string'] },
  { name: 'Local is not explicit', obj: base({ timeZone: 'Local' }), want: ['spec.timeZone: Invalid value: "Local": timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'] },
  { name: 'negative deadline and history limits', obj: base({ startingDeadlineSeconds: -1, successfulJobsHistoryLimit: -2, failedJobsHistoryLimit: -3 }), want: [
    'spec.startingDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0',
    'spec.successfulJobsHistoryLimit: Invalid value: -2: must be greater than or equal to 0',
    'spec.failedJobsHistoryLimit: Invalid value: -3: must be greater than or equal to 0'] },
  { name: 'unknown concurrency policy', obj: base({ concurrencyPolicy: 'Sometimes' }), want: [
    'spec.concurrencyPolicy: Unsupported value: "Sometimes": supported values: "Allow", "Forbid", "Replace"'] },
  { name: 'jobTemplate is validated like a Job spec, without selectors', obj: base({ jobTemplate: { spec: { parallelism: -1, manualSelector: true, selector: { matchLabels: { a: 'b' } }, template: { spec: { containers: [{ name: 'c', image: 'i' }] } } } } }), want: [
    'spec.jobTemplate.spec.parallelism: Invalid value: -1: must be greater than or equal to 0',
    'spec.jobTemplate.spec.template.spec.restartPolicy: Required value: valid values: "OnFailure", "Never"',
    'spec.jobTemplate.spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"a":"b"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` will be auto-generated',
    'spec.jobTemplate.spec.manualSelector: Unsupported value: true: supported values: "nil", "false"'] },
  { name: 'names longer than 52 characters', obj: base({}, 'a'.repeat(53)), want: [`metadata.name: Invalid value: "${'a'.repeat(53)}": must be no more than 52 characters`] },
];

for (const c of cases) {
  test(c.name, () => {
    const { errs } = create(cronJob, c.obj);
    assert.deepEqual(errs.map(fieldErrorString), c.want);
  });
}

test('update keeps a TZ schedule that was already there, but not with timeZone too', () => {
  const { obj: old } = create(cronJob, base({ schedule: 'TZ=UTC 0 * * * *' }));
  const ok = structuredClone(old);
  (ok.spec as Record<string, unknown>).schedule = 'TZ=UTC 5 * * * *';
  assert.deepEqual(cronJob.validateUpdate?.(ok, old), []);
  const both = structuredClone(ok);
  (both.spec as Record<string, unknown>).timeZone = 'UTC';
  assert.deepEqual(cronJob.validateUpdate?.(both, old).map(fieldErrorString), [
    'spec.schedule: Invalid value: "TZ=UTC 5 * * * *": cannot use both timeZone field and TZ or CRON_TZ in schedule']);
});

test('update allows long names and keeps status', () => {
  const { obj: old } = create(cronJob, base({}, 'a'.repeat(60)));
  old.status = { lastScheduleTime: '2026-11-24T10:00:00Z' };
  const next = structuredClone(old);
  next.status = {};
  cronJob.prepareForUpdate?.(next, old);
  assert.deepEqual(cronJob.validateUpdate?.(next, old), []);
  assert.deepEqual(next.status, old.status);
});
