import assert from 'node:assert/strict';
import { test } from 'node:test';
import { labelSelectorAsSelector } from '../../api/meta/label-selector.js';
import { claimPods } from './claim.js';
import { asReplicas, REPLICA_SET, REPLICATION_CONTROLLER } from './conversion.js';
import { BURST_REPLICAS, planReplicas, podFromTemplate, slowStartBatches } from './plan.js';
import { isPodActive } from './pod-ranking.js';
import { calculateStatus, requeueAfterMs, statusToWrite } from './status.js';
import { pod, ready, replicaSet, replicationController, T0, type RSOpts } from './testing.js';
import type { PodObject } from './controller.js';

const NOW = T0 + 60_000;

/** One sync's decisions, as the engine makes them: claim, plan (assuming adoptions succeed), status. */
function decide(o: RSOpts, pods: PodObject[], opts: { canChange?: boolean; now?: number; rc?: boolean; failed?: string } = {}) {
  const rs = opts.rc ? asReplicas(replicationController(o as RSOpts & { selector?: Record<string, string> }), REPLICATION_CONTROLLER) : asReplicas(replicaSet(o), REPLICA_SET);
  const claims = claimPods(rs, labelSelectorAsSelector(rs.selector), pods.filter(isPodActive));
  const active = [...claims.owned, ...claims.adopt];
  const plan = planReplicas(rs, active, [], opts.canChange ?? true, opts.now ?? NOW);
  const status = calculateStatus(rs, active, opts.failed ? { message: opts.failed } : undefined, opts.now ?? NOW);
  return {
    create: plan.create, remove: plan.remove.map((p) => p.metadata.name),
    adopt: claims.adopt.map((p) => p.metadata.name), release: claims.release.map((p) => p.metadata.name),
    status: statusToWrite(rs, status),
  };
}

const cases: Array<{ name: string; rs: RSOpts; pods: PodObject[]; opts?: Parameters<typeof decide>[2]; want: Partial<ReturnType<typeof decide>> }> = [
  { name: 'a new ReplicaSet creates all its replicas', rs: { replicas: 3 }, pods: [],
    want: { create: 3, remove: [], status: { replicas: 0, observedGeneration: 1 } } },
  { name: 'no change while expectations are pending', rs: { replicas: 3 }, pods: [], opts: { canChange: false }, want: { create: 0 } },
  { name: 'creations are bounded by burstReplicas', rs: { replicas: 2000 }, pods: [], want: { create: BURST_REPLICAS } },
  { name: 'a terminating pod is replaced at once and not counted', rs: { replicas: 2 }, pods: [ready('a'), ready('b', { deleting: true })],
    want: { create: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } } },
  { name: 'finished pods are not counted', rs: { replicas: 1 }, pods: [pod('a', { phase: 'Failed' })], want: { create: 1 } },
  { name: 'scale down deletes the most expendable', rs: { replicas: 1 }, pods: [ready('old', { created: -600 }), ready('new', { created: 50, readySince: 50 }), pod('pending', { phase: 'Pending' })],
    want: { create: 0, remove: ['pending', 'new'] } },
  { name: 'a ReplicaSet being deleted neither creates nor deletes', rs: { replicas: 3, deleting: true }, pods: [], want: { create: 0, remove: [] } },
  { name: 'a matching orphan is adopted and counted', rs: { replicas: 2 }, pods: [ready('a'), ready('orphan', { owner: null })],
    want: { adopt: ['orphan'], create: 0 } },
  { name: 'an orphan being deleted is not adopted', rs: { replicas: 1 }, pods: [ready('orphan', { owner: null, deleting: true })], want: { adopt: [], create: 1 } },
  { name: 'an orphan in another namespace is not adopted', rs: { replicas: 1 }, pods: [ready('orphan', { owner: null, namespace: 'other' })], want: { adopt: [], create: 1 } },
  { name: 'a ReplicaSet being deleted adopts nothing and releases nothing', rs: { replicas: 1, deleting: true }, pods: [ready('orphan', { owner: null }), ready('relabelled', { labels: { app: 'foo' } })],
    want: { adopt: [], release: [], create: 0 } },
  { name: 'a pod of another controller is left alone', rs: { replicas: 1 }, pods: [ready('theirs', { owner: 'other-uid' })], want: { adopt: [], release: [], create: 1 } },
  { name: 'a relabelled pod is released and replaced (scenario 12)', rs: { replicas: 3 }, pods: [ready('a'), ready('b'), ready('c', { labels: { app: 'foo' } })],
    want: { release: ['c'], create: 1 } },
  { name: 'an extra label changes nothing', rs: { replicas: 2 }, pods: [ready('a', { labels: { app: 'kubia', type: 'special' } }), ready('b')],
    want: { release: [], create: 0, remove: [], status: { replicas: 2, fullyLabeledReplicas: 2, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } } },
  { name: 'fullyLabeledReplicas counts pods carrying every template label (template edit)', rs: { replicas: 2, templateLabels: { app: 'kubia', v: '2' } }, pods: [ready('a'), ready('b', { labels: { app: 'kubia', v: '2' } })],
    want: { create: 0, status: { replicas: 2, fullyLabeledReplicas: 1, readyReplicas: 2, availableReplicas: 2, observedGeneration: 1 } } },
  { name: 'matchExpressions: In, NotIn, Exists, DoesNotExist', rs: { replicas: 4, selector: { matchExpressions: [
    { key: 'app', operator: 'In', values: ['kubia'] }, { key: 'env', operator: 'NotIn', values: ['prod'] }, { key: 'tier', operator: 'Exists' }, { key: 'legacy', operator: 'DoesNotExist' }] } },
  pods: [ready('yes', { owner: null, labels: { app: 'kubia', tier: 'web' } }), ready('prod', { owner: null, labels: { app: 'kubia', tier: 'web', env: 'prod' } }),
    ready('notier', { owner: null, labels: { app: 'kubia' } }), ready('legacy', { owner: null, labels: { app: 'kubia', tier: 'web', legacy: 'y' } })],
  want: { adopt: ['yes'], create: 3 } },
  { name: 'RC: the equality selector adopts and releases like matchLabels', rs: { replicas: 2 }, opts: { rc: true }, pods: [ready('a', { ownerKind: 'ReplicationController' }), ready('b', { owner: null }), ready('c', { labels: { app: 'foo' } })],
    want: { adopt: ['b'], release: ['c'], create: 0 } },
  { name: 'minReadySeconds: ready but not yet available', rs: { replicas: 1, minReadySeconds: 30 }, pods: [ready('a', { readySince: 40 })],
    want: { status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, observedGeneration: 1 } } },
  { name: 'minReadySeconds: available once ready long enough', rs: { replicas: 1, minReadySeconds: 30 }, pods: [ready('a', { readySince: 10 })],
    want: { status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } } },
  { name: 'the steady state writes no status', rs: { replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }, pods: [ready('a')],
    want: { status: undefined } },
  { name: 'a new generation alone is written', rs: { replicas: 1, generation: 2, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } }, pods: [ready('a')],
    want: { status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 2 } } },
  { name: 'a failed create sets ReplicaFailure/FailedCreate', rs: { replicas: 2 }, pods: [], opts: { failed: 'pods "kubia-x" is forbidden: exceeded quota' },
    want: { status: { replicas: 0, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-11-24T10:31:00Z', reason: 'FailedCreate', message: 'pods "kubia-x" is forbidden: exceeded quota' }] } } },
  { name: 'a sync without error clears ReplicaFailure', rs: { replicas: 1, status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', reason: 'FailedCreate', message: 'x' }] } }, pods: [ready('a')],
    want: { status: { replicas: 1, fullyLabeledReplicas: 1, readyReplicas: 1, availableReplicas: 1, observedGeneration: 1 } } },
  { name: 'an existing ReplicaFailure is kept as it was', rs: { replicas: 1, status: { replicas: 0, observedGeneration: 1, conditions: [{ type: 'ReplicaFailure', status: 'True', lastTransitionTime: '2026-11-24T10:00:00Z', reason: 'FailedCreate', message: 'old' }] } }, pods: [], opts: { failed: 'new' },
    want: { status: undefined } },
];

for (const c of cases) {
  test(c.name, () => {
    const got = decide(c.rs, c.pods, c.opts);
    const picked = Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k as keyof typeof got]]));
    assert.deepEqual(picked, c.want);
  });
}

test('requeue after minReadySeconds when all are ready but not all available', () => {
  const rs = asReplicas(replicaSet({ replicas: 1, minReadySeconds: 30 }), REPLICA_SET);
  assert.equal(requeueAfterMs(rs, { replicas: 1, readyReplicas: 1, availableReplicas: 0 }, undefined), 30_000);
  assert.equal(requeueAfterMs(rs, { replicas: 1, readyReplicas: 1, availableReplicas: 1 }, undefined), undefined);
  assert.equal(requeueAfterMs(rs, { replicas: 1, readyReplicas: 1, availableReplicas: 0 }, { message: 'x' }), undefined);
});

test('slow start: batches of 1, 2, 4, ... up to the rest', () => {
  assert.deepEqual([slowStartBatches(0), slowStartBatches(1), slowStartBatches(3), slowStartBatches(10), slowStartBatches(500).length],
    [[], [1], [1, 2], [1, 2, 4, 3], 9]);
});

test('pods from the template: generateName, template labels and annotations, controller reference', () => {
  const rs = asReplicas(replicationController(), REPLICATION_CONTROLLER);
  const ref = { apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'rs-uid', controller: true, blockOwnerDeletion: true };
  const p = podFromTemplate(rs.template, 'default', 'kubia', ref);
  assert.deepEqual(p.metadata, { generateName: 'kubia-', namespace: 'default', labels: { app: 'kubia' }, ownerReferences: [ref] });
  assert.deepEqual(p.spec, { containers: [{ name: 'kubia', image: 'luksa/kubia' }] });
  assert.notEqual(p.spec, rs.template.spec);
});

test('an RC reads as a ReplicaSet with matchLabels', () => {
  const rs = asReplicas(replicationController({ replicas: 4, minReadySeconds: 5 }), REPLICATION_CONTROLLER);
  assert.deepEqual([rs.replicas, rs.minReadySeconds, rs.selector, rs.uid, rs.deleting], [4, 5, { matchLabels: { app: 'kubia' } }, 'rs-uid', false]);
});
