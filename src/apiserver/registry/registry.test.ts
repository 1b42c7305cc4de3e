import assert from 'node:assert/strict';
import { test } from 'node:test';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { deleteObject } from './deletion.js';
import { Registry } from './registry.js';
import { decodeKV, decodeWritten, rawListItem, rawObjectJson } from './stored-form.js';
import type { StatusError } from '../../api/errors.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const kind = (k: string) => allKinds.find((d) => d.kind === k && (d.group === '' || k !== 'Event'))!;
const ns = kind('Namespace');
const cm = kind('ConfigMap');
const rc = kind('ReplicationController');
const pod = kind('Pod');

async function setup() {
  const clock = new FakeClock(T0);
  const reg = new Registry(new MemoryStore(), clock, ns);
  await reg.create(ns, undefined, { metadata: { name: 'default' } });
  return { reg, clock };
}

const configMap = (name: string, data: Record<string, string> = {}): KObject => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name }, data });
const rcObj = (replicas: number): KObject => ({
  apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia' },
  spec: { replicas, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } } },
});

test('create fills server-set metadata and the resourceVersion is the store revision', async () => {
  const { reg } = await setup();
  const created = await reg.create(cm, 'default', configMap('a'));
  assert.match(created.metadata.uid!, /^[0-9a-f-]{36}$/);
  assert.equal(created.metadata.creationTimestamp, '2026-01-01T00:00:00Z');
  assert.equal(created.metadata.namespace, 'default');
  assert.equal(created.metadata.resourceVersion, String(reg.store.revision()));
  await assert.rejects(reg.create(cm, 'default', configMap('a')), { code: 409, reason: 'AlreadyExists', message: 'configmaps "a" already exists' });
});

test('generateName gets a 5-character suffix', async () => {
  const { reg } = await setup();
  const created = await reg.create(cm, 'default', { metadata: { generateName: 'cfg-' }, data: {} });
  assert.match(created.metadata.name!, /^cfg-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
});

test('create into a missing namespace is 404; a namespace mismatch is 400', async () => {
  const { reg } = await setup();
  await assert.rejects(reg.create(cm, 'nope', configMap('a')), { code: 404, message: 'namespaces "nope" not found' });
  await assert.rejects(reg.create(cm, 'default', { ...configMap('a'), metadata: { name: 'a', namespace: 'other' } }), { code: 400 });
});

test('a stale resourceVersion conflicts; generation moves only with the spec', async () => {
  const { reg } = await setup();
  const c = await reg.create(rc, 'default', rcObj(3));
  assert.equal(c.metadata.generation, 1);
  const relabelled = await reg.update(rc, 'default', 'kubia', { ...c, metadata: { ...c.metadata, labels: { x: 'y' } } });
  assert.equal(relabelled.metadata.generation, 1);
  const scaled = await reg.update(rc, 'default', 'kubia', { ...relabelled, spec: { ...(relabelled.spec as object), replicas: 4 } });
  assert.equal(scaled.metadata.generation, 2);
  await assert.rejects(reg.update(rc, 'default', 'kubia', c), { code: 409, reason: 'Conflict', message: 'Operation cannot be fulfilled on replicationcontrollers "kubia": the object has been modified; please apply your changes to the latest version and try again' });
});

test('writes to the resource keep status; status writes keep the spec', async () => {
  const { reg } = await setup();
  const c = await reg.create(rc, 'default', rcObj(3));
  const withStatus = await reg.update(rc, 'default', 'kubia', { ...c, spec: { ...(c.spec as object), replicas: 9 }, status: { replicas: 2 } }, { subresource: 'status' });
  assert.equal((withStatus.spec as { replicas: number }).replicas, 3);
  assert.equal((withStatus.status as { replicas: number }).replicas, 2);
  const main = await reg.update(rc, 'default', 'kubia', { ...withStatus, status: { replicas: 100 } });
  assert.equal((main.status as { replicas: number }).replicas, 2);
});

test('an update that changes nothing writes nothing', async () => {
  const { reg } = await setup();
  const c = await reg.create(cm, 'default', configMap('a', { k: 'v' }));
  const rev = reg.store.revision();
  const same = await reg.update(cm, 'default', 'a', c);
  assert.equal(same.metadata.resourceVersion, c.metadata.resourceVersion);
  assert.equal(reg.store.revision(), rev);
});

test('finalizers hold a deleted object until the last one is removed', async () => {
  const { reg } = await setup();
  await reg.create(cm, 'default', { ...configMap('a'), metadata: { name: 'a', finalizers: ['example.com/hold'] } });
  const r = await deleteObject(reg, cm, 'default', 'a');
  assert.equal(r.gone, false);
  assert.ok(r.object.metadata.deletionTimestamp);
  await reg.guaranteedUpdate(cm, 'default', 'a', (cur) => { cur.metadata.finalizers = []; return cur; });
  await assert.rejects(reg.get(cm, 'default', 'a'), { code: 404 });
});

test('propagation policies become finalizers for the garbage collector', async () => {
  const { reg } = await setup();
  await reg.create(rc, 'default', rcObj(1));
  const orphan = await deleteObject(reg, rc, 'default', 'kubia', { propagationPolicy: 'Orphan' });
  assert.deepEqual(orphan.object.metadata.finalizers, ['orphan']);
  await assert.rejects(deleteObject(reg, rc, 'default', 'kubia', { propagationPolicy: 'Orphan', orphanDependents: true }), { code: 400 });
});

test('delete preconditions are checked', async () => {
  const { reg } = await setup();
  await reg.create(cm, 'default', configMap('a'));
  await assert.rejects(deleteObject(reg, cm, 'default', 'a', { preconditions: { uid: 'other' } }), { code: 409 });
  const r = await deleteObject(reg, cm, 'default', 'a', {});
  assert.equal(r.gone, true);
});

test('a pod bound to a node waits for its kubelet; an unbound pod goes at once', async () => {
  const { reg, clock } = await setup();
  const spec = { containers: [{ name: 'c', image: 'busybox' }] };
  await reg.create(pod, 'default', { metadata: { name: 'unbound' }, spec });
  assert.equal((await deleteObject(reg, pod, 'default', 'unbound')).gone, true);
  await reg.create(pod, 'default', { metadata: { name: 'bound' }, spec: { ...spec, nodeName: 'n1' } });
  const r = await deleteObject(reg, pod, 'default', 'bound');
  assert.equal(r.gone, false);
  assert.equal(r.object.metadata.deletionGracePeriodSeconds, 30);
  assert.equal(r.object.metadata.deletionTimestamp, new Date(clock.now() + 30_000).toISOString().replace('.000Z', 'Z'));
  assert.equal((await deleteObject(reg, pod, 'default', 'bound', { gracePeriodSeconds: 0 })).gone, true);
});

test('a terminating namespace refuses new content', async () => {
  const { reg } = await setup();
  await reg.create(ns, undefined, { metadata: { name: 'gone-soon' } });
  await deleteObject(reg, ns, undefined, 'gone-soon');
  await assert.rejects(reg.create(cm, 'gone-soon', configMap('a')), { code: 403, message: /being terminated/ });
});

test('services get a free cluster IP from 10.96.0.0/12; a taken one is refused', async () => {
  const { reg } = await setup();
  const svc = kind('Service');
  const mk = (name: string, clusterIP?: string): KObject => ({ metadata: { name }, spec: { ports: [{ port: 80 }], ...(clusterIP ? { clusterIP } : {}) } });
  const a = await reg.create(svc, 'default', mk('a'));
  const ip = (a.spec as { clusterIP: string }).clusterIP;
  assert.match(ip, /^10\.(9[6-9]|10[0-9]|11[01])\.\d+\.\d+$/);
  assert.deepEqual((a.spec as { clusterIPs: string[] }).clusterIPs, [ip]);
  await assert.rejects(reg.create(svc, 'default', mk('b', ip)), { code: 422, message: /provided IP is already allocated/ });
  await assert.rejects(reg.create(svc, 'default', mk('c', '192.168.1.1')), { code: 422, message: /not in the valid range/ });
  const headless = await reg.create(svc, 'default', mk('d', 'None'));
  assert.equal((headless.spec as { clusterIP: string }).clusterIP, 'None');
});

test('a stored value spliced into a list item equals the decoded object without apiVersion/kind', async () => {
  const { reg } = await setup();
  await reg.create(rc, 'default', { metadata: { name: 'kubia', labels: { a: 'b' } }, spec: (rcObj(2).spec), apiVersion: 'v1', kind: 'ReplicationController' });
  const [kv] = (await reg.listRaw(rc, 'default')).items;
  const { apiVersion: _a, kind: _k, ...want } = decodeKV(kv!, rc);
  assert.deepEqual(JSON.parse(rawListItem(rc, kv!)!), want);
  assert.equal(rawListItem(rc, { ...kv!, value: '{"kind":"x"}' }), undefined);
});

test('a write answers with its stored version, which reads as the decoded object; a no-op or dry run with the object', async () => {
  const { reg } = await setup();
  const created = await reg.createStored(rc, 'default', rcObj(2));
  assert.ok('kv' in created);
  assert.deepEqual(JSON.parse(rawObjectJson(rc, created.kv)!), decodeKV(created.kv, rc));
  assert.deepEqual(decodeWritten(created, rc), await reg.get(rc, 'default', 'kubia'));
  const status = await reg.updateStored(rc, 'default', 'kubia', { metadata: { name: 'kubia' }, status: { replicas: 2 } }, { subresource: 'status' });
  assert.ok('kv' in status);
  assert.deepEqual((JSON.parse(rawObjectJson(rc, status.kv)!) as KObject).status, { replicas: 2 });
  const again = await reg.updateStored(rc, 'default', 'kubia', { metadata: { name: 'kubia' }, status: { replicas: 2 } }, { subresource: 'status' });
  assert.ok('obj' in again, 'nothing changed: no new revision');
  const dry = await reg.createStored(cm, 'default', configMap('dry'), { dryRun: true });
  assert.ok('obj' in dry);
});

test('a write that empties a metadata collection drops the key, as Go omitempty does', async () => {
  const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), clock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: 'default' } });
  const cmDef = allKinds.find((k) => k.kind === 'ConfigMap')!;
  const created = await reg.create(cmDef, 'default', { metadata: { name: 'a', labels: { x: 'y' }, ownerReferences: [], finalizers: [], annotations: {} } });
  assert.deepEqual(Object.keys(created.metadata).filter((k) => ['labels', 'ownerReferences', 'finalizers', 'annotations'].includes(k)), ['labels']);
  const updated = await reg.update(cmDef, 'default', 'a', { ...created, metadata: { ...created.metadata, labels: {} } });
  assert.equal('labels' in updated.metadata, false);
  assert.equal('labels' in (await reg.get(cmDef, 'default', 'a')).metadata, false);
});

test('creating in a terminating namespace is Forbidden with the NamespaceTerminating cause', async () => {
  const clock = new FakeClock(Date.parse('2026-01-01T00:00:00Z'));
  const nsDef = allKinds.find((k) => k.kind === 'Namespace')!;
  const reg = new Registry(new MemoryStore(), clock, nsDef);
  await reg.create(nsDef, undefined, { metadata: { name: 'going' } });
  await deleteObject(reg, nsDef, undefined, 'going'); // the namespace's finalizer keeps it, terminating
  const podDef = allKinds.find((k) => k.kind === 'Pod')!;
  await assert.rejects(reg.create(podDef, 'going', { metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'i' }] } }), (e: unknown) => {
    const s = (e as StatusError).toStatus();
    assert.equal(s.message, 'pods "p" is forbidden: unable to create new content in namespace going because it is being terminated');
    assert.deepEqual(s.details?.causes, [{ reason: 'NamespaceTerminating', message: 'namespace going is being terminated', field: 'metadata.namespace' }]);
    return true;
  });
});
