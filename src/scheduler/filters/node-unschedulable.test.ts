import assert from 'node:assert/strict';
import { test } from 'node:test';
import { facts, nodeInfo, podObject } from '../testing.js';
import { nodeUnschedulable } from './node-unschedulable.js';

const cases = [
  { name: 'a schedulable node fits', unschedulable: false, tolerations: [], want: undefined },
  { name: 'a cordoned node is rejected', unschedulable: true, tolerations: [], want: { code: 'UnschedulableAndUnresolvable', reasons: ['node(s) were unschedulable'] } },
  { name: 'a pod tolerating the unschedulable taint fits', unschedulable: true, tolerations: [{ key: 'node.kubernetes.io/unschedulable', operator: 'Exists', effect: 'NoSchedule' }], want: undefined },
];
for (const c of cases) {
  test(`NodeUnschedulable: ${c.name}`, () => {
    assert.deepEqual(nodeUnschedulable.filter(facts(podObject('p', { tolerations: c.tolerations })), nodeInfo('n', { unschedulable: c.unschedulable })), c.want);
  });
}
