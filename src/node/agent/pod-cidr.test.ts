import assert from 'node:assert/strict';
import { test } from 'node:test';
import { freeNodeCidrs, nodeMaskFor, parseCidr } from './pod-cidr.js';

const cluster = parseCidr('10.244.0.0/16');

const cases = [
  { name: 'lowest free /24s first', used: [], count: 3, want: ['10.244.0.0/24', '10.244.1.0/24', '10.244.2.0/24'] },
  { name: 'blocks held by other nodes are skipped', used: ['10.244.0.0/24', '10.244.2.0/24'], count: 2, want: ['10.244.1.0/24', '10.244.3.0/24'] },
  { name: 'an overlapping wider block is skipped too', used: ['10.244.0.0/23'], count: 1, want: ['10.244.2.0/24'] },
  { name: 'garbage in spec.podCIDR is ignored', used: ['not-a-cidr'], count: 1, want: ['10.244.0.0/24'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(freeNodeCidrs(cluster, 24, c.used, c.count), c.want));

test('mask narrows so that 1,000 nodes fit in a /16', () => {
  assert.equal(nodeMaskFor(cluster, 100), 24);
  assert.equal(nodeMaskFor(cluster, 256), 24);
  assert.equal(nodeMaskFor(cluster, 1000), 26);
  assert.equal(freeNodeCidrs(cluster, 26, [], 1000).length, 1000);
});

test('an exhausted range says so', () => {
  assert.throws(() => freeNodeCidrs(parseCidr('10.0.0.0/23'), 24, ['10.0.0.0/24'], 2), /has only 1 free \/24 blocks for 2 nodes/);
});

test('parseCidr normalises the base and rejects junk', () => {
  assert.deepEqual(parseCidr('10.244.3.7/24'), { base: parseCidr('10.244.3.0/24').base, bits: 24 });
  assert.throws(() => parseCidr('10.244.0.0'), /invalid CIDR/);
  assert.throws(() => parseCidr('300.0.0.0/8'), /invalid CIDR/);
});
