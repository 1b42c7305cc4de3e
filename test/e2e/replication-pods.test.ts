// ReplicationController with real pods on the process runtime, driven by the real kubectl.
// Scenario 11: kubia-rc.yaml brings up 3 Running pods; deleting one gets a replacement at once while the
// old one is still Terminating; `describe rc` reads "Replicas: 3 current / 3 desired" with
// SuccessfulCreate events from replication-controller. Scenario 16: the replicas all listen on 8080,
// each on its own pod IP, and answer "You've hit <pod name>".
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, test } from 'node:test';
import { kubectl, kubectlMissing, type TestServer } from './harness.js';
import { eventually, httpGet, ok, podTestServer } from './pods-helpers.js';

const skip = kubectlMissing();
let server: TestServer | undefined;
// Registered before podTestServer's own clean-up: the RC must go before its pods are deleted, or it replaces
// them; orphaned, so they go with that clean-up's short grace period rather than the default 30 s.
after(async () => { if (server) await kubectl(server, ['delete', 'rc', '--all', '--cascade=orphan', '--wait=true', '--timeout=20s']); });
const { cidr } = podTestServer(skip, (s) => { server = s; });
const prefix = cidr.split('.').slice(0, 3).join('.') + '.';
const k = (args: string[], input?: string) => ok(server!, args, { input });
const manifest = readFileSync('/work/shared/scenarios/manifests/kubia-rc.yaml', 'utf8');

interface Row { name: string; ready: string; status: string; ip: string }
async function kubiaPods(): Promise<Row[]> {
  const out = await k(['get', 'pods', '-l', 'app=kubia', '-o', 'wide', '--no-headers']);
  return out.split('\n').filter(Boolean).map((l) => { const f = l.split(/\s+/); return { name: f[0]!, ready: f[1]!, status: f[2]!, ip: f[5]! }; });
}

test('scenarios 11 and 16: an RC of three kubia pods heals itself; each replica answers on its own IP', { skip }, async () => {
  assert.equal(await k(['create', '-f', '-'], manifest), 'replicationcontroller/kubia created\n');
  const running = await eventually(async () => {
    const rows = await kubiaPods();
    assert.equal(rows.filter((r) => r.status === 'Running' && r.ready === '1/1').length, 3, JSON.stringify(rows));
    return rows;
  }, 30_000);
  for (const r of running) assert.match(r.name, /^kubia-[bcdfghjklmnpqrstvwxz2456789]{5}$/);

  // Scenario 16: three servers on port 8080, three IPs in this node's CIDR.
  assert.equal(new Set(running.map((r) => r.ip)).size, 3);
  for (const r of running) {
    assert.ok(r.ip.startsWith(prefix), `${r.name} has IP ${r.ip}, not in ${cidr}`);
    assert.deepEqual(await eventually(() => httpGet(r.ip, 8080), 5000, 100), { status: 200, body: `You've hit ${r.name}\n` });
  }

  const rc = await eventually(async () => {
    const out = await k(['get', 'rc', 'kubia', '--no-headers']);
    assert.match(out, /^kubia\s+3\s+3\s+3\s+\S+\n$/);
    return out;
  }, 10_000);
  assert.ok(rc);
  let d = await k(['describe', 'rc', 'kubia']);
  assert.match(d, /^Name:\s+kubia\nNamespace:\s+default\nSelector:\s+app=kubia\nLabels:\s+app=kubia\nAnnotations:\s+<none>\nReplicas:\s+3 current \/ 3 desired\nPods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed\n/);
  for (const r of running) assert.match(d, new RegExp(`Normal\\s+SuccessfulCreate\\s+\\S+\\s+replication-controller\\s+Created pod: ${r.name}\\n`));

  // Scenario 11: delete one; kubia ignores SIGTERM, so it stays Terminating (here 5 s, not the default 30 s,
  // to keep the test short: a second, shorter-grace delete does not yet cut a running termination short)
  // while its replacement starts.
  const victim = running[0]!.name;
  assert.equal(await k(['delete', 'pod', victim, '--wait=false', '--grace-period=5']), `pod "${victim}" deleted\n`);
  const healed = await eventually(async () => {
    const rows = await kubiaPods();
    assert.equal(rows.find((r) => r.name === victim)?.status, 'Terminating', JSON.stringify(rows));
    const fresh = rows.filter((r) => !running.some((o) => o.name === r.name));
    assert.equal(fresh.length, 1, JSON.stringify(rows));
    assert.equal(fresh[0]!.status, 'Running', JSON.stringify(rows));
    return fresh[0]!;
  }, 20_000, 200);
  d = await k(['describe', 'rc', 'kubia']);
  assert.match(d, /Replicas:\s+3 current \/ 3 desired\n/);
  assert.match(d, new RegExp(`Normal\\s+SuccessfulCreate\\s+\\S+\\s+replication-controller\\s+Created pod: ${healed.name}\\n`));
  assert.deepEqual(await eventually(() => httpGet(healed.ip, 8080), 5000, 100), { status: 200, body: `You've hit ${healed.name}\n` });
});
