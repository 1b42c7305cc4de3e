// One sync's decisions for Jobs with podFailurePolicy, successPolicy and backoffLimitPerIndex, as
// job_controller.go makes them (cases after job_controller_test.go's TestSyncJobWithJobPodFailurePolicy,
// TestSyncJobWithJobSuccessPolicy and TestSyncJobWithJobBackoffLimitPerIndex, written anew).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { JobCondition, PodFailurePolicy } from 'kubernetes-types/batch/v1.js';
import type { PodObject } from './pods.js';
import { at, decide, pod, T0, type DecideOpts, type JobOpts } from './testing.js';

const FC = 'batch.kubernetes.io/job-index-failure-count';
const IFC = 'batch.kubernetes.io/job-index-ignored-failure-count';

const onExit = (action: string, ...values: number[]): PodFailurePolicy => ({ rules: [{ action, onExitCodes: { operator: 'In', values } }] });
const onDisruption = (action: string): PodFailurePolicy => ({ rules: [{ action, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] });
const disrupted = [{ type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint' }];
const cond = (type: string, reason: string, message: string): JobCondition => ({ type, status: 'True', reason, message, lastProbeTime: at(0), lastTransitionTime: at(0) });
const indexed = (o: JobOpts): JobOpts => ({ completionMode: 'Indexed', ...o });
const FAIL_JOB_42 = 'Container pi for pod default/a failed with exit code 42 matching FailJob rule at index 0';

type Got = ReturnType<typeof decide>;
const cases: Array<{ name: string; job: JobOpts; pods: PodObject[]; opts?: DecideOpts; want: Partial<Got> }> = [
  // podFailurePolicy
  { name: 'FailJob on an exit code: FailureTarget with the rule\'s message, the rest deleted and counted as failed',
    job: { parallelism: 2, completions: 2, podFailurePolicy: onExit('FailJob', 42) },
    pods: [pod('a', { phase: 'Failed', exitCode: 42 }), pod('b', { ready: true })],
    want: { condition: 'FailureTarget/PodFailurePolicy', message: FAIL_JOB_42, manage: 'delete b', removeFinalizer: 'a,b',
      conditions: ['FailureTarget=True/PodFailurePolicy'],
      status: { conditions: [cond('FailureTarget', 'PodFailurePolicy', FAIL_JOB_42)], startTime: at(0), terminating: 1,
        uncountedTerminatedPods: { failed: ['uid-a', 'uid-b'] }, ready: 0 } } },
  { name: 'FailJob: Failed with the same reason and message once nothing terminates',
    job: { podFailurePolicy: onExit('FailJob', 42), status: { startTime: at(0), failed: 1, conditions: [cond('FailureTarget', 'PodFailurePolicy', FAIL_JOB_42)] } },
    pods: [pod('a', { phase: 'Failed', exitCode: 42, finalizer: false })],
    want: { condition: 'Failed/PodFailurePolicy', message: FAIL_JOB_42, finished: true, conditions: ['FailureTarget=True/PodFailurePolicy', 'Failed=True/PodFailurePolicy'] } },
  { name: 'FailJob decides even before backoffLimit would', job: { backoffLimit: 0, podFailurePolicy: onExit('FailJob', 42) },
    pods: [pod('a', { phase: 'Failed', exitCode: 42 })], want: { condition: 'FailureTarget/PodFailurePolicy' } },
  { name: 'a FailJob rule for another exit code leaves the failure to backoffLimit', job: { backoffLimit: 0, podFailurePolicy: onExit('FailJob', 42) },
    pods: [pod('a', { phase: 'Failed', exitCode: 1 })], want: { condition: 'FailureTarget/BackoffLimitExceeded' } },
  { name: 'Ignore: the failure is not counted (not even against backoffLimit 0), the finalizer goes, the pod is replaced after the back-off',
    job: { backoffLimit: 0, podFailurePolicy: onExit('Ignore', 42) }, pods: [pod('a', { phase: 'Failed', exitCode: 42 })],
    want: { condition: undefined, manage: 'wait 10000', removeFinalizer: 'a', status: { startTime: at(0), terminating: 0, uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'Ignore: after the back-off the replacement starts', job: { backoffLimit: 0, podFailurePolicy: onExit('Ignore', 42) },
    pods: [pod('a', { phase: 'Failed', exitCode: 42, finalizer: false })], opts: { now: T0 + 10_000, backoff: { failuresAfterLastSuccess: 1, lastFailureTime: T0 } },
    want: { condition: undefined, manage: 'create 1' } },
  { name: 'Count: the failure counts as without a policy', job: { backoffLimit: 0, podFailurePolicy: onExit('Count', 42) },
    pods: [pod('a', { phase: 'Failed', exitCode: 42 })], want: { condition: 'FailureTarget/BackoffLimitExceeded' } },
  { name: 'Ignore on DisruptionTarget: a pod evicted by a taint is not counted', job: { backoffLimit: 0, podFailurePolicy: onDisruption('Ignore') },
    pods: [pod('a', { phase: 'Failed', exitCode: 137, conditions: disrupted })],
    want: { condition: undefined, removeFinalizer: 'a', status: { startTime: at(0), terminating: 0, uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'FailJob on DisruptionTarget names the condition', job: { podFailurePolicy: onDisruption('FailJob') },
    pods: [pod('a', { phase: 'Failed', exitCode: 137, conditions: disrupted })],
    want: { condition: 'FailureTarget/PodFailurePolicy', message: 'Pod default/a has condition DisruptionTarget matching FailJob rule at index 0' } },
  { name: 'with a podFailurePolicy a terminating pod is neither failed nor replaced until it reaches Failed',
    job: { podFailurePolicy: onExit('Ignore', 42) }, pods: [pod('a', { deleting: true })],
    want: { manage: '', removeFinalizer: '', status: { startTime: at(0), terminating: 1, uncountedTerminatedPods: {}, ready: 0 } } },

  // successPolicy
  { name: 'successPolicy met: SuccessCriteriaMet/SuccessPolicy, the rest deleted but not counted as failed',
    job: indexed({ completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededIndexes: '0' }] } }),
    pods: [pod('zero', { index: 0, phase: 'Succeeded' }), pod('one', { index: 1 }), pod('two', { index: 2, ready: true })],
    want: { condition: 'SuccessCriteriaMet/SuccessPolicy', message: 'Matched rules at index 0', manage: 'delete one,two', removeFinalizer: 'zero,one,two',
      status: { conditions: [cond('SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0')], startTime: at(0), succeeded: 1, terminating: 2,
        completedIndexes: '0', uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'successPolicy: succeededCount of the rule\'s indexes', job: indexed({ completions: 4, parallelism: 4, successPolicy: { rules: [{ succeededIndexes: '1-3', succeededCount: 2 }] } }),
    pods: [pod('one', { index: 1, phase: 'Succeeded' }), pod('three', { index: 3, phase: 'Succeeded' }), pod('zero', { index: 0 }), pod('two', { index: 2 })],
    want: { condition: 'SuccessCriteriaMet/SuccessPolicy', manage: 'delete zero,two' } },
  { name: 'successPolicy not yet met: pods keep running', job: indexed({ completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededCount: 2 }] } }),
    pods: [pod('zero', { index: 0, phase: 'Succeeded' }), pod('one', { index: 1 }), pod('two', { index: 2 })], want: { condition: undefined, manage: '' } },
  { name: 'successPolicy: Complete waits while pods terminate', job: indexed({ completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededIndexes: '0' }] },
    status: { startTime: at(0), succeeded: 1, completedIndexes: '0', conditions: [cond('SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0')] } }),
  pods: [pod('one', { index: 1, deleting: true, finalizer: false })], want: { condition: 'SuccessCriteriaMet/SuccessPolicy', finished: false, conditions: ['SuccessCriteriaMet=True/SuccessPolicy'] } },
  { name: 'successPolicy: Complete/SuccessPolicy with completionTime once none terminates', job: indexed({ completions: 3, parallelism: 3, successPolicy: { rules: [{ succeededIndexes: '0' }] },
    status: { startTime: at(0), succeeded: 1, completedIndexes: '0', conditions: [cond('SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0')] } }),
  pods: [], want: { finished: true, conditions: ['SuccessCriteriaMet=True/SuccessPolicy', 'Complete=True/SuccessPolicy'],
    status: { conditions: [cond('SuccessCriteriaMet', 'SuccessPolicy', 'Matched rules at index 0'), cond('Complete', 'SuccessPolicy', 'Matched rules at index 0')],
      startTime: at(0), completionTime: at(0), succeeded: 1, terminating: 0, completedIndexes: '0', uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'a failure condition takes precedence over a met successPolicy', job: indexed({ completions: 2, parallelism: 2, backoffLimit: 0, successPolicy: { rules: [{ succeededIndexes: '0' }] } }),
    pods: [pod('zero', { index: 0, phase: 'Succeeded' }), pod('one', { index: 1, phase: 'Failed' })], want: { condition: 'FailureTarget/BackoffLimitExceeded' } },

  // backoffLimitPerIndex
  { name: 'perIndex: a first failure keeps the pod\'s finalizer until its replacement exists; the index backs off on its own',
    job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }), pods: [pod('zero', { index: 0 }), pod('one', { index: 1, phase: 'Failed', annotations: { [FC]: '0' } })],
    want: { condition: undefined, manage: 'wait 10000', removeFinalizer: '',
      status: { startTime: at(0), terminating: 0, failedIndexes: '', uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'perIndex: after its back-off the index is recreated with the failure count carried forward',
    job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }), pods: [pod('zero', { index: 0 }), pod('one', { index: 1, phase: 'Failed', annotations: { [FC]: '0' } })],
    opts: { now: T0 + 10_000 }, want: { manage: 'create 1', annotations: { 1: { [FC]: '1' } }, removeFinalizer: '' } },
  { name: 'perIndex: first pods of an index start with a failure count of 0', job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }), pods: [],
    want: { manage: 'create 0,1', annotations: { 0: { [FC]: '0' }, 1: { [FC]: '0' } } } },
  { name: 'perIndex: once the replacement runs, the failed pod loses its finalizer and is counted',
    job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1 }),
    pods: [pod('zero', { index: 0 }), pod('one', { index: 1, phase: 'Failed', annotations: { [FC]: '0' } }), pod('one-b', { index: 1, annotations: { [FC]: '1' } })],
    want: { manage: '', removeFinalizer: 'one', status: { startTime: at(0), active: 2, terminating: 0, failedIndexes: '', uncountedTerminatedPods: { failed: ['uid-one'] }, ready: 0 } } },
  { name: 'perIndex: the back-off doubles with the index\'s failures, ignored ones included',
    job: indexed({ completions: 1, backoffLimitPerIndex: 5 }), pods: [pod('zero', { index: 0, phase: 'Failed', annotations: { [FC]: '1', [IFC]: '1' } })],
    opts: { now: T0 + 5000 }, want: { manage: 'wait 35000' } },
  { name: 'perIndex: a failure past backoffLimitPerIndex fails the index; other indexes go on',
    job: indexed({ completions: 3, parallelism: 3, backoffLimitPerIndex: 1 }),
    pods: [pod('zero', { index: 0 }), pod('one', { index: 1, phase: 'Failed', annotations: { [FC]: '1' } }), pod('two', { index: 2 })],
    want: { condition: undefined, manage: '', removeFinalizer: 'one',
      status: { startTime: at(0), active: 2, terminating: 0, failedIndexes: '1', uncountedTerminatedPods: { failed: ['uid-one'] }, ready: 0 } } },
  { name: 'perIndex: every index finished and one failed: FailedIndexes',
    job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1, status: { completedIndexes: '0', succeeded: 1 } }),
    pods: [pod('one', { index: 1, phase: 'Failed', annotations: { [FC]: '1' } })],
    want: { condition: 'FailureTarget/FailedIndexes', message: 'Job has failed indexes', removeFinalizer: 'one',
      status: { conditions: [cond('FailureTarget', 'FailedIndexes', 'Job has failed indexes')], startTime: at(0), succeeded: 1, terminating: 0,
        completedIndexes: '0', failedIndexes: '1', uncountedTerminatedPods: { failed: ['uid-one'] }, ready: 0 } } },
  { name: 'perIndex: more failed indexes than maxFailedIndexes: MaxFailedIndexesExceeded, the rest deleted',
    job: indexed({ completions: 3, parallelism: 3, backoffLimitPerIndex: 0, maxFailedIndexes: 0 }),
    pods: [pod('zero', { index: 0, phase: 'Failed' }), pod('one', { index: 1 }), pod('two', { index: 2 })],
    want: { condition: 'FailureTarget/MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes', manage: 'delete one,two' } },
  { name: 'perIndex: recorded failed indexes are kept and not recreated', job: indexed({ completions: 3, parallelism: 3, backoffLimitPerIndex: 1, status: { failedIndexes: '1', failed: 2 } }),
    pods: [pod('zero', { index: 0 })], want: { manage: 'create 2', status: { startTime: at(0), active: 2, failed: 2, terminating: 0, failedIndexes: '1', uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'perIndex: a FailIndex rule fails the index at its first failure',
    job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 3, podFailurePolicy: onExit('FailIndex', 42) }),
    pods: [pod('zero', { index: 0 }), pod('one', { index: 1, phase: 'Failed', exitCode: 42, annotations: { [FC]: '0' } })],
    want: { removeFinalizer: 'one', status: { startTime: at(0), active: 1, terminating: 0, failedIndexes: '1', uncountedTerminatedPods: { failed: ['uid-one'] }, ready: 0 } } },
  { name: 'perIndex: an ignored failure is carried forward in the ignored count, not the failure count',
    job: indexed({ completions: 1, backoffLimitPerIndex: 0, podFailurePolicy: onExit('Ignore', 42) }),
    pods: [pod('zero', { index: 0, phase: 'Failed', exitCode: 42, annotations: { [FC]: '0' } })], opts: { now: T0 + 10_000 },
    want: { condition: undefined, manage: 'create 0', annotations: { 0: { [FC]: '0', [IFC]: '1' } }, removeFinalizer: '' } },
  { name: 'perIndex: a FailJob rule still fails the whole Job', job: indexed({ completions: 2, parallelism: 2, backoffLimitPerIndex: 1, podFailurePolicy: onExit('FailJob', 42) }),
    pods: [pod('a', { index: 0, phase: 'Failed', exitCode: 42 }), pod('b', { index: 1 })],
    want: { condition: 'FailureTarget/PodFailurePolicy', message: FAIL_JOB_42, manage: 'delete b', removeFinalizer: 'a,b' } },
];

for (const c of cases) {
  test(c.name, () => {
    const got = decide(c.job, c.pods, c.opts);
    const picked = Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k as keyof Got]]));
    assert.deepEqual(picked, c.want);
  });
}
