import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../api/kinds/index.js';
import type { KObject } from '../api/object.js';
import { Registry } from '../apiserver/registry/registry.js';
import { MemoryStore } from '../store/memory/memory-store.js';
import { FakeClock } from '../util/clock.js';
import { EventRecorder } from './events.js';
import { LocalClient } from './local-client.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');

async function setup(source = { component: 'kubelet', host: 'node-1' }) {
  const clock = new FakeClock(T0);
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), clock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: 'default' } });
  const client = new LocalClient(reg, allKinds);
  const recorder = new EventRecorder(client, source, clock);
  const events = async () => {
    await recorder.flush();
    return (await client.list(client.kind('', 'Event'), 'default')).items as Array<KObject & Record<string, unknown>>;
  };
  return { clock, client, recorder, events };
}

const pod: KObject = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'kubia-abcde', namespace: 'default', uid: 'u-1', resourceVersion: '7' } };
const node: KObject = { apiVersion: 'v1', kind: 'Node', metadata: { name: 'node-1', uid: 'u-n', resourceVersion: '3' } };

test('an event names its object, source and reporting instance, with count 1', async () => {
  const { recorder, events } = await setup();
  recorder.event(pod, 'Normal', 'Pulled', 'Container image "luksa/kubia" already present on machine', { fieldPath: 'spec.containers{kubia}' });
  const [ev] = await events();
  assert.match(ev!.metadata.name!, /^kubia-abcde\.[0-9a-f]{16}$/);
  assert.deepEqual(ev!.involvedObject, { kind: 'Pod', namespace: 'default', name: 'kubia-abcde', uid: 'u-1', apiVersion: 'v1', resourceVersion: '7', fieldPath: 'spec.containers{kubia}' });
  assert.deepEqual(
    [ev!.type, ev!.reason, ev!.count, ev!.firstTimestamp, ev!.lastTimestamp, ev!.source, ev!.reportingComponent, ev!.reportingInstance],
    ['Normal', 'Pulled', 1, '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', { component: 'kubelet', host: 'node-1' }, 'kubelet', 'node-1'],
  );
});

test('a cluster-scoped object gets its events in default', async () => {
  const { recorder, events } = await setup();
  recorder.event(node, 'Normal', 'NodeReady', 'Node node-1 status is now: NodeReady');
  const [ev] = await events();
  assert.equal(ev!.metadata.namespace, 'default');
  assert.deepEqual(ev!.involvedObject, { kind: 'Node', name: 'node-1', uid: 'u-n', apiVersion: 'v1', resourceVersion: '3' });
});

test('identical events are counted on one event; a different message is another event', async () => {
  const { clock, recorder, events } = await setup();
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  clock.advance(10_000);
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  clock.advance(20_000);
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  recorder.event(pod, 'Warning', 'Unhealthy', 'Liveness probe failed');
  const evs = await events();
  const backoff = evs.find((e) => e.reason === 'BackOff')!;
  assert.equal(evs.length, 2);
  assert.deepEqual([backoff.count, backoff.firstTimestamp, backoff.lastTimestamp], [3, '2026-01-01T00:00:00Z', '2026-01-01T00:00:30Z']);
});

test('eleven distinct messages for one reason within ten minutes are combined', async () => {
  const { clock, recorder, events } = await setup();
  for (let i = 0; i < 12; i++) { recorder.event(pod, 'Warning', 'Failed', `error ${i}`); clock.advance(1000); }
  const evs = await events();
  const combined = evs.filter((e) => String(e.message).startsWith('(combined from similar events): '));
  assert.equal(evs.length, 10);
  assert.equal(combined.length, 1);
  assert.equal(combined[0]!.count, 3);
  assert.equal(combined[0]!.message, '(combined from similar events): error 11');
});

test('an expired event is recreated with its count', async () => {
  const { client, recorder, events } = await setup();
  recorder.event(pod, 'Normal', 'Killing', 'Stopping container kubia');
  const [first] = await events();
  await client.delete(client.kind('', 'Event'), 'default', first!.metadata.name!);
  recorder.event(pod, 'Normal', 'Killing', 'Stopping container kubia');
  const [again] = await events();
  assert.deepEqual([again!.metadata.name, again!.count], [first!.metadata.name, 2]);
});

test('two events in the same millisecond get distinct names; a failed write does not throw', async () => {
  const { recorder, events } = await setup();
  recorder.event(pod, 'Normal', 'Created', 'Created container a');
  recorder.event(pod, 'Normal', 'Started', 'Started container a');
  recorder.event({ ...pod, metadata: { ...pod.metadata, namespace: 'missing' } }, 'Normal', 'Started', 'x');
  const evs = await events();
  assert.equal(new Set(evs.map((e) => e.metadata.name)).size, 2);
});

test('spam filter: 25 events about one object, then one every five minutes; dropped ones still count', async () => {
  const { clock, client, recorder, events } = await setup({ component: 'replicaset-controller', host: '' });
  const rs: KObject = { apiVersion: 'apps/v1', kind: 'ReplicaSet', metadata: { name: 'web', namespace: 'default', uid: 'u-rs' } };
  const writes: string[] = [];
  for (const verb of ['create', 'patch'] as const) {
    const real = client[verb].bind(client) as (...a: unknown[]) => Promise<unknown>;
    (client as unknown as Record<string, unknown>)[verb] = (...a: unknown[]) => { writes.push(verb); return real(...a); };
  }
  for (let i = 0; i < 30; i++) recorder.event(rs, 'Normal', 'SuccessfulCreate', `Created pod: web-${i}`);
  recorder.event(pod, 'Normal', 'SuccessfulCreate', 'Created pod: kubia-abcde'); // another object: its own budget
  let evs = await events();
  assert.equal(writes.length, 26);
  const combined = () => evs.find((e) => String(e.message).startsWith('(combined'))!;
  assert.deepEqual([evs.length, combined().count, combined().message], [11, 16, '(combined from similar events): Created pod: web-24']);
  clock.advance(299_000);
  recorder.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-30');
  assert.equal(((await events()), writes.length), 26, 'no token yet');
  clock.advance(1_000);
  recorder.event(rs, 'Normal', 'SuccessfulCreate', 'Created pod: web-31');
  evs = await events();
  assert.equal(writes.length, 27);
  assert.deepEqual([combined().count, combined().message], [23, '(combined from similar events): Created pod: web-31']);
});

test('a dropped first sighting is created by the next one that gets through', async () => {
  const { clock, recorder, events } = await setup();
  for (let i = 0; i < 25; i++) recorder.event(pod, 'Normal', 'Pulled', 'Container image "busybox" already present on machine');
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container'); // dropped: budget used up
  clock.advance(300_000);
  recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container');
  const backoff = (await events()).find((e) => e.reason === 'BackOff')!;
  assert.deepEqual([backoff.count, backoff.firstTimestamp, backoff.lastTimestamp], [2, '2026-01-01T00:00:00Z', '2026-01-01T00:05:00Z']);
});
