import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job, PodFailurePolicyRule } from 'kubernetes-types/batch/v1.js';
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import { matchPodFailurePolicy, type PodFailurePolicyMatch } from './pod-failure-policy.js';

const job = (rules?: PodFailurePolicyRule[]): Job => ({
  metadata: { namespace: 'default', name: 'j' },
  spec: { template: {}, ...(rules ? { podFailurePolicy: { rules } } : {}) },
});
const exited = (name: string, exitCode: number): ContainerStatus =>
  ({ name, image: 'busybox', imageID: '', ready: false, restartCount: 0, state: { terminated: { exitCode } } });
const running = (name: string): ContainerStatus =>
  ({ name, image: 'busybox', imageID: '', ready: true, restartCount: 0, state: { running: {} } });
const pod = (status: { containers?: ContainerStatus[]; init?: ContainerStatus[]; conditions?: PodCondition[]; phase?: string }): Pod => ({
  metadata: { namespace: 'default', name: 'mypod' },
  status: {
    phase: status.phase ?? 'Failed',
    ...(status.containers ? { containerStatuses: status.containers } : {}),
    ...(status.init ? { initContainerStatuses: status.init } : {}),
    ...(status.conditions ? { conditions: status.conditions } : {}),
  },
});
const exitIn = (action: string, values: number[], containerName?: string): PodFailurePolicyRule =>
  ({ action, onExitCodes: { operator: 'In', values, ...(containerName ? { containerName } : {}) } });
const exitNotIn = (action: string, values: number[]): PodFailurePolicyRule => ({ action, onExitCodes: { operator: 'NotIn', values } });
const onCondition = (action: string, type: string, status: string): PodFailurePolicyRule => ({ action, onPodConditions: [{ type, status }] });
const disruption = (status = 'True'): PodCondition => ({ type: 'DisruptionTarget', status });

const cases: Array<{ name: string; job: Job; pod: Pod; want: PodFailurePolicyMatch | undefined }> = [
  { name: 'no policy: nothing matches (the failure counts)', job: job(), pod: pod({ containers: [exited('main', 2)] }), want: undefined },
  { name: 'a pod that is not Failed is not matched', job: job([exitIn('FailJob', [2])]), pod: pod({ phase: 'Running', containers: [exited('main', 2)] }), want: undefined },
  { name: 'Ignore rule matched by exit code', job: job([exitIn('Ignore', [1, 2, 3])]), pod: pod({ containers: [exited('main', 2)] }), want: { action: 'Ignore' } },
  { name: 'FailJob rule matched by exit code, with upstream message', job: job([exitIn('FailJob', [1, 2, 3])]), pod: pod({ containers: [exited('main-container', 2)] }),
    want: { action: 'FailJob', message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 0' } },
  { name: 'FailIndex rule matched by exit code', job: job([exitIn('FailIndex', [1, 2, 3])]), pod: pod({ containers: [exited('main', 2)] }), want: { action: 'FailIndex' } },
  { name: 'Count rule matched by exit code; a running container is passed over', job: job([exitIn('Count', [1, 2, 3])]),
    pod: pod({ containers: [running('foo'), exited('bar', 2)] }), want: { action: 'Count' } },
  { name: 'rules are tried in order: the second one names its index', job: job([exitIn('Count', [1, 2, 3]), exitIn('FailJob', [4, 5, 6])]),
    pod: pod({ containers: [exited('main-container', 6)] }),
    want: { action: 'FailJob', message: 'Container main-container for pod default/mypod failed with exit code 6 matching FailJob rule at index 1' } },
  { name: 'the first matching rule wins', job: job([exitIn('Ignore', [42]), exitIn('FailJob', [42])]), pod: pod({ containers: [exited('main', 42)] }), want: { action: 'Ignore' } },
  { name: 'an unknown action skips its rule', job: job([exitIn('UnknownAction', [1, 2]), exitIn('FailJob', [2, 3])]), pod: pod({ containers: [exited('main-container', 2)] }),
    want: { action: 'FailJob', message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1' } },
  { name: 'an unknown operator matches nothing', job: job([{ action: 'Ignore', onExitCodes: { operator: 'UnknownOperator', values: [1, 2] } }, exitIn('FailJob', [2, 3])]),
    pod: pod({ containers: [exited('main-container', 2)] }),
    want: { action: 'FailJob', message: 'Container main-container for pod default/mypod failed with exit code 2 matching FailJob rule at index 1' } },
  { name: 'successful containers are skipped, even by NotIn', job: job([exitNotIn('FailJob', [111])]),
    pod: pod({ init: [exited('init-container', 0)], containers: [exited('main-container', 111), exited('support-container', 0)] }), want: undefined },
  { name: 'NotIn [0] matches the container that failed, not the one that succeeded', job: job([exitNotIn('FailJob', [0])]),
    pod: pod({ containers: [exited('support-container', 0), exited('main-container', 1)] }),
    want: { action: 'FailJob', message: 'Container main-container for pod default/mypod failed with exit code 1 matching FailJob rule at index 0' } },
  { name: 'init containers are matched too', job: job([exitIn('FailJob', [3])]), pod: pod({ init: [exited('setup', 3)] }),
    want: { action: 'FailJob', message: 'Container setup for pod default/mypod failed with exit code 3 matching FailJob rule at index 0' } },
  { name: 'regular containers are looked at before init containers', job: job([exitNotIn('FailJob', [])]),
    pod: pod({ init: [exited('setup', 3)], containers: [exited('main', 42)] }),
    want: { action: 'FailJob', message: 'Container main for pod default/mypod failed with exit code 42 matching FailJob rule at index 0' } },
  { name: 'containerName restricts the match to that container', job: job([exitIn('FailJob', [42], 'sidecar')]),
    pod: pod({ containers: [exited('main', 42)] }), want: undefined },
  { name: 'containerName selects that container', job: job([exitIn('FailJob', [42], 'main')]),
    pod: pod({ containers: [exited('sidecar', 42), exited('main', 42)] }),
    want: { action: 'FailJob', message: 'Container main for pod default/mypod failed with exit code 42 matching FailJob rule at index 0' } },
  { name: 'no rule matched', job: job([exitNotIn('Count', [32]), exitIn('Ignore', [1, 2, 3]), exitNotIn('FailJob', [32]), onCondition('Count', 'ResourceLimitExceeded', 'True')]),
    pod: pod({ containers: [exited('main', 32)] }), want: undefined },
  { name: 'Ignore rule matched by condition', job: job([onCondition('Ignore', 'DisruptionTarget', 'True')]), pod: pod({ conditions: [disruption()] }), want: { action: 'Ignore' } },
  { name: 'condition status False matches a False pattern', job: job([onCondition('Ignore', 'DisruptionTarget', 'False')]), pod: pod({ conditions: [disruption('False')] }), want: { action: 'Ignore' } },
  { name: 'condition status Unknown matches an Unknown pattern', job: job([onCondition('Ignore', 'DisruptionTarget', 'Unknown')]), pod: pod({ conditions: [disruption('Unknown')] }), want: { action: 'Ignore' } },
  { name: 'pattern False does not match an actual True', job: job([onCondition('Ignore', 'DisruptionTarget', 'False')]), pod: pod({ conditions: [disruption('True')] }), want: undefined },
  { name: 'pattern True does not match an actual False', job: job([onCondition('Ignore', 'DisruptionTarget', 'True')]), pod: pod({ conditions: [disruption('False')] }), want: undefined },
  { name: 'FailJob rule matched by condition, with upstream message', job: job([onCondition('FailJob', 'DisruptionTarget', 'True')]), pod: pod({ conditions: [disruption()] }),
    want: { action: 'FailJob', message: 'Pod default/mypod has condition DisruptionTarget matching FailJob rule at index 0' } },
  { name: 'FailIndex rule matched by condition', job: job([onCondition('FailIndex', 'DisruptionTarget', 'True')]), pod: pod({ conditions: [disruption()] }), want: { action: 'FailIndex' } },
  { name: 'Count rule matched by condition', job: job([onCondition('Count', 'DisruptionTarget', 'True')]), pod: pod({ conditions: [disruption()] }), want: { action: 'Count' } },
  { name: 'an unknown action skips a condition rule', job: job([onCondition('UnknownAction', 'DisruptionTarget', 'True'), onCondition('Ignore', 'DisruptionTarget', 'True')]),
    pod: pod({ conditions: [disruption()] }), want: { action: 'Ignore' } },
  { name: 'a rule with onExitCodes never looks at conditions', job: job([{ action: 'FailJob', onExitCodes: { operator: 'In', values: [1] }, onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }]),
    pod: pod({ conditions: [disruption()] }), want: undefined },
  { name: 'the message names the first pod condition that matches any pattern', job: job([{ action: 'FailJob', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }, { type: 'ConfigIssue', status: 'True' }] }]),
    pod: pod({ conditions: [{ type: 'ConfigIssue', status: 'True' }, disruption()] }),
    want: { action: 'FailJob', message: 'Pod default/mypod has condition ConfigIssue matching FailJob rule at index 0' } },
];

for (const c of cases) {
  test(c.name, () => {
    const frozen = structuredClone(c.pod);
    assert.deepEqual(matchPodFailurePolicy(c.job, c.pod), c.want);
    assert.deepEqual(c.pod, frozen);
  });
}
