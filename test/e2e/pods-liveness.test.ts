// Probes on the process runtime, driven by the real kubectl. Scenario 10: kubia-unhealthy answers
// 200 five times, then 500; after three failed liveness probes the kubelet kills it (the app
// ignores SIGTERM, like node as PID 1, so the kill ends with exit code 137 after the grace period,
// shortened here to keep the test fast) and restarts it, with kubelet's events and describe lines.
// Readiness: a failing probe keeps the pod Running but not Ready; a passing one makes it Ready.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { kubectlMissing, type TestServer } from './harness.js';
import { eventsOf, eventually, ok, podRow, waitStatus, podTestServer } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;

const { cidr } = podTestServer(skip, (s) => { server = s; });

const k = (args: string[], input?: string) => ok(server, args, { input });

const MANIFEST = '/work/shared/scenarios/manifests/kubia-liveness.yaml';
const INLINE = `apiVersion: v1
kind: Pod
metadata:
  name: kubia-liveness
spec:
  containers:
  - name: kubia
    image: luksa/kubia-unhealthy
    livenessProbe:
      httpGet:
        path: /
        port: 8080
      initialDelaySeconds: 2
      periodSeconds: 2
      failureThreshold: 3
`;

/** The scenario's manifest (or the same inline) with a 1 s grace period instead of the default 30 s. */
function livenessManifest(): string {
  const text = existsSync(MANIFEST) ? readFileSync(MANIFEST, 'utf8') : INLINE;
  assert.match(text, /^spec:\n  containers:\n/m);
  return text.replace(/^spec:\n/m, 'spec:\n  terminationGracePeriodSeconds: 1\n');
}

describe('probes on the process runtime', { skip, concurrency: true }, () => {
  test('scenario 10: a failing liveness probe kills the container (137) and restarts it', async () => {
    assert.equal(await k(['create', '-f', '-'], livenessManifest()), 'pod/kubia-liveness created\n');
    await waitStatus(server, 'kubia-liveness', 'Running');
    // 5 good answers (probes at 2, 4, ... 10 s), failures at 12, 14, 16 s, then the kill and restart.
    const row = await eventually(async () => {
      const r = await podRow(server, 'kubia-liveness');
      assert.match(r.restarts, /^1 \(\d+s ago\)$/, JSON.stringify(r));
      return r;
    }, 35_000, 500);
    assert.equal(row.status, 'Running');
    const d = await k(['describe', 'pod', 'kubia-liveness']);
    assert.match(d, /State:\s+Running\n\s+Started:\s+.*\n\s+Last State:\s+Terminated\n\s+Reason:\s+Error\n\s+Exit Code:\s+137\n/);
    assert.match(d, /Restart Count:\s+1\n/);
    assert.match(d, /Liveness:\s+http-get http:\/\/:8080\/ delay=2s timeout=1s period=2s #success=1 #failure=3\n/);
    assert.match(d, /Warning\s+Unhealthy\s+\S+ \(x3 over \d+s\)\s+kubelet\s+Liveness probe failed: HTTP probe failed with statuscode: 500\n/);
    assert.match(d, /Normal\s+Killing\s+\S+\s+kubelet\s+Container kubia failed liveness probe, will be restarted\n/);
    const events = await eventsOf(server, 'kubia-liveness');
    assert.ok(events.includes('Warning Unhealthy Liveness probe failed: HTTP probe failed with statuscode: 500'), events.join('\n'));
    assert.ok(events.includes('Normal Killing Container kubia failed liveness probe, will be restarted'), events.join('\n'));
    // The previous instance's log: started, then one line per probe request.
    const previous = await k(['logs', 'kubia-liveness', '--previous']);
    assert.match(previous, /^Kubia server starting\.\.\.\n(Received request from \S+\n){8}$/);
    assert.match(await k(['logs', 'kubia-liveness']), /^Kubia server starting\.\.\.\n/);
  });

  test('a failing readiness probe keeps READY 0/1 and the Ready condition False', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: notready}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: main
    image: busybox
    command: ["sleep", "424301"]
    readinessProbe:
      exec: {command: ["cat", "/no/such/ready-file"]}
      periodSeconds: 1
`);
    await waitStatus(server, 'notready', 'Running');
    await eventually(async () => {
      const events = await eventsOf(server, 'notready');
      assert.ok(events.some((e) => e.startsWith('Warning Unhealthy Readiness probe failed: ')), events.join('\n'));
    }, 10_000);
    const row = await podRow(server, 'notready');
    assert.deepEqual([row.ready, row.status, row.restarts], ['0/1', 'Running', '0']);
    assert.equal(await k(['get', 'pod', 'notready', '-o', 'jsonpath={range .status.conditions[*]}{.type}={.status} {end}']),
      'PodReadyToStartContainers=True Initialized=True Ready=False ContainersReady=False PodScheduled=True ');
    const d = await k(['describe', 'pod', 'notready']);
    assert.match(d, /Readiness:\s+exec \[cat \/no\/such\/ready-file\] delay=0s timeout=1s period=1s #success=1 #failure=3\n/);
    assert.match(d, /Ready:\s+False\n/);
  });

  test('a passing readiness probe makes the pod Ready', async () => {
    await k(['apply', '-f', '-'], `apiVersion: v1
kind: Pod
metadata: {name: ready}
spec:
  terminationGracePeriodSeconds: 1
  containers:
  - name: kubia
    image: luksa/kubia
    ports: [{name: http, containerPort: 8080}]
    readinessProbe:
      httpGet: {path: /, port: http}
      periodSeconds: 1
`);
    await eventually(async () => {
      const r = await podRow(server, 'ready');
      assert.deepEqual([r.ready, r.status], ['1/1', 'Running']);
    }, 15_000);
    assert.equal(await k(['get', 'pod', 'ready', '-o', 'jsonpath={.status.conditions[?(@.type=="Ready")].status}']), 'True');
  });
});
