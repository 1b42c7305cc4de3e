// Scenario 19 with the real kubectl: a DaemonSet with nodeSelector disk=ssd on the server's own node
// plus two simulated agent nodes. Labelling a node creates its pod (scheduled through the node
// affinity the controller sets), relabelling it deletes the pod, newly labelled nodes get one; `kubectl
// get ds` shows the golden columns; a template change rolls the pods over with ControllerRevisions.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectl, kubectlMissing, startTestServer, TestAgents, type TestServer } from './harness.js';
import { eventually, ok } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;
const agents = new TestAgents();
const MANIFEST = '/work/shared/scenarios/manifests/ssd-monitor-ds.yaml';

before(async () => {
  if (skip) return;
  server = await startTestServer({ store: 'memory', extraArgs: ['--runtime', 'simulated', '--node-name', 'main'] });
  await agents.start(server, 'sim', 'simulated', ['--count', '2']);
});

after(async () => {
  if (skip) return;
  await kubectl(server, ['delete', 'ds', '--all', '--wait=false']);
  await agents.stopAll();
  await server?.stop();
});

const k = (args: string[]) => ok(server, args);

/** `kubectl get ds` as [header, row] with AGE dropped. */
async function dsTable(): Promise<string[][]> {
  const lines = (await k(['get', 'ds'])).trim().split('\n').map((l) => l.trim().split(/\s+/));
  return lines.map((cols) => [...cols.slice(0, -1)]);
}

/** Daemon pods as `name node phase hash generation`, sorted by node. */
async function daemonPods(): Promise<Array<{ name: string; node: string; phase: string; hash: string; gen: string; deleting: boolean }>> {
  const out = await k(['get', 'pods', '-l', 'app=ssd-monitor', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.spec.nodeName} {.status.phase} {.metadata.labels.controller-revision-hash} {.metadata.labels.pod-template-generation} {.metadata.deletionTimestamp}{"\\n"}{end}']);
  return out.split('\n').filter(Boolean).map((l) => { const [name, node, phase, hash, gen, del] = l.split(' '); return { name: name!, node: node!, phase: phase!, hash: hash!, gen: gen!, deleting: Boolean(del) }; })
    .filter((p) => !p.deleting).sort((a, b) => a.node.localeCompare(b.node));
}

const row = (desired: number, current: number, ready: number, upToDate: number, available: number) =>
  [['NAME', 'DESIRED', 'CURRENT', 'READY', 'UP-TO-DATE', 'AVAILABLE', 'NODE', 'SELECTOR'], ['ssd-monitor', ...[desired, current, ready, upToDate, available].map(String), 'disk=ssd']];

test('scenario 19: ssd-monitor follows the disk=ssd label, then rolls over a new image', { skip }, async () => {
  assert.equal(await k(['create', '-f', MANIFEST]), 'daemonset.apps/ssd-monitor created\n');
  await eventually(async () => assert.deepEqual(await dsTable(), row(0, 0, 0, 0, 0)));
  assert.deepEqual(await daemonPods(), []);

  assert.equal(await k(['label', 'node', 'sim-0', 'disk=ssd']), 'node/sim-0 labeled\n');
  const first = await eventually(async () => {
    const pods = await daemonPods();
    assert.deepEqual(pods.map((p) => [p.node, p.phase, p.gen]), [['sim-0', 'Running', '1']]);
    assert.deepEqual(await dsTable(), row(1, 1, 1, 1, 1));
    return pods[0]!;
  });
  assert.match(first.name, /^ssd-monitor-[a-z0-9]{5}$/);
  // The pod is aimed at its node by affinity and bound by the scheduler, and tolerates node problems.
  const spec = JSON.parse(await k(['get', 'pod', first.name, '-o', 'jsonpath={.spec}'])) as { affinity: unknown; tolerations: Array<{ key: string; effect: string }> };
  assert.deepEqual(spec.affinity, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['sim-0'] }] }] } } });
  assert.deepEqual(spec.tolerations.map((t) => `${t.key}:${t.effect}`), ['node.kubernetes.io/not-ready:NoExecute', 'node.kubernetes.io/unreachable:NoExecute',
    'node.kubernetes.io/disk-pressure:NoSchedule', 'node.kubernetes.io/memory-pressure:NoSchedule', 'node.kubernetes.io/pid-pressure:NoSchedule', 'node.kubernetes.io/unschedulable:NoSchedule']);
  const scheduled = await k(['get', 'events', '--field-selector', `involvedObject.name=${first.name},reason=Scheduled`, '-o', 'jsonpath={.items[0].message}']);
  assert.equal(scheduled, `Successfully assigned default/${first.name} to sim-0`);

  assert.equal(await k(['label', 'node', 'sim-0', 'disk=hdd', '--overwrite']), 'node/sim-0 labeled\n');
  await eventually(async () => {
    assert.deepEqual(await daemonPods(), []);
    assert.deepEqual(await dsTable(), row(0, 0, 0, 0, 0));
  });
  const events = await k(['get', 'events', '--field-selector', 'involvedObject.kind=DaemonSet', '-o', 'jsonpath={range .items[*]}{.source.component} {.reason} {.message}{"\\n"}{end}']);
  assert.deepEqual(events.trim().split('\n'), [`daemonset-controller SuccessfulCreate Created pod: ${first.name}`, `daemonset-controller SuccessfulDelete Deleted pod: ${first.name}`]);

  // Newly labelled nodes, the server's own among them, each get a pod.
  await k(['label', 'node', 'sim-1', 'main', 'disk=ssd']);
  const before = await eventually(async () => {
    const pods = await daemonPods();
    assert.deepEqual(pods.map((p) => [p.node, p.phase]), [['main', 'Running'], ['sim-1', 'Running']]);
    assert.deepEqual(await dsTable(), row(2, 2, 2, 2, 2));
    return pods;
  });
  const revisions = async () => (await k(['get', 'controllerrevisions', '--no-headers'])).trim().split('\n').map((l) => l.split(/\s+/).slice(0, 3));
  const rev1 = `ssd-monitor-${before[0]!.hash}`;
  assert.deepEqual(await revisions(), [[rev1, 'daemonset.apps/ssd-monitor', '1']]);

  // A new image: the rolling update replaces every pod (one unavailable at a time) under revision 2.
  await k(['set', 'image', 'ds/ssd-monitor', 'main=luksa/ssd-monitor:v2']);
  assert.match(await ok(server, ['rollout', 'status', 'ds/ssd-monitor', '--timeout=40s']), /daemon set "ssd-monitor" successfully rolled out/);
  const after = await eventually(async () => {
    const pods = await daemonPods();
    assert.deepEqual(pods.map((p) => [p.node, p.phase, p.gen]), [['main', 'Running', '2'], ['sim-1', 'Running', '2']]);
    return pods;
  });
  assert.ok(after.every((p) => p.hash !== before[0]!.hash && !before.some((b) => b.name === p.name)));
  assert.deepEqual((await revisions()).sort(), [[rev1, 'daemonset.apps/ssd-monitor', '1'], [`ssd-monitor-${after[0]!.hash}`, 'daemonset.apps/ssd-monitor', '2']].sort());
  const status = JSON.parse(await k(['get', 'ds', 'ssd-monitor', '-o', 'jsonpath={.status}'])) as Record<string, number>;
  assert.deepEqual(status, { currentNumberScheduled: 2, desiredNumberScheduled: 2, numberAvailable: 2, numberMisscheduled: 0, numberReady: 2, observedGeneration: 2, updatedNumberScheduled: 2 });
});
