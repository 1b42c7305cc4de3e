import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { KObject } from '../../api/object.js';
import type { LocalClient } from '../../client/local-client.js';
import { startServer, type RunningServer } from '../../server/all-in-one.js';
import { FakeClock, rfc3339, rfc3339Micro } from '../../util/clock.js';
import type { HostFacts } from './host-facts.js';
import { NodeAgent } from './node-agent.js';
import type { NodeConfig, NodeObject } from './node-status.js';
import type { LeaseObject } from './lease.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
let server: RunningServer;
let client: LocalClient;
let dataDir: string;

before(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'kubelite-node-agent-'));
  server = await startServer({ dataDir, port: 0, bindAddress: '127.0.0.1', store: 'memory', log: () => {} });
  client = server.client;
});
after(async () => {
  await server.close();
  rmSync(dataDir, { recursive: true, force: true });
});

const facts: HostFacts = {
  kernelVersion: '6.1.0-test', osImage: 'Debian GNU/Linux 12 (bookworm)', machineID: 'm-id', systemUUID: 's-uuid', bootID: 'b-id',
  architecture: 'amd64', operatingSystem: 'linux', internalIP: '192.0.2.10',
};
const config = (name: string, extra: Partial<NodeConfig> = {}): NodeConfig => ({
  name, labels: { disk: 'ssd' }, capacity: { cpu: '4', memory: '8Gi', pods: '110' }, facts, kubeletPort: 10250,
  runtimeName: 'simulated', runtimeVersion: '0.1.0', podCIDR: '10.244.7.0/24', ...extra,
});

class Recorder {
  events: string[] = [];
  event(obj: KObject, type: string, reason: string, message: string) { this.events.push(`${obj.kind}/${obj.metadata.name} ${type} ${reason}: ${message}`); }
}

const nodeDef = () => client.kind('', 'Node');
const leaseDef = () => client.kind('coordination.k8s.io', 'Lease');

test('registration writes the Node as kubelet does, with a lease and start-up events', async () => {
  const clock = new FakeClock(T0);
  const recorder = new Recorder();
  const agent = new NodeAgent(client, config('n1'), { clock, recorder, log: () => {} });
  await agent.start({ timers: false });
  const node = (await client.get(nodeDef(), undefined, 'n1')) as NodeObject;
  assert.deepEqual(node.metadata.labels, {
    'beta.kubernetes.io/arch': 'amd64', 'beta.kubernetes.io/os': 'linux', disk: 'ssd',
    'kubernetes.io/arch': 'amd64', 'kubernetes.io/hostname': 'n1', 'kubernetes.io/os': 'linux',
  });
  assert.equal(node.spec?.podCIDR, '10.244.7.0/24');
  const s = node.status!;
  assert.deepEqual(s.capacity, { cpu: '4', memory: '8Gi', pods: '110' });
  assert.deepEqual(s.allocatable, s.capacity);
  assert.deepEqual(s.addresses, [{ type: 'InternalIP', address: '192.0.2.10' }, { type: 'Hostname', address: 'n1' }]);
  const t = rfc3339(T0);
  assert.deepEqual(s.conditions, [
    { type: 'MemoryPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
    { type: 'DiskPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
    { type: 'PIDPressure', status: 'False', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
    { type: 'Ready', status: 'True', lastHeartbeatTime: t, lastTransitionTime: t, reason: 'KubeletReady', message: 'kubelet is posting ready status' },
  ]);
  assert.deepEqual(s.nodeInfo, {
    machineID: 'm-id', systemUUID: 's-uuid', bootID: 'b-id', kernelVersion: '6.1.0-test', osImage: 'Debian GNU/Linux 12 (bookworm)',
    containerRuntimeVersion: 'kubelite://0.1.0', kubeletVersion: 'v1.33.0', kubeProxyVersion: '', operatingSystem: 'linux', architecture: 'amd64',
  });
  assert.deepEqual(s.daemonEndpoints, { kubeletEndpoint: { Port: 10250 } });

  const lease = (await client.get(leaseDef(), 'kube-node-lease', 'n1')) as LeaseObject;
  assert.deepEqual(lease.spec, { holderIdentity: 'n1', leaseDurationSeconds: 40, renewTime: rfc3339Micro(T0) });
  assert.deepEqual(lease.metadata.ownerReferences, [{ apiVersion: 'v1', kind: 'Node', name: 'n1', uid: node.metadata.uid }]);

  assert.deepEqual(recorder.events, [
    'Node/n1 Normal Starting: Starting kubelet.',
    'Node/n1 Normal NodeHasSufficientMemory: Node n1 status is now: NodeHasSufficientMemory',
    'Node/n1 Normal NodeHasNoDiskPressure: Node n1 status is now: NodeHasNoDiskPressure',
    'Node/n1 Normal NodeHasSufficientPID: Node n1 status is now: NodeHasSufficientPID',
    'Node/n1 Normal NodeReady: Node n1 status is now: NodeReady',
    'Node/n1 Normal NodeAllocatableEnforced: Updated Node Allocatable limit across pods',
  ]);
});

test('the lease is renewed with the clock; status is written only when changed or every 5 minutes', async () => {
  const clock = new FakeClock(T0);
  const recorder = new Recorder();
  const agent = new NodeAgent(client, config('n2'), { clock, recorder, log: () => {} });
  await agent.start({ timers: false });
  clock.advance(10_000);
  await agent.renewLease();
  const lease = (await client.get(leaseDef(), 'kube-node-lease', 'n2')) as LeaseObject;
  assert.equal(lease.spec?.renewTime, rfc3339Micro(T0 + 10_000));

  const rv = (await client.get(nodeDef(), undefined, 'n2')).metadata.resourceVersion;
  assert.equal(await agent.syncStatus(), false, 'nothing changed, report not due');
  assert.equal((await client.get(nodeDef(), undefined, 'n2')).metadata.resourceVersion, rv);

  clock.advance(5 * 60_000);
  assert.equal(await agent.syncStatus(), true, 'report due after 5 minutes');
  const ready = ((await client.get(nodeDef(), undefined, 'n2')) as NodeObject).status!.conditions!.find((c) => c.type === 'Ready')!;
  assert.equal(ready.lastHeartbeatTime, rfc3339(T0 + 310_000));
  assert.equal(ready.lastTransitionTime, rfc3339(T0), 'no transition, so the transition time stays');
});

test('a Ready=Unknown written by someone else is corrected at the next check, with a NodeReady event', async () => {
  const clock = new FakeClock(T0);
  const recorder = new Recorder();
  const agent = new NodeAgent(client, config('n3'), { clock, recorder, log: () => {} });
  await agent.start({ timers: false });
  await client.mutate(nodeDef(), undefined, 'n3', (cur) => {
    const n = cur as NodeObject;
    for (const c of n.status!.conditions!) if (c.type === 'Ready') Object.assign(c, { status: 'Unknown', reason: 'NodeStatusUnknown', message: 'Kubelet stopped posting node status.' });
    return n;
  }, { subresource: 'status' });
  recorder.events = [];
  clock.advance(10_000);
  assert.equal(await agent.syncStatus(), true);
  const ready = ((await client.get(nodeDef(), undefined, 'n3')) as NodeObject).status!.conditions!.find((c) => c.type === 'Ready')!;
  assert.deepEqual([ready.status, ready.reason, ready.lastTransitionTime], ['True', 'KubeletReady', rfc3339(T0 + 10_000)]);
  assert.deepEqual(recorder.events, ['Node/n3 Normal NodeReady: Node n3 status is now: NodeReady']);
});

test('a deleted Node is registered again; an existing Node keeps its labels and gains the defaults', async () => {
  const clock = new FakeClock(T0);
  await client.create(nodeDef(), { apiVersion: 'v1', kind: 'Node', metadata: { name: 'n4', labels: { team: 'a', 'kubernetes.io/hostname': 'wrong' } } });
  const agent = new NodeAgent(client, config('n4'), { clock, log: () => {} });
  await agent.start({ timers: false });
  let node = (await client.get(nodeDef(), undefined, 'n4')) as NodeObject;
  assert.equal(node.metadata.labels?.team, 'a');
  assert.equal(node.metadata.labels?.['kubernetes.io/hostname'], 'n4');
  assert.equal(node.spec?.podCIDR, '10.244.7.0/24');
  assert.equal(node.status?.nodeInfo?.kubeletVersion, 'v1.33.0');

  await client.delete(nodeDef(), undefined, 'n4');
  assert.equal(await agent.syncStatus(), true);
  node = (await client.get(nodeDef(), undefined, 'n4')) as NodeObject;
  assert.equal(node.status?.conditions?.find((c) => c.type === 'Ready')?.status, 'True');
});
