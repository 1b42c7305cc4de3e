import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job, JobStatus } from 'kubernetes-types/batch/v1.js';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { job as jobKind } from './index.js';
import { failedIndexesOverlapCompleted, indexesTotal } from './policies-validation.js';
import { create } from './testing.js';

const base = (spec: Record<string, unknown> = {}, tplSpec: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'j' },
  spec: { ...spec, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox' }], initContainers: [{ name: 'setup', image: 'busybox' }], ...tplSpec } } },
});
const indexed = (spec: Record<string, unknown> = {}) => base({ completionMode: 'Indexed', completions: 5, ...spec });
const pfp = (...rules: unknown[]) => ({ podFailurePolicy: { rules } });

const cases: Array<{ name: string; obj: KObject; want: string[] }> = [
  { name: 'a valid podFailurePolicy with FailIndex, an init container name and conditions passes', obj: indexed({ backoffLimitPerIndex: 1, ...pfp(
    { action: 'FailIndex', onExitCodes: { containerName: 'setup', operator: 'In', values: [1, 2] } },
    { action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] },
    { action: 'Count', onExitCodes: { operator: 'NotIn', values: [0] } }) }), want: [] },
  { name: 'podFailurePolicy with restartPolicy OnFailure', obj: base(pfp({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }), { restartPolicy: 'OnFailure' }), want: [
    'spec.template.spec.restartPolicy: Invalid value: "OnFailure": only "Never" is supported when podFailurePolicy is specified'] },
  { name: 'In with no values', obj: base(pfp({ action: 'FailJob', onExitCodes: { operator: 'In', values: [] } })), want: [
    'spec.podFailurePolicy.rules[0].onExitCodes.values: Invalid value: []int32{}: at least one value is required'] },
  { name: 'missing operator and action', obj: base(pfp({ onExitCodes: { values: [1] } })), want: [
    'spec.podFailurePolicy.rules[0].action: Required value: valid values: ["Count" "FailIndex" "FailJob" "Ignore"]',
    'spec.podFailurePolicy.rules[0].onExitCodes.operator: Required value: valid values: ["In" "NotIn"]'] },
  { name: 'unknown operator', obj: base(pfp({ action: 'Count', onExitCodes: { operator: 'Between', values: [1] } })), want: [
    'spec.podFailurePolicy.rules[0].onExitCodes.operator: Unsupported value: "Between": supported values: "In", "NotIn"'] },
  { name: 'FailIndex without backoffLimitPerIndex', obj: indexed(pfp({ action: 'FailIndex', onExitCodes: { operator: 'In', values: [1] } })), want: [
    'spec.podFailurePolicy.rules[0].action: Invalid value: "FailIndex": requires the backoffLimitPerIndex to be set'] },
  { name: 'both onExitCodes and onPodConditions', obj: base(pfp({ action: 'Ignore', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] })), want: [
    'spec.podFailurePolicy.rules[0]: Invalid value: specifying both OnExitCodes and OnPodConditions is not supported'] },
  { name: 'condition pattern status: unset is defaulted to True, an unknown one is rejected', obj: base(pfp({ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }, { type: 'Ready', status: 'Maybe' }] })), want: [
    'spec.podFailurePolicy.rules[0].onPodConditions[1].status: Unsupported value: "Maybe": supported values: "False", "True", "Unknown"'] },
  { name: 'more than 20 rules', obj: base(pfp(...Array.from({ length: 21 }, () => ({ action: 'Count', onExitCodes: { operator: 'In', values: [1] } })))), want: [
    'spec.podFailurePolicy.rules: Too many: 21: must have at most 20 items'] },
  { name: 'backoffLimitPerIndex must not be negative', obj: indexed({ backoffLimitPerIndex: -1 }), want: [
    'spec.backoffLimitPerIndex: Invalid value: -1: must be greater than or equal to 0'] },
  { name: 'maxFailedIndexes above completions', obj: indexed({ backoffLimitPerIndex: 1, maxFailedIndexes: 6 }), want: [
    'spec.maxFailedIndexes: Invalid value: 6: must be less than or equal to completions'] },
  { name: 'maxFailedIndexes needs Indexed', obj: base({ backoffLimitPerIndex: 1, maxFailedIndexes: 1 }), want: [
    'spec.backoffLimitPerIndex: Invalid value: 1: requires indexed completion mode',
    'spec.maxFailedIndexes: Invalid value: 1: requires indexed completion mode'] },
  { name: 'a valid successPolicy passes', obj: indexed({ successPolicy: { rules: [{ succeededIndexes: '0,2-4', succeededCount: 2 }, { succeededCount: 5 }] } }), want: [] },
  { name: 'successPolicy without rules', obj: indexed({ successPolicy: { rules: [] } }), want: [
    'spec.successPolicy.rules: Required value: at least one rules must be specified when the successPolicy is specified'] },
  { name: 'successPolicy rule with neither field', obj: indexed({ successPolicy: { rules: [{}] } }), want: [
    'spec.successPolicy.rules[0]: Required value: at least one of succeededCount or succeededIndexes must be specified'] },
  { name: 'succeededIndexes out of order', obj: indexed({ successPolicy: { rules: [{ succeededIndexes: '3,1' }] } }), want: [
    'spec.successPolicy.rules[0].succeededIndexes: Invalid value: "3,1": error parsing succeededIndexes: non-increasing order, previous: 3, current: 1'] },
];
for (const c of cases) {
  test(c.name, () => assert.deepEqual(create(jobKind, c.obj).errs.map(fieldErrorString), c.want));
}

const formatCases: Array<{ s: string; want: number | string }> = [
  { s: '', want: 0 },
  { s: '0,2-4', want: 4 },
  { s: '1-1', want: 'non-increasing order, previous: 1, current: 1' },
  { s: '1-2-3', want: 'the fragment "1-2-3" violates the requirement that an index interval can have at most two parts separated by \'-\'' },
  { s: '-1', want: 'cannot convert string to integer for index: ""' },
  { s: '99999999999999999999', want: 'cannot convert string to integer for index: "99999999999999999999"' },
  { s: '9223372036854775807', want: 'too large index: "9223372036854775807"' },
  { s: '0,x', want: 'cannot convert string to integer for index: "x"' },
];
for (const c of formatCases) test(`indexesTotal "${c.s}"`, () => assert.equal(indexesTotal(c.s, 5), c.want));

const overlapCases: Array<{ completed: string; failed: string; want?: string }> = [
  { completed: '', failed: '1', want: undefined },
  { completed: '0-2,6', failed: '3-5,7', want: undefined },
  { completed: '0-2,6', failed: '4,6-8', want: 'failedIndexes and completedIndexes overlap at index: 6' },
  { completed: '1-5', failed: '0,3', want: 'failedIndexes and completedIndexes overlap at index: 3' },
  { completed: 'x,4', failed: 'y,4', want: 'failedIndexes and completedIndexes overlap at index: 4' },
];
for (const c of overlapCases) {
  test(`failedIndexesOverlapCompleted "${c.completed}" / "${c.failed}"`, () => assert.equal(failedIndexesOverlapCompleted(c.completed, c.failed, 10), c.want));
}

test('a status write whose failedIndexes overlap completedIndexes is rejected', () => {
  const old = create(jobKind, indexed({ backoffLimitPerIndex: 1 })).obj;
  const status: JobStatus = { completedIndexes: '0-2', failedIndexes: '2,4', succeeded: 3, failed: 2 };
  const obj = { ...structuredClone(old), status } as unknown as Job;
  const errs = jobKind.validateStatusUpdate?.(obj as unknown as KObject, old) ?? [];
  assert.deepEqual(errs.map(fieldErrorString), ['status.failedIndexes: Invalid value: "2,4": failedIndexes and completedIndexes overlap at index: 2']);
});
