import assert from 'node:assert/strict';
import { test } from 'node:test';
import { cidrCollisions, nodeNames, planPodCidrs } from './node-plan.js';
import type { NodeObject } from './node-status.js';

const node = (name: string, podCIDR?: string, created = '2026-01-01T00:00:00Z'): NodeObject =>
  ({ metadata: { name, creationTimestamp: created }, spec: podCIDR ? { podCIDR } : {} });

test('names: one node keeps its name, several are numbered', () => {
  assert.deepEqual(nodeNames('n', 1), ['n']);
  assert.deepEqual(nodeNames('sim', 3), ['sim-0', 'sim-1', 'sim-2']);
});

const cases = [
  { name: 'fresh nodes take the lowest free /24s', names: ['a', 'b'], existing: [node('server', '10.244.0.0/24')], flag: undefined,
    want: [{ name: 'a', podCIDR: '10.244.1.0/24' }, { name: 'b', podCIDR: '10.244.2.0/24' }] },
  { name: 'a registered node keeps its CIDR', names: ['a', 'b'], existing: [node('a', '10.244.5.0/24')], flag: undefined,
    want: [{ name: 'a', podCIDR: '10.244.5.0/24' }, { name: 'b', podCIDR: '10.244.0.0/24' }] },
  { name: 'a /24 flag for one node is its own CIDR', names: ['solo'], existing: [], flag: '10.99.3.0/24',
    want: [{ name: 'solo', podCIDR: '10.99.3.0/24' }] },
  { name: '--max-pods 500 takes a /23 block', names: ['big'], existing: [node('server', '10.244.0.0/24')], flag: undefined, maxPods: 500,
    want: [{ name: 'big', podCIDR: '10.244.2.0/23' }] },
  { name: 'with --max-pods 500 a /23 flag is the node\'s own', names: ['big'], existing: [], flag: '10.99.4.0/23', maxPods: 500,
    want: [{ name: 'big', podCIDR: '10.99.4.0/23' }] },
  { name: 'a wider flag is the range to carve from', names: ['x', 'y'], existing: [], flag: '10.50.0.0/16',
    want: [{ name: 'x', podCIDR: '10.50.0.0/24' }, { name: 'y', podCIDR: '10.50.1.0/24' }] },
];
for (const c of cases) test(`cidrs: ${c.name}`, () => assert.deepEqual(planPodCidrs(c.names, c.existing, c.flag, (c as { maxPods?: number }).maxPods), c.want));

test('cidrs: 1,000 simulated nodes fit the default range with narrower blocks', () => {
  const plan = planPodCidrs(nodeNames('sim', 1000), [], undefined);
  assert.equal(new Set(plan.map((p) => p.podCIDR)).size, 1000);
  assert.equal(plan[1]!.podCIDR, '10.244.0.64/26');
});

test('collisions: the later node yields to the earlier holder', () => {
  const all = [node('a', '10.244.1.0/24', '2026-01-01T00:00:00Z'), node('b', '10.244.1.0/24', '2026-01-01T00:00:01Z'), node('c', '10.244.2.0/24')];
  assert.deepEqual(cidrCollisions(['b', 'c'], all), [{ node: 'b', podCIDR: '10.244.1.0/24', holder: 'a' }]);
  assert.deepEqual(cidrCollisions(['a'], all), []);
});
