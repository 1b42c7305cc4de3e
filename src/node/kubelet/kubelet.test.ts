// The kubelet end to end on the simulated runtime: a LocalClient over a memory store, pods bound
// to the node by hand, short back-offs, and assertions on the status and events it writes.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { EventRecorder } from '../../client/events.js';
import { LocalClient } from '../../client/local-client.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { realClock } from '../../util/clock.js';
import { SimulatedRuntime } from '../runtime/simulated/simulated-runtime.js';
import { Kubelet } from './kubelet.js';
import { serviceInformer } from '../node.js';

const dirs: string[] = [];
after(() => { for (const d of dirs) rmSync(d, { recursive: true, force: true }); });

async function setup() {
  const reg = new Registry(new MemoryStore(), realClock, allKinds.find((k) => k.kind === 'Namespace')!);
  const client = new LocalClient(reg, allKinds);
  await client.create(client.kind('', 'Namespace'), { metadata: { name: 'default' } });
  const dataDir = mkdtempSync(join(tmpdir(), 'kubelite-kubelet-'));
  dirs.push(dataDir);
  const recorder = new EventRecorder(client, { component: 'kubelet', host: 'n1' }, realClock);
  const kubelet = new Kubelet({
    client, nodeName: 'n1', hostIP: '192.0.2.1', runtime: new SimulatedRuntime({ podCIDR: '10.244.7.0/24' }),
    dataDir, clock: realClock, recorder, probes: { start: () => ({ stop() {} }) }, log: () => {}, backoffBaseMs: 50,
    services: await serviceInformer(client),
  });
  await kubelet.start();
  return { client, kubelet, podDef: client.kind('', 'Pod'), eventDef: client.kind('', 'Event') };
}

const pod = (name: string, restartPolicy: string, annotations: Record<string, string>, extra: object = {}): KObject => ({
  metadata: { name, namespace: 'default', annotations },
  spec: { nodeName: 'n1', restartPolicy, containers: [{ name: 'main', image: 'busybox' }], ...extra },
});

async function until<T>(fn: () => Promise<T | undefined>, what: string, ms = 5000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = await fn();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

test('a pod that exits 0 with restartPolicy Never ends Succeeded with a Completed container', async () => {
  const { client, kubelet, podDef, eventDef } = await setup();
  await client.create(podDef, pod('done', 'Never', { 'kubelite.io/simulate-duration': '50ms' }));
  const p = await until(async () => {
    const cur = (await client.get(podDef, 'default', 'done')) as unknown as Pod;
    return cur.status?.phase === 'Succeeded' ? cur : undefined;
  }, 'Succeeded');
  const cs = p.status!.containerStatuses![0]!;
  assert.equal(cs.state?.terminated?.reason, 'Completed');
  assert.equal(cs.state?.terminated?.exitCode, 0);
  assert.equal(cs.restartCount, 0);
  assert.match(p.status!.podIP!, /^10\.244\.7\.\d+$/);
  const reasons = (await client.list(eventDef, 'default')).items.map((e) => (e as { reason?: string }).reason);
  for (const r of ['Created', 'Started']) assert.ok(reasons.includes(r), `event ${r} in ${reasons.join(',')}`);
  kubelet.stop();
});

test('a failing container under restartPolicy Always restarts and reports CrashLoopBackOff', async () => {
  const { client, kubelet, podDef } = await setup();
  await client.create(podDef, pod('crash', 'Always', { 'kubelite.io/simulate-duration': '10ms', 'kubelite.io/simulate-exit-code': '1' }));
  const p = await until(async () => {
    const cur = (await client.get(podDef, 'default', 'crash')) as unknown as Pod;
    const cs = cur.status?.containerStatuses?.[0];
    return cs && cs.restartCount! >= 2 && cs.state?.waiting?.reason === 'CrashLoopBackOff' ? cur : undefined;
  }, 'CrashLoopBackOff after 2 restarts');
  const cs = p.status!.containerStatuses![0]!;
  assert.equal(cs.lastState?.terminated?.exitCode, 1);
  assert.equal(cs.lastState?.terminated?.reason, 'Error');
  assert.match(cs.state!.waiting!.message!, /^back-off \d+ms restarting failed container=main pod=crash_default\(/);
  assert.equal(p.status!.phase, 'Running');
  kubelet.stop();
});

test('OnFailure does not restart a container that exited 0; Never keeps a failure Failed', async () => {
  const { client, kubelet, podDef } = await setup();
  await client.create(podDef, pod('ok', 'OnFailure', { 'kubelite.io/simulate-duration': '10ms' }));
  await client.create(podDef, pod('bad', 'Never', { 'kubelite.io/simulate-duration': '10ms', 'kubelite.io/simulate-exit-code': '3' }));
  const phase = (name: string, want: string) => until(async () => {
    const cur = (await client.get(podDef, 'default', name)) as unknown as Pod;
    return cur.status?.phase === want ? cur : undefined;
  }, `${name} ${want}`);
  assert.equal((await phase('ok', 'Succeeded')).status!.containerStatuses![0]!.restartCount, 0);
  const bad = await phase('bad', 'Failed');
  assert.equal(bad.status!.containerStatuses![0]!.state?.terminated?.exitCode, 3);
  kubelet.stop();
});

test('deleting a running pod stops its containers and confirms the deletion', async () => {
  const { client, kubelet, podDef } = await setup();
  await client.create(podDef, pod('long', 'Always', {}));
  await until(async () => ((await client.get(podDef, 'default', 'long')) as unknown as Pod).status?.phase === 'Running' || undefined, 'Running');
  const marked = await client.delete(podDef, 'default', 'long');
  assert.ok(marked.metadata.deletionTimestamp, 'graceful deletion marks the pod first');
  await until(async () => {
    try { await client.get(podDef, 'default', 'long'); return undefined; } catch { return true; }
  }, 'the pod to be gone');
  kubelet.stop();
});

test('init containers run to completion before the main container starts', async () => {
  const { client, kubelet, podDef } = await setup();
  await client.create(podDef, pod('init', 'Never', { 'kubelite.io/simulate-duration.main': '20ms' }, { initContainers: [{ name: 'setup', image: 'busybox' }] }));
  const p = await until(async () => {
    const cur = (await client.get(podDef, 'default', 'init')) as unknown as Pod;
    return cur.status?.phase === 'Succeeded' ? cur : undefined;
  }, 'Succeeded');
  assert.equal(p.status!.initContainerStatuses![0]!.state?.terminated?.reason, 'Completed');
  assert.equal(p.status!.conditions!.find((c) => c.type === 'Initialized')?.status, 'True');
  kubelet.stop();
});
