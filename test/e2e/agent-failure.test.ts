// A `kubelite agent` running real processes, killed with SIGKILL. As a kubelet's containers outlive
// the kubelet, the pods' processes keep running while the agent is gone; the restarted agent adopts
// them (same process, no restart), reports a container that ended meanwhile with its real exit
// code, and reaps the processes of a pod deleted while it was down. The invariant: every process a
// pod started is gone once the pod is, even when the agent was killed.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { claimPodCidr, kubectl, kubectlMissing, startTestServer, TestAgents, type TestServer } from './harness.js';
import { deleteAllPods, eventually, namespacesInCidr, ok, pids, podRow, removeNamespacesInCidr, waitGone, waitStatus } from './pods-helpers.js';

const skip = kubectlMissing() ?? (process.getuid?.() === 0 ? undefined : 'needs root: the agent builds pod sandboxes');
let server: TestServer;
const cidr = claimPodCidr();
const agents = new TestAgents();
const startAgent = (name: string, runtime: 'process' | 'simulated', extra: string[] = []) => agents.start(server, name, runtime, extra);
const kill = (name: string, signal: NodeJS.Signals) => agents.signal(name, signal);

before(async () => {
  if (skip) return;
  server = await startTestServer({ store: 'memory', extraArgs: ['--no-node'] });
  await startAgent('n1', 'process', ['--pod-cidr', cidr]);
  await startAgent('n2', 'simulated');
});
after(async () => {
  if (skip) return;
  // A test that failed with n1 killed leaves its pods' processes running (they outlive the agent by
  // design): bring n1 back so that deleting the pods stops them, as it does for a returning agent.
  const n1 = agents.get('n1');
  if (n1 && (n1.exitCode !== null || n1.signalCode !== null)) await startAgent('n1', 'process', ['--pod-cidr', cidr]).catch(() => undefined);
  if (agents.get('n1')?.exitCode === null && agents.get('n1')?.signalCode === null) await deleteAllPods(server);
  await agents.stopAll();
  await server.stop();
  removeNamespacesInCidr(cidr);
});

const k = (args: string[], input?: string) => ok(server, args, { input });
const onN1 = (name: string, restartPolicy: string, command: string[]) => `apiVersion: v1
kind: Pod
metadata: {name: ${name}}
spec:
  nodeName: n1
  restartPolicy: ${restartPolicy}
  terminationGracePeriodSeconds: 1
  containers:
  - {name: main, image: busybox, command: ${JSON.stringify(command)}}
`;

test('kubectl get nodes shows both agents\' nodes Ready', { skip }, async () => {
  const out = await k(['get', 'nodes', '--no-headers']);
  assert.deepEqual(out.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2)), [['n1', 'Ready'], ['n2', 'Ready']]);
});

test('after SIGKILL, the restarted agent adopts running containers and reports the exit of one that ended meanwhile', { skip }, async () => {
  await k(['apply', '-f', '-'], [onN1('sleeper', 'Always', ['sleep', '424401']), onN1('ender', 'Never', ['sh', '-c', 'sleep 4; exit 7 # 424402'])].join('---\n'));
  await waitStatus(server, 'sleeper', 'Running');
  await waitStatus(server, 'ender', 'Running');
  const before = pids('sleep 424401');
  assert.ok(before.length > 0, 'the sleeper runs');

  await kill('n1', 'SIGKILL');
  // Containers outlive their agent (as a kubelet's do); the ender finishes while nobody watches.
  assert.deepEqual(pids('sleep 424401'), before);
  await eventually(async () => assert.deepEqual(pids('424402'), []), 10_000);

  await startAgent('n1', 'process', ['--pod-cidr', cidr]);
  await eventually(async () => {
    assert.equal(await k(['get', 'pod', 'ender', '-o', 'jsonpath={.status.phase} {.status.containerStatuses[0].state.terminated.reason} {.status.containerStatuses[0].state.terminated.exitCode}']), 'Failed Error 7');
  }, 20_000); // the agent's start plus its first status write: seconds on a loaded machine
  const row = await podRow(server, 'sleeper');
  assert.deepEqual([row.ready, row.status, row.restarts], ['1/1', 'Running', '0']);
  assert.deepEqual(pids('sleep 424401'), before, 'the same process, adopted');

  await k(['delete', 'pod', 'sleeper', 'ender']);
  await waitGone(server, 'sleeper');
  await eventually(async () => assert.deepEqual(pids('sleep 424401'), []), 5000);
});

test('the processes of a pod deleted while its agent was dead are reaped when the agent returns', { skip }, async () => {
  await k(['apply', '-f', '-'], onN1('orphan', 'Always', ['sleep', '424403']));
  await waitStatus(server, 'orphan', 'Running');
  assert.ok(pids('sleep 424403').length > 0);
  await kill('n1', 'SIGKILL');
  const forced = await kubectl(server, ['delete', 'pod', 'orphan', '--grace-period=0', '--force']);
  assert.equal(forced.code, 0, forced.stderr);
  assert.ok(pids('sleep 424403').length > 0, 'nobody is left to stop it yet');
  await startAgent('n1', 'process', ['--pod-cidr', cidr]);
  await eventually(async () => assert.deepEqual(pids('sleep 424403'), []), 10_000);
  const out = await k(['get', 'nodes', '--no-headers']);
  assert.deepEqual(out.trim().split('\n').map((l) => l.split(/\s+/).slice(0, 2)), [['n1', 'Ready'], ['n2', 'Ready']]);
});

test('a clean agent shutdown leaves no pod network namespace behind', { skip }, async () => {
  await deleteAllPods(server);
  await kill('n1', 'SIGTERM');
  assert.deepEqual(namespacesInCidr(cidr), []);
});
