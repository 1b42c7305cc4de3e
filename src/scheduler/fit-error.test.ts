import assert from 'node:assert/strict';
import { test } from 'node:test';
import { failedSchedulingMessage, truncateMessage, type Diagnosis } from './fit-error.js';
import { unresolvable, unschedulable } from './filters/types.js';
import { podObject } from './testing.js';

const AFFINITY = "node(s) didn't match Pod's node affinity/selector";
const UNREACHABLE = 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }';

const cases: Array<{ name: string; d: Diagnosis; never?: boolean; want: string }> = [
  {
    name: 'reasons counted and sorted, preemption not helpful',
    d: { numAllNodes: 3, statuses: [unresolvable(AFFINITY), unresolvable(UNREACHABLE), unresolvable(AFFINITY)] },
    want: `0/3 nodes are available: 1 ${UNREACHABLE}, 2 ${AFFINITY}. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.`,
  },
  {
    name: 'one node failing the selector (golden pending-pod, without 1.28\'s doubled dot)',
    d: { numAllNodes: 1, statuses: [unresolvable(AFFINITY)] },
    want: `0/1 nodes are available: 1 ${AFFINITY}. preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.`,
  },
  {
    name: 'resources: preemption finds no victims there',
    d: { numAllNodes: 3, statuses: [unschedulable('Insufficient cpu', 'Insufficient memory'), unschedulable('Insufficient cpu'), unresolvable('node(s) were unschedulable')] },
    // Sorted as strings, count included: "1 I..." < "1 n..." < "2 I...".
    want: '0/3 nodes are available: 1 Insufficient memory, 1 node(s) were unschedulable, 2 Insufficient cpu. preemption: 0/3 nodes are available: 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.',
  },
  {
    name: 'a DaemonSet pod: the other nodes did not satisfy NodeAffinity',
    d: { numAllNodes: 3, statuses: [unresolvable('node(s) had untolerated taint {node.kubernetes.io/not-ready: }')], absent: unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]") },
    want: "0/3 nodes are available: 1 node(s) had untolerated taint {node.kubernetes.io/not-ready: }, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
  },
  {
    name: 'preemptionPolicy Never',
    never: true,
    d: { numAllNodes: 1, statuses: [unschedulable('Insufficient cpu')] },
    want: '0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never.',
  },
  {
    name: 'a PreFilter rejection',
    d: { numAllNodes: 2, statuses: [], preFilterMsg: 'pod affinity terms conflict', absent: unresolvable('pod affinity terms conflict') },
    want: '0/2 nodes are available: pod affinity terms conflict. preemption: 0/2 nodes are available: 2 Preemption is not helpful for scheduling.',
  },
];
for (const c of cases) {
  test(`message: ${c.name}`, () => {
    const pod = podObject('p', c.never ? { preemptionPolicy: 'Never' } : {});
    assert.equal(failedSchedulingMessage(pod, c.d), c.want);
  });
}

test('messages longer than 1024 bytes are cut with " ..."', () => {
  const long = 'x'.repeat(2000);
  assert.equal(truncateMessage(long), 'x'.repeat(1020) + ' ...');
  assert.equal(truncateMessage('short'), 'short');
});
