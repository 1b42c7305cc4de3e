import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job } from 'kubernetes-types/batch/v1.js';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { job as jobKind } from './index.js';
import { create, golden, statusOf, UID } from './testing.js';

for (const name of ['job-restartpolicy-always', 'job-selector-mismatch', 'job-negative-parallelism', 'job-indexed-parallelism2-without-completions', 'job-multiple-errors']) {
  test(`golden ${name}: same 422 body`, () => {
    const g = golden(name);
    const { obj, errs } = create(jobKind, g.request.body);
    assert.deepEqual(statusOf(jobKind, obj, errs), g.response.body);
  });
}

test('golden job-indexed-without-completions-defaulted-201: accepted with completions and parallelism 1', () => {
  const g = golden('job-indexed-without-completions-defaulted-201');
  const { obj, errs } = create(jobKind, g.request.body);
  assert.deepEqual(errs, []);
  const spec = (obj as unknown as Job).spec!;
  assert.equal(spec.completions, 1);
  assert.equal(spec.parallelism, 1);
  assert.equal(spec.backoffLimit, 6);
});

const base = (spec: Record<string, unknown> = {}, tplSpec: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' },
  spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }], ...tplSpec } } },
});

const cases: Array<{ name: string; obj: KObject; want: string[] }> = [
  { name: 'valid job passes', obj: base(), want: [] },
  { name: 'negative backoffLimit and ttl', obj: base({ backoffLimit: -1, ttlSecondsAfterFinished: -5 }), want: [
    'spec.backoffLimit: Invalid value: -1: must be greater than or equal to 0',
    'spec.ttlSecondsAfterFinished: Invalid value: -5: must be greater than or equal to 0'] },
  { name: 'backoffLimitPerIndex needs Indexed', obj: base({ backoffLimitPerIndex: 1 }), want: [
    'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode'] },
  { name: 'maxFailedIndexes needs backoffLimitPerIndex', obj: base({ completionMode: 'Indexed', completions: 3, maxFailedIndexes: 1 }), want: [
    'spec.backoffLimitPerIndex: Required value: when maxFailedIndexes is specified'] },
  { name: 'podFailurePolicy needs restartPolicy Never', obj: base({ podFailurePolicy: { rules: [{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] } }] } }, { restartPolicy: 'OnFailure' }), want: [
    'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified'] },
  { name: 'podFailurePolicy rule checks', obj: base({ podFailurePolicy: { rules: [
    { action: 'FailIndex', onExitCodes: { operator: 'In', containerName: 'nope', values: [0, 3, 3, 1] } },
    { action: 'Boom' }] } }), want: [
    'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set',
    'spec.podFailurePolicy.rules[0].onExitCodes.containerName: Invalid value: "nope": must be one of the container or initContainer names in the pod template',
    'spec.podFailurePolicy.rules[0].onExitCodes.values[0]: Invalid value: 0: must not be 0 for the In operator',
    'spec.podFailurePolicy.rules[0].onExitCodes.values[2]: Duplicate value: 3',
    'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{0, 3, 3, 1}: must be ordered',
    'spec.podFailurePolicy.rules[1].action: Unsupported value: "Boom": supported values: "Count", "FailIndex", "FailJob", "Ignore"',
    'spec.podFailurePolicy.rules[1]: Invalid value: specifying one of OnExitCodes and OnPodConditions is required',
  ] },
  { name: 'podReplacementPolicy must be Failed with a podFailurePolicy', obj: base({ podReplacementPolicy: 'TerminatingOrFailed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } }), want: [
    'spec.podReplacementPolicy: Unsupported value: "TerminatingOrFailed": supported values: "Failed"'] },
  { name: 'successPolicy needs Indexed', obj: base({ successPolicy: { rules: [] } }), want: [
    'spec.successPolicy: Invalid value: batch.SuccessPolicy{Rules:[]{}}: requires indexed completion mode'] },
  { name: 'successPolicy rules', obj: base({ completionMode: 'Indexed', completions: 3, successPolicy: { rules: [{ succeededIndexes: '0-1,5', succeededCount: 4 }] } }), want: [
    'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "0-1,5": error parsing succeededIndexes: too large index: "5"',
    'spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 3 (the number of specified completions)',
    'spec.successPolicy.rules[0].succeededCount: Invalid value: 4: must be less than or equal to 0 (the number of indexes in the specified succeededIndexes field)'] },
  { name: 'indexed name too long for hostnames', obj: { ...base({ completionMode: 'Indexed', completions: 10 }), metadata: { name: 'a'.repeat(62) } }, want: [
    `metadata.name: Invalid value: "${'a'.repeat(62)}": will not able to create pod with invalid DNS label: ${'a'.repeat(62)}-9`] },
  { name: 'user label conflicting with the generated one', obj: { ...base(), spec: { template: { metadata: { labels: { 'job-name': 'other' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } }, want: [
    `spec.template.metadata.labels[job-name]: Invalid value: map[string]string{"batch.kubernetes.io/controller-uid":"${UID}", "batch.kubernetes.io/job-name":"j", "controller-uid":"${UID}", "job-name":"other"}: must be 'j'`] },
  { name: 'manual selector that does not select the template', obj: base({ manualSelector: true }), want: [
    'spec.selector: Required value',
    'spec.template.metadata.labels: Invalid value: map[string]string(nil): `selector` does not match template `labels`'] },
];

for (const c of cases) {
  test(c.name, () => {
    const { errs } = create(jobKind, c.obj);
    assert.deepEqual(errs.map(fieldErrorString), c.want);
  });
}
