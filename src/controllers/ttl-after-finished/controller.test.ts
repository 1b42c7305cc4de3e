import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { LocalClient } from '../../client/local-client.js';
import type { Timers } from '../../client/workqueue.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { TtlAfterFinishedController } from './controller.js';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const noTimers: Timers = { setTimeout: () => undefined, clearTimeout: () => {} };

async function world(ttl: number) {
  const clock = new FakeClock(T0);
  const client = new LocalClient(new Registry(new MemoryStore(), clock, allKinds.find((k) => k.kind === 'Namespace')!), allKinds);
  await client.create(client.kind('', 'Namespace'), { metadata: { name: 'default' } });
  const def = client.kind('batch', 'Job');
  const created = await client.create(def, {
    apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'ttl', namespace: 'default' },
    spec: { ttlSecondsAfterFinished: ttl, template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'busybox' }] } } },
  });
  const done: KObject = { ...created, status: {
    startTime: '2026-11-24T09:59:58Z', completionTime: '2026-11-24T10:00:00Z', succeeded: 1, uncountedTerminatedPods: {},
    conditions: [
      { type: 'SuccessCriteriaMet', status: 'True', lastProbeTime: '2026-11-24T10:00:00Z', lastTransitionTime: '2026-11-24T10:00:00Z' },
      { type: 'Complete', status: 'True', lastProbeTime: '2026-11-24T10:00:00Z', lastTransitionTime: '2026-11-24T10:00:00Z' },
    ] } };
  await client.updateStatus(def, done);
  const controller = new TtlAfterFinishedController(client, { clock, log: () => {}, timers: noTimers });
  await controller.start();
  return { clock, client, def, controller };
}

test('ttl controller: requeues until expiry, then deletes in the foreground', async () => {
  const { clock, client, def, controller } = await world(5);
  clock.advance(2_000);
  assert.equal(await controller.sync('default/ttl'), 3_000);
  assert.equal((await client.get(def, 'default', 'ttl')).metadata.deletionTimestamp, undefined);
  clock.advance(3_000);
  assert.equal(await controller.sync('default/ttl'), undefined);
  // No garbage collector runs here, so the foreground finalizer holds the Job, marked for deletion.
  const after = await client.get(def, 'default', 'ttl');
  assert.ok(after.metadata.deletionTimestamp);
  assert.deepEqual(after.metadata.finalizers, ['foregroundDeletion']);
  controller.stop();
});

test('ttl controller: a TTL raised since the cache saw it is read afresh before deleting', async () => {
  const { clock, client, def, controller } = await world(5);
  controller.jobs.stop(); // the cache keeps ttl 5
  await client.mutate(def, 'default', 'ttl', (cur) => ({ ...cur, spec: { ...(cur.spec as object), ttlSecondsAfterFinished: 60 } }));
  clock.advance(10_000);
  assert.equal(await controller.sync('default/ttl'), 50_000);
  assert.equal((await client.get(def, 'default', 'ttl')).metadata.deletionTimestamp, undefined);
  controller.stop();
});
