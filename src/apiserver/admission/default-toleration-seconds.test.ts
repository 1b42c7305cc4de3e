import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PodSpec, Toleration } from 'kubernetes-types/core/v1.js';
import { allKinds } from '../../api/kinds/index.js';
import { LocalClient } from '../../client/local-client.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock } from '../../util/clock.js';
import { Registry } from '../registry/registry.js';
import { addDefaultTolerations } from './default-toleration-seconds.js';

const NR = 'node.kubernetes.io/not-ready', UR = 'node.kubernetes.io/unreachable';
const dflt = (key: string, s = 300): Toleration => ({ key, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: s });

const cases: Array<{ name: string; have?: Toleration[]; want: Toleration[] }> = [
  { name: 'none: both defaults added', want: [dflt(NR), dflt(UR)] },
  { name: 'a not-ready NoExecute toleration is kept; only unreachable added', have: [{ key: NR, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }], want: [{ key: NR, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 10 }, dflt(UR)] },
  { name: 'a toleration without effect covers NoExecute', have: [{ key: UR, operator: 'Exists' }], want: [{ key: UR, operator: 'Exists' }, dflt(NR)] },
  { name: 'a toleration without key covers both', have: [{ operator: 'Exists' }], want: [{ operator: 'Exists' }] },
  { name: 'a NoSchedule toleration does not count', have: [{ key: UR, operator: 'Exists', effect: 'NoSchedule' }], want: [{ key: UR, operator: 'Exists', effect: 'NoSchedule' }, dflt(NR), dflt(UR)] },
  { name: 'other keys do not count', have: [{ key: 'x', operator: 'Equal', value: 'y', effect: 'NoExecute' }], want: [{ key: 'x', operator: 'Equal', value: 'y', effect: 'NoExecute' }, dflt(NR), dflt(UR)] },
];
for (const c of cases) {
  test(`DefaultTolerationSeconds: ${c.name}`, () => {
    const spec: PodSpec = { containers: [], ...(c.have ? { tolerations: c.have } : {}) };
    addDefaultTolerations(spec);
    assert.deepEqual(spec.tolerations, c.want);
  });
}

test('DefaultTolerationSeconds: the registry adds the configured seconds on create, and again on an update that drops them', async () => {
  const reg = new Registry(new MemoryStore(), new FakeClock(Date.parse('2026-03-01T12:00:00Z')), allKinds.find((k) => k.kind === 'Namespace')!, { defaultTolerationSeconds: { notReadySeconds: 7, unreachableSeconds: 2 } });
  const client = new LocalClient(reg, allKinds);
  await client.create(client.kind('', 'Namespace'), { metadata: { name: 'default' } });
  const def = client.kind('', 'Pod');
  const created = await client.create(def, { metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', image: 'busybox' }] } });
  assert.deepEqual((created.spec as PodSpec).tolerations, [dflt(NR, 7), dflt(UR, 2)]);
  const replaced = await client.update(def, { ...created, spec: { ...(created.spec as PodSpec), tolerations: undefined } });
  assert.deepEqual((replaced.spec as PodSpec).tolerations, [dflt(NR, 7), dflt(UR, 2)]);
  // ConfigMaps and other kinds are untouched.
  const cm = await client.create(client.kind('', 'ConfigMap'), { metadata: { name: 'c', namespace: 'default' }, data: {} });
  assert.equal((cm as { spec?: unknown }).spec, undefined);
});
