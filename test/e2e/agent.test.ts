// `kubelite agent` against a real server process: simulated nodes register, heartbeat and show as
// Ready in the real kubectl.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { kubectl, kubectlMissing, startTestServer, TestAgents, type TestServer } from './harness.js';

const skip = kubectlMissing();
let server: TestServer;
const agents = new TestAgents();
let agentOut = (): string => '';

before(async () => {
  if (skip) return;
  server = await startTestServer({ store: 'memory', apiOnly: true });
  agentOut = (await agents.start(server, 'sim', 'simulated', ['--count', '3', '--labels', 'tier=sim,zone=a'])).output;
});

after(async () => {
  if (skip) return;
  await agents.stopAll();
  await server?.stop();
});

test('kubectl get nodes shows the simulated nodes Ready', { skip }, async () => {
  assert.match(agentOut(), /kubelite agent: 3 node\(s\) registered with https:\/\/127\.0\.0\.1:\d+ in \d+ms: sim-0, sim-1, sim-2 \(runtime simulated\)/);
  const r = await kubectl(server, ['get', 'nodes', '-l', 'tier=sim']);
  assert.equal(r.code, 0, r.stderr);
  const lines = r.stdout.trim().split('\n');
  assert.match(lines[0]!, /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION$/);
  assert.deepEqual(lines.slice(1).map((l) => l.split(/\s+/).filter((_, i) => i !== 3)), [
    ['sim-0', 'Ready', '<none>', 'v1.33.0'],
    ['sim-1', 'Ready', '<none>', 'v1.33.0'],
    ['sim-2', 'Ready', '<none>', 'v1.33.0'],
  ]);
});

test('each node has its labels, a distinct pod CIDR, a lease and kubelet events', { skip }, async () => {
  const r = await kubectl(server, ['get', 'nodes', '-l', 'zone=a', '-o', 'jsonpath={range .items[*]}{.metadata.name} {.metadata.labels.kubernetes\\.io/hostname} {.spec.podCIDR} {.status.capacity.pods}{"\\n"}{end}']);
  assert.equal(r.code, 0, r.stderr);
  const rows = r.stdout.trim().split('\n').map((l) => l.split(' '));
  assert.deepEqual(rows.map(([n, host, , pods]) => [n, host, pods]), [['sim-0', 'sim-0', '110'], ['sim-1', 'sim-1', '110'], ['sim-2', 'sim-2', '110']]);
  // The server's own node may hold a block already; the agent's nodes take free, distinct ones.
  for (const [, , cidr] of rows) assert.match(cidr!, /^10\.244\.\d+\.0\/24$/);
  assert.equal(new Set(rows.map((x) => x[2])).size, 3);
  const leases = await kubectl(server, ['get', 'leases', '-n', 'kube-node-lease', '-o', 'jsonpath={range .items[*]}{.spec.holderIdentity} {.spec.leaseDurationSeconds}{"\\n"}{end}']);
  assert.deepEqual(leases.stdout.trim().split('\n'), ['sim-0 40', 'sim-1 40', 'sim-2 40']);
  const events = await kubectl(server, ['get', 'events', '--field-selector', 'involvedObject.name=sim-1', '-o', 'jsonpath={range .items[*]}{.reason}/{.source.component}/{.source.host}{"\\n"}{end}']);
  assert.equal(events.code, 0, events.stderr);
  for (const reason of ['Starting', 'NodeHasSufficientMemory', 'NodeReady']) assert.ok(events.stdout.includes(`${reason}/kubelet/sim-1`), events.stdout);
});

test('describe node shows conditions and system info as kubelet reports them', { skip }, async () => {
  const r = await kubectl(server, ['describe', 'node', 'sim-0']);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /Ready\s+True\s+.*KubeletReady\s+kubelet is posting ready status/);
  assert.match(r.stdout, /MemoryPressure\s+False\s+.*KubeletHasSufficientMemory/);
  assert.match(r.stdout, /Container Runtime Version:\s+kubelite:\/\/\d+\.\d+\.\d+/);
  assert.match(r.stdout, /PodCIDR:\s+10\.244\.\d+\.0\/24/);
});
