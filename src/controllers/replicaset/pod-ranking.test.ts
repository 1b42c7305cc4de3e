import assert from 'node:assert/strict';
import { test } from 'node:test';
import { deletionCost, isPodActive, isPodAvailable, podsToDelete } from './pod-ranking.js';
import { pod, ready, T0 } from './testing.js';

const NOW = T0 + 3600_000;

// Each case: two pods; `first` must be chosen for deletion before `second`, whichever order they come in.
const order = [
  { name: 'unassigned before assigned', first: pod('a', { node: '', phase: 'Pending' }), second: pod('b', { phase: 'Pending' }) },
  { name: 'Pending before Unknown', first: pod('a', { phase: 'Pending' }), second: pod('b', { phase: 'Unknown' }) },
  { name: 'Unknown before Running', first: pod('a', { phase: 'Unknown' }), second: pod('b') },
  { name: 'not ready before ready', first: pod('a', { readySince: 0, notReady: true }), second: ready('b') },
  { name: 'lower pod-deletion-cost first', first: ready('a', { cost: '-5' }), second: ready('b', { cost: '10' }) },
  { name: 'deletion cost outranks restarts and age', first: ready('a', { cost: '1', created: -100 }), second: ready('b', { cost: '2', restarts: 9, created: 100 }) },
  { name: 'ready for less time first (different log2 buckets)', first: ready('a', { readySince: 3000 }), second: ready('b', { readySince: 0 }) },
  { name: 'more restarts first', first: ready('a', { restarts: 3 }), second: ready('b', { restarts: 1 }) },
  { name: 'newer first', first: ready('a', { created: 3000 }), second: ready('b', { created: 0 }) },
  { name: 'same log2 age bucket: lower uid first', first: ready('x', { created: 10, uid: 'uid-a' }), second: ready('y', { created: 11, uid: 'uid-b' }) },
];
for (const c of order) {
  test(`ranking: ${c.name}`, () => {
    assert.deepEqual(podsToDelete([c.second, c.first, ready('keep', { created: -3000, readySince: -3000, cost: '1000' })], [], 1, NOW).map((p) => p.metadata!.name), [c.first.metadata!.name]);
    assert.deepEqual(podsToDelete([c.first, c.second, ready('keep', { created: -3000, readySince: -3000, cost: '1000' })], [], 1, NOW).map((p) => p.metadata!.name), [c.first.metadata!.name]);
  });
}

test('ranking: pods doubled up on a node with related pods go first', () => {
  const a = ready('a', { node: 'n1' }), b = ready('b', { node: 'n2' });
  const related = [a, b, ready('c', { node: 'n2' })];
  assert.deepEqual(podsToDelete([a, b], related, 1, NOW).map((p) => p.metadata!.name), ['b']);
});

test('podsToDelete returns everything, unsorted, when all go', () => {
  const pods = [ready('a'), pod('b', { phase: 'Pending' })];
  assert.deepEqual(podsToDelete(pods, [], 2, NOW).map((p) => p.metadata!.name), ['a', 'b']);
});

test('a full scale-down order: unassigned, pending, not ready, then newest ready', () => {
  const pods = [ready('old', { created: -7200 }), ready('new', { created: 1800, readySince: 1800 }), pod('pending', { phase: 'Pending' }), pod('unassigned', { node: '', phase: 'Pending' }), pod('notready', { readySince: 0, notReady: true })];
  assert.deepEqual(podsToDelete(pods, [], 4, NOW).map((p) => p.metadata!.name), ['unassigned', 'pending', 'notready', 'new']);
});

test('terminating and finished pods are not active', () => {
  assert.deepEqual([ready('a'), ready('b', { deleting: true }), pod('c', { phase: 'Succeeded' }), pod('d', { phase: 'Failed' }), pod('e', { phase: 'Pending' })].map(isPodActive),
    [true, false, false, false, true]);
});

test('available: ready for strictly more than minReadySeconds', () => {
  const p = ready('a', { readySince: 0 });
  assert.deepEqual([isPodAvailable(p, 0, T0), isPodAvailable(p, 10, T0 + 10_000), isPodAvailable(p, 10, T0 + 10_001), isPodAvailable(pod('b'), 0, T0)], [true, false, true, false]);
});

test('deletion cost: an int32, else 0', () => {
  assert.deepEqual(['7', '-3', 'x', '1.5', '99999999999', undefined].map((v) => deletionCost(pod('a', v === undefined ? {} : { cost: v }))), [7, -3, 0, 0, 0, 0]);
});
