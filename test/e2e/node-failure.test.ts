// Scenario 18, node failure, with the real kubectl: three simulated nodes from two `kubelite agent`
// processes; the agent holding an RC's pods is killed with SIGKILL. The node turns NotReady (its
// conditions Unknown once the 4 s grace period passes without status or Lease renewal), gets the
// unreachable taints, its pods turn not ready and, 2 s later (the default toleration the server adds),
// Terminating; the RC's replacements run on the other nodes. When the agent returns the node is Ready
// again, the taints go, and its kubelet removes the pods that were deleted meanwhile.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectlMissing, startTestServer, TestAgents, type TestServer } from './harness.js';
import { eventually, ok } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer;
const agents = new TestAgents();

/** Starts (or restarts, on the same data dir) an agent of simulated nodes; its Lease is renewed every 0.5 s. */
const startAgent = (name: string, extra: string[] = []) => agents.start(server, name, 'simulated', ['--node-lease-duration-seconds', '2', ...extra]);
const kill = (name: string, signal: NodeJS.Signals) => agents.signal(name, signal);

before(async () => {
  if (skip) return;
  server = await startTestServer({
    store: 'memory', apiOnly: true,
    extraArgs: ['--node-monitor-grace-period', '4s', '--node-monitor-period', '1s', '--default-unreachable-toleration-seconds', '2', '--default-not-ready-toleration-seconds', '2'],
  });
});
after(async () => {
  if (skip) return;
  await agents.stopAll();
  await server.stop();
});

const k = (args: string[], input?: string) => ok(server, args, { input });
const RC = `apiVersion: v1
kind: ReplicationController
metadata: {name: kubia}
spec:
  replicas: 3
  selector: {app: kubia}
  template:
    metadata: {labels: {app: kubia}}
    spec:
      containers: [{name: kubia, image: luksa/kubia, ports: [{containerPort: 8080}]}]
`;

/** name → [node, STATUS] of the RC's pods. */
async function pods(): Promise<Map<string, [string, string]>> {
  const out = await k(['get', 'pods', '-l', 'app=kubia', '-o', 'wide', '--no-headers']);
  const rows = out.trim().split('\n').filter(Boolean).map((l) => l.split(/\s+/));
  return new Map(rows.map((r) => [r[0]!, [r[6]!, r[2]!] as [string, string]]));
}
const nodeStatus = async (name: string) => (await k(['get', 'node', name, '--no-headers'])).split(/\s+/)[1];
const taints = async (name: string) => (await k(['get', 'node', name, '-o', 'jsonpath={range .spec.taints[*]}{.key}:{.effect} {end}'])).trim();

let doomedPods: string[] = [];

test('pods get the default tolerations with the server\'s seconds, as kubectl describe shows them', { skip }, async () => {
  await startAgent('doomed');
  await k(['apply', '-f', '-'], RC);
  await eventually(async () => {
    const p = await pods();
    assert.equal(p.size, 3);
    for (const [node, status] of p.values()) assert.deepEqual([node, status], ['doomed', 'Running']);
  }, 20_000);
  doomedPods = [...(await pods()).keys()];
  const describe = await k(['describe', 'pod', doomedPods[0]!]);
  assert.match(describe, /Tolerations:\s+node\.kubernetes\.io\/not-ready:NoExecute op=Exists for 2s\n\s+node\.kubernetes\.io\/unreachable:NoExecute op=Exists for 2s\n/);
  await startAgent('steady', ['--count', '2']);
  assert.deepEqual(await Promise.all(['doomed', 'steady-0', 'steady-1'].map(nodeStatus)), ['Ready', 'Ready', 'Ready']);
});

test('SIGKILL of the agent: NotReady with unreachable taints, pods not ready then Terminating, replacements elsewhere', { skip }, async () => {
  assert.equal(doomedPods.length, 3);
  await kill('doomed', 'SIGKILL');
  await eventually(async () => assert.equal(await nodeStatus('doomed'), 'NotReady'), 15_000, 500);
  const ready = await k(['get', 'node', 'doomed', '-o', 'jsonpath={range .status.conditions[?(@.type=="Ready")]}{.status}/{.reason}/{.message}{end}']);
  assert.equal(ready, 'Unknown/NodeStatusUnknown/Kubelet stopped posting node status.');
  assert.deepEqual(await Promise.all(['steady-0', 'steady-1'].map(nodeStatus)), ['Ready', 'Ready'], 'nodes that renew their lease stay Ready');
  await eventually(async () => assert.equal(await taints('doomed'), 'node.kubernetes.io/unreachable:NoSchedule node.kubernetes.io/unreachable:NoExecute'), 10_000, 500);
  await eventually(async () => {
    const p = await pods();
    for (const name of doomedPods) assert.equal(p.get(name)?.[1], 'Terminating', name);
    const replacements = [...p].filter(([name]) => !doomedPods.includes(name));
    assert.equal(replacements.length, 3);
    for (const [, [node, status]] of replacements) { assert.match(node, /^steady-[01]$/); assert.equal(status, 'Running'); }
  }, 20_000, 500);
  const cond = await k(['get', 'pod', doomedPods[0]!, '-o', 'jsonpath={range .status.conditions[*]}{.type}={.status} {end}']);
  assert.match(cond, /Ready=False/);
  assert.match(cond, /DisruptionTarget=True/);
  const events = await k(['get', 'events', '-o', 'jsonpath={range .items[*]}{.source.component}/{.reason}/{.message}{"\\n"}{end}']);
  assert.match(events, /node-controller\/NodeNotReady\/Node doomed status is now: NodeNotReady/);
  assert.match(events, new RegExp(`taint-eviction-controller/TaintManagerEviction/Marking for deletion Pod default/${doomedPods[0]}`));
});

test('the agent returns: Ready, no taints, and the pods deleted meanwhile are removed', { skip }, async () => {
  await startAgent('doomed');
  await eventually(async () => assert.equal(await nodeStatus('doomed'), 'Ready'), 15_000, 500);
  await eventually(async () => assert.equal(await taints('doomed'), ''), 10_000, 500);
  await eventually(async () => {
    const p = await pods();
    for (const name of doomedPods) assert.equal(p.has(name), false, `${name} still listed`);
    assert.equal(p.size, 3);
  }, 15_000, 500);
  await k(['delete', 'rc', 'kubia']);
});
