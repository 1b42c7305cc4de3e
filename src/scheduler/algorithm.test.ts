import assert from 'node:assert/strict';
import { test } from 'node:test';
import { numFeasibleNodesToFind, schedulePod, type Snapshot } from './algorithm.js';
import type { NodeInfo } from './node-info.js';
import { podOnNode } from './node-info.js';
import { facts, nodeInfo, podObject, requesting } from './testing.js';

const snapshot = (nodes: NodeInfo[]): Snapshot => ({ nodes, get: (n) => nodes.find((x) => x.name === n), nextStartNodeIndex: 0 });

for (const [all, want] of [[3, 3], [99, 99], [100, 100], [1000, 420], [5000, 500], [10_000, 500]] as const) {
  test(`numFeasibleNodesToFind(${all}) = ${want}`, () => assert.equal(numFeasibleNodesToFind(all), want));
}

test('replicas of one controller spread over equal nodes', () => {
  const snap = snapshot([nodeInfo('a'), nodeInfo('b'), nodeInfo('c')]);
  const placed: string[] = [];
  for (let i = 0; i < 6; i++) {
    const pod = podObject(`kubia-${i}`, {}, { ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'rc-1', controller: true }] });
    const out = schedulePod(facts(pod), snap);
    assert.ok('node' in out);
    out.node.addPod(`default/kubia-${i}`, podOnNode(pod));
    placed.push(out.node.name);
  }
  assert.deepEqual([...placed].sort(), ['a', 'a', 'b', 'b', 'c', 'c']);
});

test('least requested wins when nothing else differs', () => {
  const busy = nodeInfo('busy', { cpu: '2' }, [podObject('x', requesting('1500m'))]);
  const out = schedulePod(facts(podObject('p', requesting('100m'))), snapshot([busy, nodeInfo('idle', { cpu: '2' })]));
  assert.ok('node' in out && out.node.name === 'idle');
});

test('a DaemonSet pod looks only at its node; the others are absent with the NodeAffinity reason', () => {
  const pod = podObject('ds', { affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['b'] }] }] } } } });
  const out = schedulePod(facts(pod), snapshot([nodeInfo('a'), nodeInfo('b', { ready: 'False' }), nodeInfo('c')]));
  assert.ok('diagnosis' in out);
  assert.equal(out.diagnosis.statuses.length, 1);
  assert.deepEqual(out.diagnosis.absent?.reasons, ["node(s) didn't satisfy plugin(s) [NodeAffinity]"]);
});

test('no nodes at all', () => assert.deepEqual(schedulePod(facts(podObject('p')), snapshot([])), { noNodes: true }));
