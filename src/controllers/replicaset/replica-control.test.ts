import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { EventRecorder } from '../../client/events.js';
import { LocalClient } from '../../client/local-client.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { asReplicas, REPLICATION_CONTROLLER } from './conversion.js';
import { podFromTemplate } from './plan.js';
import { ApiReplicaControl } from './replica-control.js';
import { T0 } from './testing.js';

async function world() {
  const clock = new FakeClock(T0);
  const client = new LocalClient(new Registry(new MemoryStore(), clock, allKinds.find((k) => k.kind === 'Namespace')!), allKinds);
  await client.create(client.kind('', 'Namespace'), { metadata: { name: 'default' } });
  const rcDef = client.kind('', 'ReplicationController');
  const rc = await client.create(rcDef, { apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia', namespace: 'default' },
    spec: { replicas: 1, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } } });
  const recorder = new EventRecorder(client, { component: 'replication-controller' }, clock);
  const control = new ApiReplicaControl(client, REPLICATION_CONTROLLER, recorder);
  const events = async () => {
    await recorder.flush();
    return (await client.list(client.kind('', 'Event'), 'default')).items.map((e) => {
      const ev = e as KObject & { type: string; reason: string; message: string; source: { component: string }; involvedObject: { kind: string; name: string } };
      return `${ev.type} ${ev.reason} ${ev.involvedObject.kind}/${ev.involvedObject.name} ${ev.source.component}: ${ev.message}`;
    });
  };
  return { client, rcDef, rc, control, events };
}

const ref = (rc: KObject) => ({ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: rc.metadata.uid!, controller: true, blockOwnerDeletion: true });

test('create and delete record SuccessfulCreate / SuccessfulDelete on the RC', async () => {
  const { client, rc, control, events } = await world();
  const rs = asReplicas(rc, REPLICATION_CONTROLLER);
  await control.createPod(rc, podFromTemplate(rs.template, 'default', 'kubia', ref(rc)));
  const [p] = (await client.list(client.kind('', 'Pod'), 'default')).items;
  assert.match(p!.metadata.name!, /^kubia-[a-z0-9]{5}$/);
  await control.deletePod(rc, 'default', p!.metadata.name!);
  assert.deepEqual(await events(), [
    `Normal SuccessfulCreate ReplicationController/kubia replication-controller: Created pod: ${p!.metadata.name}`,
    `Normal SuccessfulDelete ReplicationController/kubia replication-controller: Deleted pod: ${p!.metadata.name}`,
  ]);
  await assert.rejects(control.deletePod(rc, 'default', p!.metadata.name!), { reason: 'NotFound' });
  assert.equal((await events()).length, 2); // a pod already gone is no failure
});

test('a failed create records FailedCreate with the API error', async () => {
  const { rc, control, events } = await world();
  const rs = asReplicas(rc, REPLICATION_CONTROLLER);
  await assert.rejects(control.createPod(rc, podFromTemplate(rs.template, 'nope', 'kubia', ref(rc))), { reason: 'NotFound' });
  assert.deepEqual(await events(), ['Warning FailedCreate ReplicationController/kubia replication-controller: Error creating: namespaces "nope" not found']);
});

test('release patch drops the controller reference; status writes retry once on a conflict', async () => {
  const { client, rcDef, rc, control } = await world();
  const rs = asReplicas(rc, REPLICATION_CONTROLLER);
  const created = await client.create(client.kind('', 'Pod'), podFromTemplate(rs.template, 'default', 'kubia', ref(rc)));
  await control.patchPod('default', created.metadata.name!, { metadata: { ownerReferences: [{ $patch: 'delete', uid: rc.metadata.uid }], uid: created.metadata.uid } });
  const released = await client.get(client.kind('', 'Pod'), 'default', created.metadata.name!);
  assert.deepEqual(released.metadata.ownerReferences ?? [], []);
  await client.update(rcDef, { ...rc, metadata: { ...rc.metadata, labels: { changed: 'yes' } } }); // the cached copy is now stale
  await control.updateStatus(rs, { replicas: 1, observedGeneration: 1 });
  assert.deepEqual((await client.get(rcDef, 'default', 'kubia')).status, { replicas: 1, observedGeneration: 1 });
});
