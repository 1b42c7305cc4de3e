import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PodObject } from './pods.js';
import { at, decide, pod, T0, type DecideOpts, type JobOpts } from './testing.js';

type Got = ReturnType<typeof decide>;
const cases: Array<{ name: string; job: JobOpts; pods: PodObject[]; opts?: DecideOpts; want: Partial<Got> }> = [
  { name: 'a new Job starts one pod and records its start', job: {}, pods: [],
    want: { manage: 'create 1', status: { startTime: at(0), active: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'parallelism pods start, bounded by the completions left', job: { parallelism: 3, completions: 5, status: { succeeded: 3 } }, pods: [], want: { manage: 'create 2' } },
  { name: 'parallelism 0 pauses the Job', job: { parallelism: 0, completions: 5 }, pods: [], want: { manage: '' } },
  { name: 'lowered parallelism deletes the most expendable pods', job: { parallelism: 1, completions: 5 },
    pods: [pod('running', { ready: true }), pod('pending', { phase: 'Pending' }), pod('unscheduled', { phase: 'Pending', node: '' })],
    want: { manage: 'delete unscheduled,pending' } },
  { name: 'without completions: parallelism pods start', job: { noCompletions: true, parallelism: 3 }, pods: [], want: { manage: 'create 3' } },
  { name: 'without completions: after the first success nothing new starts, the rest may finish', job: { noCompletions: true, parallelism: 2 },
    pods: [pod('a', { phase: 'Succeeded' }), pod('b')], want: { manage: '', condition: undefined, removeFinalizer: 'a' } },
  { name: 'without completions: one success and nothing active completes the Job', job: { noCompletions: true, parallelism: 2, status: { succeeded: 1 } },
    pods: [pod('a', { phase: 'Succeeded', finalizer: false })],
    want: { condition: 'SuccessCriteriaMet/CompletionsReached' } },
  { name: 'a succeeded pod is listed as uncounted and its finalizer removed', job: {}, pods: [pod('a', { phase: 'Succeeded' })],
    want: { removeFinalizer: 'a', condition: 'SuccessCriteriaMet/CompletionsReached', finished: false,
      conditions: ['SuccessCriteriaMet=True/CompletionsReached'], status: { conditions: [
        { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: at(0), lastTransitionTime: at(0), reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' }],
      startTime: at(0), terminating: 0, uncountedTerminatedPods: { succeeded: ['uid-a'] }, ready: 0 } } },
  { name: 'an uncounted pod whose finalizer is gone is counted, and the Job completes', job: { status: { startTime: at(0), uncountedTerminatedPods: { succeeded: ['uid-a'] } } },
    pods: [pod('a', { phase: 'Succeeded', finalizer: false })],
    want: { finished: true, conditions: ['SuccessCriteriaMet=True/CompletionsReached', 'Complete=True/CompletionsReached'], status: {
      conditions: [
        { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: at(0), lastTransitionTime: at(0), reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' },
        { type: 'Complete', status: 'True', lastProbeTime: at(0), lastTransitionTime: at(0), reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' }],
      startTime: at(0), completionTime: at(0), succeeded: 1, terminating: 0, uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'a pod whose finalizer removal is pending is not counted again', job: { status: { succeeded: 1 } }, pods: [pod('a', { phase: 'Succeeded' })], opts: { expectedRm: ['uid-a'] },
    want: { removeFinalizer: '', finished: true } },
  { name: 'backoffLimit 0 fails on the first failure (FailureTarget first)', job: { backoffLimit: 0 }, pods: [pod('a', { phase: 'Failed' })],
    want: { condition: 'FailureTarget/BackoffLimitExceeded', removeFinalizer: 'a', finished: false, conditions: ['FailureTarget=True/BackoffLimitExceeded'] } },
  { name: 'more failures than backoffLimit fail the Job and stop what runs', job: { backoffLimit: 2, parallelism: 2, completions: 4, status: { failed: 2 } },
    pods: [pod('x', { phase: 'Failed' }), pod('run')],
    want: { condition: 'FailureTarget/BackoffLimitExceeded', manage: 'delete run', removeFinalizer: 'x,run', finished: false } },
  { name: 'Failed waits for the terminating pods', job: { status: { failed: 7, conditions: [{ type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] } },
    pods: [pod('gone', { deleting: true, finalizer: false })], want: { condition: 'Failed/BackoffLimitExceeded', finished: false } },
  { name: 'Failed is set once nothing terminates', job: { status: { startTime: at(0), failed: 7, conditions: [{ type: 'FailureTarget', status: 'True', reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' }] } },
    pods: [], want: { finished: true, conditions: ['FailureTarget=True/BackoffLimitExceeded', 'Failed=True/BackoffLimitExceeded'] } },
  { name: 'OnFailure: container restarts count against backoffLimit', job: { restartPolicy: 'OnFailure', backoffLimit: 3 }, pods: [pod('a', { restarts: 3 })],
    want: { condition: 'FailureTarget/BackoffLimitExceeded', manage: 'delete a' } },
  { name: 'OnFailure: fewer restarts than backoffLimit change nothing', job: { restartPolicy: 'OnFailure', backoffLimit: 3 }, pods: [pod('a', { restarts: 2 })],
    want: { condition: undefined, manage: '' } },
  { name: 'a failed pod is replaced only after the back-off (base since it finished)', job: {}, pods: [pod('a', { phase: 'Failed', finishedAt: 0 })], opts: { now: T0 + 3000 },
    want: { manage: 'wait 7000', removeFinalizer: 'a', status: { startTime: at(3), terminating: 0, uncountedTerminatedPods: { failed: ['uid-a'] }, ready: 0 } } },
  { name: 'the back-off doubles with each failure', job: { status: { failed: 1 } }, pods: [pod('b', { phase: 'Failed', finishedAt: 5 })],
    opts: { now: T0 + 5000, backoff: { failuresAfterLastSuccess: 1, lastFailureTime: T0 } }, want: { manage: 'wait 20000' } },
  { name: 'after the back-off the failed pod is replaced', job: { status: { failed: 1 } }, pods: [pod('a', { phase: 'Failed', finalizer: false })],
    opts: { now: T0 + 10_000, backoff: { failuresAfterLastSuccess: 1, lastFailureTime: T0 } }, want: { manage: 'create 1' } },
  { name: 'a pod deleted while running counts as failed and is replaced (TerminatingOrFailed)', job: {}, pods: [pod('a', { deleting: true, finishedAt: undefined })],
    opts: { now: T0 + 30_000 }, want: { manage: 'create 1', removeFinalizer: 'a' } },
  { name: 'podReplacementPolicy Failed: no replacement while the pod terminates', job: { podReplacementPolicy: 'Failed' }, pods: [pod('a', { deleting: true })],
    want: { manage: '', removeFinalizer: '' } },
  { name: 'activeDeadlineSeconds passed: DeadlineExceeded, running pods deleted', job: { activeDeadlineSeconds: 5, status: { startTime: at(0) } }, pods: [pod('a', { ready: true })],
    opts: { now: T0 + 5000 }, want: { condition: 'FailureTarget/DeadlineExceeded', manage: 'delete a', status: { conditions: [
      { type: 'FailureTarget', status: 'True', lastProbeTime: at(5), lastTransitionTime: at(5), reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' }],
    startTime: at(0), terminating: 1, uncountedTerminatedPods: { failed: ['uid-a'] }, ready: 0 } } },
  { name: 'activeDeadlineSeconds ahead: look again at the deadline', job: { activeDeadlineSeconds: 5, status: { startTime: at(0) } }, pods: [pod('a')],
    opts: { now: T0 + 2000 }, want: { deadlineInMs: 3000, condition: undefined } },
  { name: 'suspend deletes the active pods and sets Suspended', job: { suspend: true, status: { startTime: at(0) } }, pods: [pod('a', { ready: true })],
    want: { manage: 'delete a', event: 'Suspended', conditions: ['Suspended=True/JobSuspended'] } },
  { name: 'a Job created suspended gets no startTime', job: { suspend: true }, pods: [], want: { event: 'Suspended', status: { conditions: [
    { type: 'Suspended', status: 'True', lastProbeTime: at(0), lastTransitionTime: at(0), reason: 'JobSuspended', message: 'Job suspended' }], terminating: 0, uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'resume flips Suspended to False and restarts startTime', job: { status: { startTime: at(-100), conditions: [{ type: 'Suspended', status: 'True', reason: 'JobSuspended', message: 'Job suspended' }] } },
    pods: [], opts: { now: T0 + 7000 }, want: { manage: 'create 1', event: 'Resumed', conditions: ['Suspended=False/JobResumed'] } },
  { name: 'no Suspended condition change when manageJob did not run', job: { suspend: true }, pods: [], opts: { managed: false }, want: { event: undefined } },
  { name: 'Indexed: the lowest missing indexes start first', job: { completionMode: 'Indexed', completions: 5, parallelism: 3, status: { completedIndexes: '0' } },
    pods: [pod('two', { index: 2 })], want: { manage: 'create 1,3' } },
  { name: 'Indexed: succeeded indexes are written as ranges', job: { completionMode: 'Indexed', completions: 6, parallelism: 2, status: { completedIndexes: '1,3', succeeded: 2 } },
    pods: [pod('four', { index: 4, phase: 'Succeeded' }), pod('five', { index: 5, phase: 'Succeeded' })],
    want: { removeFinalizer: 'four,five', status: { startTime: at(0), active: 2, succeeded: 4, terminating: 0, completedIndexes: '1,3-5', uncountedTerminatedPods: {}, ready: 0 } } },
  { name: 'Indexed: a repeated index keeps one pod', job: { completionMode: 'Indexed', completions: 3, parallelism: 3 },
    pods: [pod('one-a', { index: 1, phase: 'Pending' }), pod('one-b', { index: 1, ready: true }), pod('zero', { index: 0 })], want: { manage: 'delete one-a' } },
  { name: 'Indexed: all indexes succeeded completes the Job', job: { completionMode: 'Indexed', completions: 3, parallelism: 3, status: { completedIndexes: '0-1', succeeded: 2 } },
    pods: [pod('two', { index: 2, phase: 'Succeeded' })], want: { condition: 'SuccessCriteriaMet/CompletionsReached', removeFinalizer: 'two' } },
];

for (const c of cases) {
  test(c.name, () => {
    const got = decide(c.job, c.pods, c.opts);
    const picked = Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k as keyof Got]]));
    assert.deepEqual(picked, c.want);
  });
}
