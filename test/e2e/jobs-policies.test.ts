// Job policies with the real kubectl against a server on the simulated runtime, where pod annotations
// make a container run 1 s and exit with 42: podFailurePolicy FailJob (Failed/PodFailurePolicy with
// upstream's message) and Ignore (not counted, the pod replaced), backoffLimitPerIndex with one index
// failing (Failed/FailedIndexes, failedIndexes and completedIndexes, the failure count carried to the
// replacement) and a successPolicy (SuccessCriteriaMet/SuccessPolicy, the rest terminated, Complete),
// each seen through `kubectl get jobs` and `kubectl describe job`. Every pod of a Job shares one
// template, so where one index must behave differently its pod is created beforehand and adopted by
// the Job (a manual selector), as the Job controller adopts matching orphans. Failure back-off base 1 s.
// The scenarios run concurrently, each on its own Job.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kubectl, kubectlMissing, startTestServer, type TestServer } from './harness.js';
import { eventually, ok } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;

before(async () => {
  if (skip) return;
  server = await startTestServer({ store: 'memory', extraArgs: ['--runtime', 'simulated', '--job-backoff-base', '1s'] });
});
after(async () => { await server?.stop(); });

const k = (args: string[], input?: string) => ok(server, args, { input });

/** A Job whose pods run `run` (simulate annotations) with `spec` lines (indented two spaces) added. */
function jobYaml(name: string, spec: string, run: Record<string, string>, labels = `app: ${name}`): string {
  const ann = Object.entries(run).map(([a, v]) => `\n          kubelite.io/simulate-${a}: "${v}"`).join('');
  return `apiVersion: batch/v1
kind: Job
metadata:
  name: ${name}
spec:
${spec}  template:
    metadata:
      labels:
        ${labels}
      annotations:${ann || ' {}'}
    spec:
      restartPolicy: Never
      containers:
      - name: main
        image: busybox
`;
}

/** A pod (with a completion index, for Indexed Jobs) that a Job with selector app=<app> adopts. */
const indexPodYaml = (name: string, app: string, index: number, run: Record<string, string>) => `apiVersion: v1
kind: Pod
metadata:
  name: ${name}
  labels:
    app: ${app}
  annotations:
    batch.kubernetes.io/job-completion-index: "${index}"${Object.entries(run).map(([a, v]) => `\n    kubelite.io/simulate-${a}: "${v}"`).join('')}
spec:
  restartPolicy: Never
  containers:
  - name: main
    image: busybox
`;

const manualSelector = (app: string) => `  manualSelector: true\n  selector:\n    matchLabels:\n      app: ${app}\n`;

/** The `get jobs` row as `STATUS COMPLETIONS`. */
async function jobRow(name: string): Promise<string> {
  const [, status, completions] = (await k(['get', 'job', name, '--no-headers'])).trim().split(/\s+/);
  return `${status} ${completions}`;
}
const waitRow = (name: string, row: string, timeoutMs: number) => eventually(async () => assert.equal(await jobRow(name), row), timeoutMs, 250);
const conditions = async (name: string) =>
  (await k(['get', 'job', name, '-o', 'jsonpath={range .status.conditions[*]}{.type}/{.reason}: {.message}{"\\n"}{end}'])).trim().split('\n');
const jsonpath = (kind: string, name: string, path: string) => k(['get', kind, name, '-o', `jsonpath=${path}`]);
const podsOf = async (app: string) => (await k(['get', 'pods', '-l', `app=${app}`, '--no-headers', '-o', 'custom-columns=N:.metadata.name,P:.status.phase,I:.metadata.annotations.batch\\.kubernetes\\.io/job-index-failure-count']))
  .split('\n').filter(Boolean).map((l) => l.trim().split(/\s+/));
/** describe's events as `Type Reason Message`. */
async function describeEvents(name: string): Promise<string[]> {
  const d = await k(['describe', 'job', name]);
  const events = d.slice(d.indexOf('Events:'));
  return [...events.matchAll(/^\s+(Normal|Warning)\s+(\S+)\s+\S+\s+job-controller\s+(.*)$/gm)].map((m) => `${m[1]} ${m[2]} ${m[3]}`);
}

describe('Job policies on the simulated runtime', { skip, concurrency: true }, () => {
  test('podFailurePolicy FailJob on exit code 42: Failed/PodFailurePolicy with the rule\'s message, the running pod deleted', async () => {
    // A pod made beforehand would run for an hour; the Job adopts it and its own pod exits with 42 after 1 s.
    await k(['create', '-f', '-'], indexPodYaml('fail-job-long', 'fail-job', 0, { duration: '1h' }));
    await eventually(async () => assert.equal(await jsonpath('pod', 'fail-job-long', '{.status.phase}'), 'Running'), 10_000);
    const spec = `  parallelism: 2\n  completions: 2\n  podFailurePolicy:\n    rules:\n    - action: FailJob\n      onExitCodes:\n        operator: In\n        values: [42]\n${manualSelector('fail-job')}`;
    await k(['create', '-f', '-'], jobYaml('fail-job', spec, { duration: '1s', 'exit-code': '42' }));
    await waitRow('fail-job', 'Failed 0/2', 20_000);
    const conds = await conditions('fail-job');
    assert.equal(conds.length, 2, conds.join('\n'));
    const msg = /^FailureTarget\/PodFailurePolicy: (Container main for pod default\/fail-job-[a-z0-9]{5} failed with exit code 42 matching FailJob rule at index 0)$/.exec(conds[0]!);
    assert.ok(msg, conds[0]);
    assert.equal(conds[1], `Failed/PodFailurePolicy: ${msg[1]}`);
    assert.equal(await jsonpath('job', 'fail-job', '{.status.failed}|{.status.active}|{.status.terminating}'), '2||0', 'both pods count as failed; none is left');
    const events = await describeEvents('fail-job');
    assert.ok(events.includes('Normal SuccessfulDelete Deleted pod: fail-job-long'), events.join('\n'));
    assert.deepEqual(events.filter((e) => e.startsWith('Warning')), [`Warning PodFailurePolicy ${msg[1]}`]);
    assert.match(await k(['describe', 'job', 'fail-job']), /Pods Statuses:\s+0 Active \(0 Ready\) \/ 0 Succeeded \/ 2 Failed\n/);
  });

  test('podFailurePolicy Ignore on exit code 42: failures are not counted, even with backoffLimit 0, and pods are replaced', async () => {
    const spec = `  backoffLimit: 0\n  podFailurePolicy:\n    rules:\n    - action: Ignore\n      onExitCodes:\n        operator: In\n        values: [42]\n`;
    await k(['create', '-f', '-'], jobYaml('ignore', spec, { duration: '1s', 'exit-code': '42' }));
    // 1 s run, 1 s back-off, 1 s run: two failed pods and a third created.
    await eventually(async () => {
      const pods = await podsOf('ignore');
      assert.ok(pods.filter((p) => p[1] === 'Failed').length >= 2 && pods.length >= 3, JSON.stringify(pods));
    }, 20_000, 250);
    assert.equal(await jobRow('ignore'), 'Running 0/1');
    assert.equal(await jsonpath('job', 'ignore', '{.status.failed}|{.status.conditions}|{.status.uncountedTerminatedPods}'), '||{}');
    // Active is 0 while the replacement waits out its back-off, as upstream's manageJob reports it.
    assert.match(await k(['describe', 'job', 'ignore']), /Pods Statuses:\s+[01] Active \([01] Ready\) \/ 0 Succeeded \/ 0 Failed\n/);
    await k(['delete', 'job', 'ignore', '--wait=false']);
  });

  test('backoffLimitPerIndex 1, index 1 failing twice: Failed/FailedIndexes, failedIndexes 1, completedIndexes 0', async () => {
    // Index 0 is a pod made beforehand that succeeds after 3 s; the Job's own pods (index 1) exit with 42.
    await k(['create', '-f', '-'], indexPodYaml('per-index-0', 'per-index', 0, { duration: '3s' }));
    await eventually(async () => assert.equal(await jsonpath('pod', 'per-index-0', '{.status.phase}'), 'Running'), 10_000);
    const spec = `  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n  backoffLimitPerIndex: 1\n${manualSelector('per-index')}`;
    await k(['create', '-f', '-'], jobYaml('per-index', spec, { duration: '1s', 'exit-code': '42' }));
    await waitRow('per-index', 'Failed 1/2', 20_000);
    assert.deepEqual(await conditions('per-index'), ['FailureTarget/FailedIndexes: Job has failed indexes', 'Failed/FailedIndexes: Job has failed indexes']);
    assert.equal(await jsonpath('job', 'per-index', '{.status.completedIndexes} {.status.failedIndexes} {.status.succeeded} {.status.failed}'), '0 1 1 2');
    // Index 1 ran twice: its replacement carries the first failure forward.
    const pods = (await podsOf('per-index')).filter((p) => p[0] !== 'per-index-0').map((p) => `${p[1]} ${p[2]}`).sort();
    assert.deepEqual(pods, ['Failed 0', 'Failed 1']);
    const d = await k(['describe', 'job', 'per-index']);
    assert.match(d, /Completed Indexes:\s+0\n/);
    assert.match(d, /Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 2 Failed\n/);
    assert.deepEqual((await describeEvents('per-index')).filter((e) => e.startsWith('Warning')), ['Warning FailedIndexes Job has failed indexes']);
  });

  test('successPolicy succeededIndexes "0": SuccessCriteriaMet/SuccessPolicy, index 1 terminated, then Complete', async () => {
    // Index 1 is a pod made beforehand that would run for an hour; the Job's own pod (index 0) succeeds after 1 s.
    await k(['create', '-f', '-'], indexPodYaml('success-1', 'success', 1, { duration: '1h' }));
    await eventually(async () => assert.equal(await jsonpath('pod', 'success-1', '{.status.phase}'), 'Running'), 10_000);
    const spec = `  completionMode: Indexed\n  completions: 2\n  parallelism: 2\n  successPolicy:\n    rules:\n    - succeededIndexes: "0"\n${manualSelector('success')}`;
    await k(['create', '-f', '-'], jobYaml('success', spec, { duration: '1s' }));
    await waitRow('success', 'Complete 1/2', 20_000);
    assert.deepEqual(await conditions('success'), ['SuccessCriteriaMet/SuccessPolicy: Matched rules at index 0', 'Complete/SuccessPolicy: Matched rules at index 0']);
    assert.equal(await jsonpath('job', 'success', '{.status.completedIndexes} {.status.succeeded} {.status.failed} {.status.active}'), '0 1  ');
    assert.match(await jsonpath('job', 'success', '{.status.completionTime}'), /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
    // The adopted index-1 pod was deleted when the policy was met, not counted as failed.
    await eventually(async () => assert.deepEqual((await podsOf('success')).map((p) => p[0]!.replace(/-[a-z0-9]{5}$/, '')), ['success-0']), 10_000);
    const d = await k(['describe', 'job', 'success']);
    assert.match(d, /Completed Indexes:\s+0\n/);
    const events = await describeEvents('success');
    assert.ok(events.includes('Normal SuccessfulDelete Deleted pod: success-1'), events.join('\n'));
    assert.equal(events.at(-1), 'Normal Completed Job completed');
  });
});
