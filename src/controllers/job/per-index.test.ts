import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job, JobSpec } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { parseIndexes } from './indexes.js';
import {
  failedIndexesExceeded, indexAbsoluteFailureCount, indexFailureAnnotations, indexFailureCount, indexIgnoredFailureCount, isIndexFailed, nextIndexFailureCounts,
} from './per-index.js';
import { isPodFailed } from './pods.js';

const annotated = (annotations: Record<string, string>, status: Pod['status'] = { phase: 'Failed' }): Pod =>
  ({ metadata: { namespace: 'default', name: 'p', annotations }, status });
const FC = 'batch.kubernetes.io/job-index-failure-count';
const IFC = 'batch.kubernetes.io/job-index-ignored-failure-count';

const countCases: Array<{ name: string; annotations: Record<string, string>; want: [number, number] }> = [
  { name: 'no annotations count 0', annotations: {}, want: [0, 0] },
  { name: 'both annotations', annotations: { [FC]: '3', [IFC]: '2' }, want: [3, 2] },
  { name: 'unparsable counts 0', annotations: { [FC]: 'abc', [IFC]: '1.5' }, want: [0, 0] },
  { name: 'negative counts 0', annotations: { [FC]: '-1' }, want: [0, 0] },
  { name: 'beyond int32 counts 0', annotations: { [FC]: '2147483648', [IFC]: '2147483647' }, want: [0, 2147483647] },
];
for (const c of countCases) {
  test(`index failure counts: ${c.name}`, () => {
    const p = annotated(c.annotations);
    assert.deepEqual([indexFailureCount(p), indexIgnoredFailureCount(p)], c.want);
    assert.equal(indexAbsoluteFailureCount(p), c.want[0] + c.want[1]);
  });
}

const job = (spec: Partial<JobSpec> = {}): Job => ({
  metadata: { namespace: 'default', name: 'j' },
  spec: { completionMode: 'Indexed', completions: 5, backoffLimitPerIndex: 1, template: {}, ...spec },
});
const exit = (code: number): Pod['status'] => ({ phase: 'Failed', containerStatuses: [{ name: 'main', image: 'i', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode: code } } }] });
const ignore42: Partial<JobSpec> = { podFailurePolicy: { rules: [{ action: 'Ignore', onExitCodes: { operator: 'In', values: [42] } }] } };
const failIndex42: Partial<JobSpec> = { podFailurePolicy: { rules: [{ action: 'FailIndex', onExitCodes: { operator: 'In', values: [42] } }] } };
const deleting = (phase: string): Pod => ({ metadata: { name: 'p', deletionTimestamp: '2025-01-01T00:00:00Z', annotations: { [FC]: '1' } }, status: { phase } });

const indexFailedCases: Array<{ name: string; job: Job; pod: Pod; want: boolean }> = [
  { name: 'first failure of an index with backoffLimitPerIndex 1 leaves it retrying', job: job(), pod: annotated({ [FC]: '0' }, exit(1)), want: false },
  { name: 'the failure after backoffLimitPerIndex earlier ones fails the index', job: job(), pod: annotated({ [FC]: '1' }, exit(1)), want: true },
  { name: 'backoffLimitPerIndex 0 fails the index on its first failure', job: job({ backoffLimitPerIndex: 0 }), pod: annotated({}, exit(1)), want: true },
  { name: 'a pod that has not failed', job: job(), pod: annotated({ [FC]: '5' }, { phase: 'Running' }), want: false },
  { name: 'a FailIndex rule fails the index at once', job: job({ backoffLimitPerIndex: 3, ...failIndex42 }), pod: annotated({}, exit(42)), want: true },
  { name: 'an Ignore rule never fails the index', job: job(ignore42), pod: annotated({ [FC]: '9' }, exit(42)), want: false },
  { name: 'a failure no rule matches counts as usual', job: job(ignore42), pod: annotated({ [FC]: '1' }, exit(1)), want: true },
  { name: 'without backoffLimitPerIndex no index fails', job: job({ backoffLimitPerIndex: undefined }), pod: annotated({ [FC]: '9' }, exit(1)), want: false },
  { name: 'a pod being deleted before it succeeded counts as failed', job: job(), pod: deleting('Running'), want: true },
  { name: 'a pod being deleted after it succeeded does not', job: job(), pod: deleting('Succeeded'), want: false },
  { name: 'with podReplacementPolicy Failed a terminating pod has not failed yet', job: job({ podReplacementPolicy: 'Failed' }), pod: deleting('Running'), want: false },
];
for (const c of indexFailedCases) test(`isIndexFailed: ${c.name}`, () => assert.equal(isIndexFailed(c.job, c.pod), c.want));

test('isIndexFailed uses the match the caller passes', () => {
  const j = job({ backoffLimitPerIndex: 3 });
  const p = annotated({}, exit(1));
  assert.equal(isIndexFailed(j, p, { action: 'FailIndex' }), true);
  assert.equal(isIndexFailed(j, p), false);
});

test('isPodFailed (pods.ts): with a podFailurePolicy only phase Failed counts', () => {
  assert.equal(isPodFailed(deleting('Running'), job(ignore42)), false);
  assert.equal(isPodFailed(annotated({}, { phase: 'Failed' }), job(ignore42)), true);
});

const nextCases: Array<{ name: string; job: Job; replaced?: Pod; want: { failureCount: number; ignoredFailureCount: number } }> = [
  { name: 'the first pod of an index', job: job(), want: { failureCount: 0, ignoredFailureCount: 0 } },
  { name: 'a counted failure adds to the failure count', job: job(), replaced: annotated({ [FC]: '1', [IFC]: '2' }, exit(1)), want: { failureCount: 2, ignoredFailureCount: 2 } },
  { name: 'an ignored failure adds to the ignored count', job: job(ignore42), replaced: annotated({ [FC]: '1' }, exit(42)), want: { failureCount: 1, ignoredFailureCount: 1 } },
  { name: 'a failure no rule matches adds to the failure count', job: job(ignore42), replaced: annotated({}, exit(3)), want: { failureCount: 1, ignoredFailureCount: 0 } },
];
for (const c of nextCases) test(`nextIndexFailureCounts: ${c.name}`, () => assert.deepEqual(nextIndexFailureCounts(c.job, c.replaced), c.want));

const exceededCases: Array<{ name: string; max?: number; failed: string; want: boolean }> = [
  { name: 'no maxFailedIndexes', failed: '0-2', want: false },
  { name: 'at the limit', max: 2, failed: '0,3', want: false },
  { name: 'past the limit', max: 2, failed: '0,1,3', want: true },
  { name: 'maxFailedIndexes 0 and one failed index', max: 0, failed: '4', want: true },
];
for (const c of exceededCases) {
  test(`failedIndexesExceeded: ${c.name}`, () => assert.equal(failedIndexesExceeded(job({ maxFailedIndexes: c.max }), parseIndexes(c.failed, 5)), c.want));
}

const annotationCases: Array<{ name: string; job: Job; replaced?: Pod; want: Record<string, string> }> = [
  { name: 'the first pod of an index starts at 0', job: job(), want: { [FC]: '0' } },
  { name: 'a replacement carries the failures forward', job: job(), replaced: annotated({ [FC]: '1' }, exit(1)), want: { [FC]: '2' } },
  { name: 'the ignored count appears once there is one', job: job(ignore42), replaced: annotated({ [FC]: '1' }, exit(42)), want: { [FC]: '1', [IFC]: '1' } },
];
for (const c of annotationCases) test(`indexFailureAnnotations: ${c.name}`, () => assert.deepEqual(indexFailureAnnotations(c.job, c.replaced), c.want));
