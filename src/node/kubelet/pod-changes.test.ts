import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { ObjectMeta } from 'kubernetes-types/meta/v1.js';
import { needsSync } from './pod-changes.js';

const written: Pod['status'] = { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }] };
const base: Pod = {
  metadata: { name: 'p', namespace: 'default', uid: 'u', resourceVersion: '5', labels: { app: 'a' }, annotations: { x: '1' } },
  spec: { containers: [{ name: 'c', image: 'busybox' }] },
  status: { phase: 'Pending' },
};
/** The next version of base: a new resourceVersion, the given status, and other changes. */
const next = (status: Pod['status'], meta: Partial<ObjectMeta> = {}, spec: Pod['spec'] = base.spec): Pod =>
  ({ metadata: { ...base.metadata, resourceVersion: '6', ...meta }, spec, status });

const cases: Array<[string, Pod, Pod['status'] | undefined, boolean]> = [
  ['our own status write coming back (only the status and resourceVersion differ)', next(written), written, false],
  ['a status someone else wrote (the node controller: Ready False)', next({ phase: 'Running', conditions: [{ type: 'Ready', status: 'False' }] }), written, true],
  ['a status change before this kubelet wrote any', next(written), undefined, true],
  ['a spec change', next(written, {}, { containers: [{ name: 'c', image: 'busybox:2' }] }), written, true],
  ['a label change', next(written, { labels: { app: 'b' } }), written, true],
  ['an annotation change', next(written, { annotations: {} }), written, true],
  ['deletion', next(written, { deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 }), written, true],
];
for (const [name, p, last, want] of cases) {
  test(`${name}: ${want ? 'syncs' : 'no sync'}`, () => assert.equal(needsSync(base, p, last), want));
}

test('a second delete with a shorter grace period syncs', () => {
  const deleting = next(written, { deletionTimestamp: '2026-01-01T00:00:00Z', deletionGracePeriodSeconds: 30 });
  assert.equal(needsSync(deleting, { ...deleting, metadata: { ...deleting.metadata, deletionGracePeriodSeconds: 0 } }, written), true);
  assert.equal(needsSync(deleting, { ...deleting, metadata: { ...deleting.metadata, resourceVersion: '7' } }, written), false);
});
