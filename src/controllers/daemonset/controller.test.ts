import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ControllerRevision, DaemonSetStatus } from 'kubernetes-types/apps/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import type { PatchType } from '../../client/api-client.js';
import type { EventType } from '../../client/events.js';
import { Informer } from '../../client/informer.js';
import { FakeClock } from '../../util/clock.js';
import { FakeApi, ManualTimers } from '../replicaset/testing.js';
import { addIndexes, DaemonSetController, type DaemonSetInformers } from './controller.js';
import type { DaemonControl, DaemonSetObject, RevisionObject } from './daemon-control.js';
import { computeHash } from './hash.js';
import { revisionData } from './history.js';
import { daemonSet, daemonPod, DS_UID, node, readyPod, T0, type DsOpts } from './testing.js';

/** Records every write; revisions and pods it "creates" can be pushed back through the fake API's watch. */
class RecordingControl implements DaemonControl {
  readonly calls: string[] = [];
  readonly pods: KObject[] = [];
  readonly revisions: RevisionObject[] = [];
  readonly statuses: DaemonSetStatus[] = [];
  readonly events: string[] = [];
  fresh?: DaemonSetObject;
  event(_ds: DaemonSetObject, type: EventType, reason: string, message: string): void { this.events.push(`${type} ${reason} ${message}`); }
  async createPod(_ds: DaemonSetObject, pod: KObject): Promise<void> {
    const name = `${pod.metadata.generateName}${this.pods.length}`;
    this.pods.push({ ...pod, metadata: { ...pod.metadata, name, uid: `new-${name}`, resourceVersion: '9', creationTimestamp: '2026-11-24T10:30:00Z' } });
    this.calls.push(`create ${name}`);
    this.events.push(`Normal SuccessfulCreate Created pod: ${name}`);
  }
  async deletePod(_ds: DaemonSetObject, name: string): Promise<void> { this.calls.push(`delete ${name}`); this.events.push(`Normal SuccessfulDelete Deleted pod: ${name}`); }
  async patchPod(_ns: string, name: string, patch: unknown, type: PatchType): Promise<void> { this.calls.push(`patch ${type} ${name} ${JSON.stringify(patch)}`); }
  async getDaemonSet(): Promise<DaemonSetObject> { return this.fresh!; }
  async updateStatus(_ds: DaemonSetObject, s: DaemonSetStatus): Promise<void> { this.statuses.push(s); }
  async createRevision(cr: ControllerRevision): Promise<RevisionObject> {
    const r = { ...cr, metadata: { ...cr.metadata, uid: `cr-${cr.metadata!.name}`, resourceVersion: '7' } } as RevisionObject;
    this.revisions.push(r);
    this.calls.push(`create revision ${cr.metadata!.name} ${cr.revision}`);
    return r;
  }
  async getRevision(): Promise<RevisionObject> { throw new Error('unused'); }
  async updateRevision(cr: RevisionObject): Promise<RevisionObject> { this.calls.push(`update revision ${cr.metadata.name} ${cr.revision}`); return cr; }
  async patchRevision(_ns: string, name: string): Promise<void> { this.calls.push(`patch revision ${name}`); }
  async deleteRevision(_ns: string, name: string): Promise<void> { this.calls.push(`delete revision ${name}`); }
}

const def = (kind: string): KindDef => ({ group: '', version: 'v1', kind, listKind: `${kind}List`, plural: `${kind.toLowerCase()}s`, singular: kind.toLowerCase(), namespaced: kind !== 'Node', model: '', statusSubresource: true }) as KindDef;

async function world(seed: { ds: DaemonSetObject; nodes: KObject[]; pods?: KObject[]; revisions?: KObject[] }) {
  const api = new FakeApi({ DaemonSet: [seed.ds], Node: seed.nodes, Pod: seed.pods ?? [], ControllerRevision: seed.revisions ?? [] });
  const client = api.client();
  const inf = {
    daemonSets: new Informer(client, def('DaemonSet')), pods: new Informer(client, def('Pod')),
    nodes: new Informer(client, def('Node')), revisions: new Informer(client, def('ControllerRevision')),
  } as unknown as DaemonSetInformers;
  addIndexes(inf);
  await Promise.all((Object.values(inf) as Informer[]).map((i) => i.start()));
  const control = new RecordingControl();
  control.fresh = seed.ds;
  const controller = new DaemonSetController(inf, control, new FakeClock(T0), () => {}, { timers: new ManualTimers() });
  await settle(controller);
  return { api, control, controller };
}

async function settle(c: DaemonSetController): Promise<void> {
  for (let i = 0; i < 5; i++) { await c.queue.idle(); await new Promise((r) => setImmediate(r)); }
}

const ssd = (name: string) => node(name, { labels: { disk: 'ssd' } });
const currentRevision = (o: DsOpts = {}, revision = 1): RevisionObject => {
  const ds = daemonSet(o);
  const hash = computeHash(ds.spec!.template);
  return { apiVersion: 'apps/v1', kind: 'ControllerRevision', metadata: { name: `ssd-monitor-${hash}`, namespace: 'default', uid: `cr-${hash}`, resourceVersion: '3', labels: { app: 'ssd-monitor', 'controller-revision-hash': hash }, ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: DS_UID, controller: true }] }, data: revisionData(ds), revision } as RevisionObject;
};

test('scenario 19: a pod for the ssd node only, aimed by node affinity, with the daemon labels and tolerations', async () => {
  const ds = daemonSet({ nodeSelector: { disk: 'ssd' } });
  const { control, controller } = await world({ ds, nodes: [ssd('a'), node('b', { labels: { disk: 'hdd' } })] });
  const hash = computeHash(ds.spec!.template);
  assert.deepEqual(control.calls, [`create revision ssd-monitor-${hash} 1`, 'create ssd-monitor-0']);
  const pod = control.pods[0]!;
  assert.deepEqual(pod.metadata.labels, { app: 'ssd-monitor', 'pod-template-generation': '1', 'controller-revision-hash': hash });
  assert.deepEqual(pod.metadata.ownerReferences, [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: DS_UID, blockOwnerDeletion: true, controller: true }]);
  const spec = pod.spec as { nodeName?: string; nodeSelector: unknown; affinity: unknown; tolerations: unknown[] };
  assert.equal(spec.nodeName, undefined); // the scheduler binds it
  assert.deepEqual(spec.affinity, { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['a'] }] }] } } });
  assert.deepEqual(spec.nodeSelector, { disk: 'ssd' });
  assert.equal(spec.tolerations.length, 6);
  assert.deepEqual(control.events, ['Normal SuccessfulCreate Created pod: ssd-monitor-0']);
  assert.deepEqual(control.statuses, [{ currentNumberScheduled: 0, desiredNumberScheduled: 1, numberMisscheduled: 0, numberReady: 0, numberUnavailable: 1, observedGeneration: 1 }]);
  // Until the cache sees the pod, another sync creates nothing (only status, without observedGeneration).
  await controller.sync('default/ssd-monitor');
  assert.equal(control.pods.length, 1);
  controller.stop();
});

test('node label changes: labelling a node ssd adds its pod, relabelling hdd deletes it', async () => {
  const ds = daemonSet({ nodeSelector: { disk: 'ssd' } });
  const rev = currentRevision({ nodeSelector: { disk: 'ssd' } });
  const hash = rev.metadata.labels!['controller-revision-hash']!;
  const running = readyPod('p-a', 'a', { hash });
  const { api, control, controller } = await world({ ds, nodes: [ssd('a'), node('b')], pods: [running], revisions: [rev] });
  assert.deepEqual(control.calls, []);
  api.emit('Node', 'MODIFIED', { ...ssd('b'), metadata: { ...ssd('b').metadata, resourceVersion: '2' } });
  await settle(controller);
  assert.deepEqual(control.calls, ['create ssd-monitor-0']);
  assert.equal((control.pods[0]!.spec as { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: Array<{ matchFields: Array<{ values: string[] }> }> } } } }).affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms[0]!.matchFields[0]!.values[0], 'b');
  api.emit('Pod', 'ADDED', control.pods[0]!);
  api.emit('Node', 'MODIFIED', { ...node('a', { labels: { disk: 'hdd' } }), metadata: { ...node('a', { labels: { disk: 'hdd' } }).metadata, resourceVersion: '2' } });
  await settle(controller);
  assert.deepEqual(control.calls.slice(1), ['delete p-a']);
  // A heartbeat (no verdict change) wakes nothing.
  api.emit('Node', 'MODIFIED', { ...ssd('b'), metadata: { ...ssd('b').metadata, resourceVersion: '3' } });
  await settle(controller);
  assert.equal(control.calls.length, 2);
  controller.stop();
});

test('a deleted daemon pod is observed and replaced; a new node gets one', async () => {
  const rev = currentRevision();
  const hash = rev.metadata.labels!['controller-revision-hash']!;
  const pod = readyPod('p-a', 'a', { hash });
  const { api, control, controller } = await world({ ds: daemonSet(), nodes: [node('a')], pods: [pod], revisions: [rev] });
  api.emit('Pod', 'DELETED', pod);
  await settle(controller);
  assert.deepEqual(control.calls, ['create ssd-monitor-0']);
  api.emit('Pod', 'ADDED', control.pods[0]!);
  api.emit('Node', 'ADDED', node('c'));
  await settle(controller);
  assert.deepEqual(control.calls, ['create ssd-monitor-0', 'create ssd-monitor-1']);
  controller.stop();
});

test('a template change: a new revision numbered above the old, then a rolling update deletes one old pod at a time', async () => {
  const oldRev = currentRevision({}, 1);
  const oldHash = oldRev.metadata.labels!['controller-revision-hash']!;
  const ds = daemonSet({ image: 'luksa/ssd-monitor:v2', templateGeneration: 2, generation: 2, observedGeneration: 1 });
  const pods = ['a', 'b', 'c'].map((n) => readyPod(`p-${n}`, n, { hash: oldHash }));
  const { control, controller } = await world({ ds, nodes: ['a', 'b', 'c'].map((n) => node(n)), pods, revisions: [oldRev] });
  const newHash = computeHash(ds.spec!.template);
  assert.deepEqual(control.calls, [`create revision ssd-monitor-${newHash} 2`, 'delete p-a']);
  assert.deepEqual(control.statuses.at(-1), { currentNumberScheduled: 3, desiredNumberScheduled: 3, numberAvailable: 3, numberMisscheduled: 0, numberReady: 3, observedGeneration: 2 });
  controller.stop();
});

test('OnDelete: a template change replaces nothing until pods are deleted by hand', async () => {
  const oldRev = currentRevision({}, 1);
  const oldHash = oldRev.metadata.labels!['controller-revision-hash']!;
  const ds = daemonSet({ image: 'v2', templateGeneration: 2, strategy: { type: 'OnDelete' } });
  const { control, controller } = await world({ ds, nodes: [node('a')], pods: [readyPod('p-a', 'a', { hash: oldHash })], revisions: [oldRev] });
  assert.deepEqual(control.calls, [`create revision ssd-monitor-${computeHash(ds.spec!.template)} 2`]);
  assert.equal(control.statuses.at(-1)!.updatedNumberScheduled, undefined);
  controller.stop();
});

test('history beyond revisionHistoryLimit is pruned oldest first, skipping revisions live pods carry', async () => {
  const ds = daemonSet({ historyLimit: 1 });
  const old = [1, 2, 3].map((n) => ({ ...currentRevision({ image: `v${n}` }, n) }));
  const cur = currentRevision({}, 4);
  const live = old[0]!.metadata.labels!['controller-revision-hash']!;
  const { control, controller } = await world({ ds, nodes: [node('a')], pods: [readyPod('p-a', 'a', { hash: live })], revisions: [...old, cur] });
  assert.deepEqual(control.calls.filter((c) => c.startsWith('delete revision')), [`delete revision ${old[1]!.metadata.name}`, `delete revision ${old[2]!.metadata.name}`]);
  controller.stop();
});

test('an orphan pod matching the selector is adopted after a fresh read; an empty selector only warns', async () => {
  const rev = currentRevision();
  const orphan = daemonPod('stray', 'a', { owner: null, hash: rev.metadata.labels!['controller-revision-hash']!, readySince: -60 });
  const { control, controller } = await world({ ds: daemonSet(), nodes: [node('a')], pods: [orphan], revisions: [rev] });
  assert.deepEqual(control.calls, [`patch strategic stray ${JSON.stringify({ metadata: { ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: DS_UID, blockOwnerDeletion: true, controller: true }], uid: 'uid-stray' } })}`]);
  controller.stop();
  const everything = daemonSet();
  everything.spec!.selector = {};
  const w = await world({ ds: everything, nodes: [node('a')] });
  assert.deepEqual([w.control.calls, w.control.events], [[], ['Warning SelectingAll This daemon set is selecting all pods. A non-empty selector is required.']]);
  w.controller.stop();
});
