import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { podRequests } from '../resources.js';
import { facts, nodeInfo, podObject, requesting, type NodeOpts } from '../testing.js';
import { nodeResourcesFit } from './node-resources-fit.js';
import type { Status } from './types.js';

const cases: Array<{ name: string; node: NodeOpts; bound?: Pod[]; pod: Pod; want?: Status }> = [
  { name: 'a pod without requests fits', node: {}, pod: podObject('p') },
  { name: 'requests within what is left fit', node: { cpu: '1' }, bound: [podObject('a', requesting('500m'))], pod: podObject('p', requesting('500m')) },
  { name: 'cpu beyond what is left', node: { cpu: '1' }, bound: [podObject('a', requesting('600m'))], pod: podObject('p', requesting('500m')), want: { code: 'Unschedulable', reasons: ['Insufficient cpu'] } },
  { name: 'more than the whole node is unresolvable', node: { cpu: '1', memory: '1Gi' }, pod: podObject('p', requesting('2', '2Gi')), want: { code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient cpu', 'Insufficient memory'] } },
  { name: 'the pods limit', node: { pods: '1' }, bound: [podObject('a')], pod: podObject('p'), want: { code: 'Unschedulable', reasons: ['Too many pods'] } },
  { name: 'a node without allocatable pods takes none', node: { pods: '0' }, pod: podObject('p'), want: { code: 'Unschedulable', reasons: ['Too many pods'] } },
  { name: 'an extended resource the node lacks', node: {}, pod: podObject('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { 'example.com/gpu': '1' } } }] }), want: { code: 'UnschedulableAndUnresolvable', reasons: ['Insufficient example.com/gpu'] } },
];
for (const c of cases) {
  test(`NodeResourcesFit: ${c.name}`, () => assert.deepEqual(nodeResourcesFit.filter(facts(c.pod), nodeInfo('n', c.node, c.bound)), c.want));
}

test('pod requests: containers add up, an init container counts alone, sidecars add to both', () => {
  const pod = podObject('p', {
    containers: [{ name: 'a', image: 'x', resources: { requests: { cpu: '1', memory: '1G' } } }, { name: 'b', image: 'x', resources: { requests: { cpu: '500m' } } }],
    initContainers: [
      { name: 'init', image: 'x', resources: { requests: { cpu: '2', memory: '3G' } } },
      { name: 'sidecar', image: 'x', restartPolicy: 'Always', resources: { requests: { cpu: '100m' } } },
    ],
  });
  const r = podRequests(pod);
  assert.deepEqual([r.milliCPU, r.memory], [2000, 3e9]);
  const withOverhead = podRequests({ ...pod, spec: { ...pod.spec!, overhead: { cpu: '250m' } } });
  assert.equal(withOverhead.milliCPU, 2250);
});
