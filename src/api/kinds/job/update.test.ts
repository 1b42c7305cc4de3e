import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { Job } from 'kubernetes-types/batch/v1.js';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { job as jobKind } from './index.js';
import { golden, statusOf } from './testing.js';

const stored = () => parse(readFileSync('/work/shared/reference/golden/jobs/a-simple/job.yaml', 'utf8')) as KObject;
const update = (mutate: (j: Job) => void, old: KObject = stored()) => {
  const obj = structuredClone(old);
  mutate(obj as unknown as Job);
  jobKind.defaults?.(obj);
  jobKind.prepareForUpdate?.(obj, old);
  return { obj, errs: jobKind.validateUpdate?.(obj, old) ?? [] };
};

test('golden job-template-immutable-patch: prefix and suffix of the 422', () => {
  const g = golden('job-template-immutable-patch');
  const { obj, errs } = update((j) => { j.spec!.template.spec!.containers[0].image = 'busybox:1.36'; });
  const got = statusOf(jobKind, obj, errs);
  const want = g.response.body;
  const prefix = 'Job.batch "simple" is invalid: spec.template: Invalid value: core.PodTemplateSpec{';
  assert.ok(want.message!.startsWith(prefix) && got.message!.startsWith(prefix), got.message);
  assert.ok(got.message!.endsWith(': field is immutable'));
  assert.equal(got.details?.causes?.length, 1);
  assert.equal(got.details?.causes?.[0].field, 'spec.template');
  assert.ok(got.message!.includes('Image:"busybox:1.36"'));
});

const cases: Array<{ name: string; mutate: (j: Job) => void; old?: (j: Job) => void; want: string[] }> = [
  { name: 'unchanged update passes', mutate: () => {}, want: [] },
  { name: 'parallelism may change', mutate: (j) => { j.spec!.parallelism = 4; }, want: [] },
  { name: 'completions are immutable for NonIndexed', mutate: (j) => { j.spec!.completions = 3; }, want: ['spec.completions: Invalid value: 3: field is immutable'] },
  { name: 'selector is immutable (after the create rules, whose label errors upstream repeats)', mutate: (j) => { j.spec!.selector!.matchLabels!['x'] = 'y'; }, want: [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"bc018c86-0404-455c-8132-bbc6365aa661", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: `selector` not auto-generated',
    ...Array(2).fill('spec.template.metadata.labels: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"bc018c86-0404-455c-8132-bbc6365aa661", "batch.kubernetes.io/job-name":"simple", "controller-uid":"bc018c86-0404-455c-8132-bbc6365aa661", "job-name":"simple"}: `selector` does not match template `labels`'),
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"batch.kubernetes.io/controller-uid":"bc018c86-0404-455c-8132-bbc6365aa661", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable'] },
  { name: 'suspended, never started: nodeSelector may change', old: (j) => { j.spec!.suspend = true; delete j.status; },
    mutate: (j) => { j.spec!.template.spec!.nodeSelector = { disk: 'ssd' }; }, want: [] },
  { name: 'started job: nodeSelector is part of the immutable template', mutate: (j) => { j.spec!.template.spec!.nodeSelector = { disk: 'ssd' }; },
    want: ['spec.template: field is immutable'] },
  { name: 'elastic indexed job scales completions with parallelism', old: (j) => { Object.assign(j.spec!, { completionMode: 'Indexed', completions: 2, parallelism: 2 }); },
    mutate: (j) => { Object.assign(j.spec!, { completions: 4, parallelism: 4 }); }, want: [] },
  { name: 'elastic indexed job: completions alone cannot change', old: (j) => { Object.assign(j.spec!, { completionMode: 'Indexed', completions: 2, parallelism: 2 }); },
    mutate: (j) => { j.spec!.completions = 4; }, want: ['spec.completions: Invalid value: 4: can only be modified in tandem with spec.parallelism'] },
];

for (const c of cases) {
  test(c.name, () => {
    const old = stored();
    c.old?.(old as unknown as Job);
    const { errs } = update(c.mutate, old);
    // The Go value dump of a template is not reproducible; compare the rest.
    assert.deepEqual(errs.map(fieldErrorString).map((s) => s.replace(/Invalid value: core\.PodTemplateSpec\{.*\}: /, '')), c.want);
  });
}

test('status writes keep non-negative counts and cannot un-finish a Job', () => {
  const old = stored();
  const obj = structuredClone(old) as unknown as Job;
  obj.status = { ...obj.status, succeeded: 0, active: -1, conditions: [] };
  const errs = jobKind.validateStatusUpdate?.(obj as unknown as KObject, old) ?? [];
  assert.deepEqual(errs.map(fieldErrorString), [
    'status.active: Invalid value: -1: must be greater than or equal to 0',
    'status.completionTime: Invalid value: "2026-11-24T10:23:27Z": cannot set completionTime when there is no Complete=True condition',
    'status.conditions: Invalid value: cannot disable the terminal Complete=True condition',
    'status.succeeded: Invalid value: 0: cannot decrease the succeeded counter',
  ]);
});

test('main-resource updates keep the stored status', () => {
  const old = stored();
  const { obj } = update((j) => { j.status = { succeeded: 99 }; });
  assert.deepEqual(obj.status, old.status);
});
