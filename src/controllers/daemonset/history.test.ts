import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import { canonicalJson, computeHash, safeEncodeString } from './hash.js';
import { classifyHistory, newRevision, revisionData, revisionsToPrune } from './history.js';
import { daemonSet, DS_UID } from './testing.js';

const ref = { apiVersion: 'apps/v1', kind: 'DaemonSet', name: 'ssd-monitor', uid: DS_UID, controller: true, blockOwnerDeletion: true };
const rev = (name: string, revision: number, data: object, hash = name): ControllerRevision =>
  ({ metadata: { name, labels: { 'controller-revision-hash': hash } }, data, revision });

test('hash: digits through the SafeEncodeString alphabet; stable; the collision count changes it', () => {
  assert.equal(safeEncodeString('0123456789'), '456789bcdf');
  const tpl = daemonSet().spec!.template;
  assert.match(computeHash(tpl), /^[bcdfghjklmnpqrstvwxz2456789]{1,10}$/);
  assert.equal(computeHash(tpl), computeHash(JSON.parse(JSON.stringify(tpl))));
  assert.notEqual(computeHash(tpl, 1), computeHash(tpl));
  assert.notEqual(computeHash(daemonSet({ image: 'x:2' }).spec!.template), computeHash(tpl));
  assert.equal(canonicalJson({ b: 1, a: [{ d: 2, c: undefined }] }), '{"a":[{"d":2}],"b":1}');
});

test('a new revision: <ds>-<hash>, template labels plus the hash, the DaemonSet annotations, owned, data replaces the template', () => {
  const ds = daemonSet();
  const hash = computeHash(ds.spec!.template);
  assert.deepEqual(newRevision(ds, 1, ref), {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: { name: `ssd-monitor-${hash}`, namespace: 'default', labels: { app: 'ssd-monitor', 'controller-revision-hash': hash },
      annotations: { 'deprecated.daemonset.template.generation': '1' }, ownerReferences: [ref] },
    data: { spec: { template: { ...ds.spec!.template, $patch: 'replace' } } },
    revision: 1,
  });
});

test('history: current by data (key order does not matter), next revision above every old one', () => {
  const ds = daemonSet({ image: 'v2' });
  const data = JSON.parse(canonicalJson(revisionData(ds))) as object;
  const h = classifyHistory(ds, [rev('r1', 1, revisionData(daemonSet())), rev('r3', 3, revisionData(daemonSet({ image: 'v3' }))), rev('r2', 2, data)]);
  assert.deepEqual([h.current.map((r) => r.metadata!.name), h.old.map((r) => r.metadata!.name), h.nextRevision], [['r2'], ['r1', 'r3'], 4]);
  const dup = classifyHistory(ds, [rev('a', 2, data), rev('b', 5, data)]);
  assert.deepEqual([dup.current.map((r) => r.metadata!.name), dup.nextRevision], [['b', 'a'], 1]);
});

test('pruning: beyond the limit, oldest first, never a revision a live pod carries', () => {
  const old = [5, 1, 3, 2, 4].map((n) => rev(`r${n}`, n, {}, `h${n}`));
  assert.deepEqual(revisionsToPrune(old, 10, new Set()), []);
  assert.deepEqual(revisionsToPrune(old, 2, new Set()), ['r1', 'r2', 'r3']);
  assert.deepEqual(revisionsToPrune(old, 2, new Set(['h1', 'h3'])), ['r2', 'r4', 'r5']);
  assert.deepEqual(revisionsToPrune(old, 0, new Set(['h2'])), ['r1', 'r3', 'r4', 'r5']);
});
