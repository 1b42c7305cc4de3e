import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Node, Taint } from 'kubernetes-types/core/v1.js';
import { swapTaints, wantedNoScheduleTaints } from './taints.js';
import { computeZoneState } from './zones.js';

const t = (key: string, effect = 'NoExecute', extra: Partial<Taint> = {}): Taint => ({ key, effect, ...extra });

const swaps: Array<{ name: string; have: Taint[]; add: Taint[]; remove: Taint[]; want: Taint[] | undefined }> = [
  { name: 'adds at the end', have: [t('a', 'NoSchedule')], add: [t('b')], remove: [], want: [t('a', 'NoSchedule'), t('b')] },
  { name: 'same key and effect already there: no write, its timeAdded kept', have: [t('b', 'NoExecute', { timeAdded: 'x' })], add: [t('b', 'NoExecute', { timeAdded: 'y' })], remove: [], want: undefined },
  { name: 'removes by key and effect only', have: [t('b'), t('b', 'NoSchedule')], add: [], remove: [t('b')], want: [t('b', 'NoSchedule')] },
  { name: 'swap: one in, its opposite out', have: [t('unreachable')], add: [t('not-ready')], remove: [t('unreachable')], want: [t('not-ready')] },
  { name: 'nothing to remove: no write', have: [], add: [], remove: [t('b')], want: undefined },
];
for (const c of swaps) test(`swapTaints: ${c.name}`, () => assert.deepEqual(swapTaints(c.have, c.add, c.remove), c.want));

test('NoSchedule taints follow conditions and unschedulable', () => {
  const node: Node = {
    spec: { unschedulable: true },
    status: { conditions: [{ type: 'Ready', status: 'Unknown' }, { type: 'MemoryPressure', status: 'True' }, { type: 'DiskPressure', status: 'False' }, { type: 'PIDPressure', status: 'Unknown' }] },
  };
  assert.deepEqual(wantedNoScheduleTaints(node).map((x) => x.key), ['node.kubernetes.io/unreachable', 'node.kubernetes.io/memory-pressure', 'node.kubernetes.io/unschedulable']);
  assert.deepEqual(wantedNoScheduleTaints({ status: { conditions: [{ type: 'Ready', status: 'False' }] } }).map((x) => x.key), ['node.kubernetes.io/not-ready']);
});

const zones: Array<{ ready: string[]; want: string }> = [
  { ready: ['True', 'Unknown'], want: 'Normal' },
  { ready: ['Unknown', 'False'], want: 'FullDisruption' },
  { ready: ['True', 'Unknown', 'Unknown', 'Unknown'], want: 'PartialDisruption' },
  { ready: ['True', 'True', 'Unknown', 'Unknown'], want: 'Normal' },
  { ready: ['True', 'True', 'True', 'Unknown', 'Unknown', 'Unknown'], want: 'Normal' }, // 3 of 6 is under the 0.55 threshold
];
for (const c of zones) {
  test(`zone state of [${c.ready.join(',')}] is ${c.want}`, () => assert.equal(computeZoneState(c.ready.map((status) => ({ type: 'Ready', status }))).state, c.want));
}
