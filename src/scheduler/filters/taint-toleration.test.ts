import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { facts, nodeInfo, podObject } from '../testing.js';
import { taintToleration, tolerates } from './taint-toleration.js';

const dedicated: Taint = { key: 'dedicated', value: 'gpu', effect: 'NoSchedule' };

const toleration: Array<[string, Toleration, boolean]> = [
  ['Equal with the same value', { key: 'dedicated', operator: 'Equal', value: 'gpu', effect: 'NoSchedule' }, true],
  ['no operator means Equal', { key: 'dedicated', value: 'gpu' }, true],
  ['Equal with another value', { key: 'dedicated', value: 'cpu' }, false],
  ['Exists on the key', { key: 'dedicated', operator: 'Exists' }, true],
  ['Exists with no key tolerates everything', { operator: 'Exists' }, true],
  ['another effect', { key: 'dedicated', operator: 'Exists', effect: 'NoExecute' }, false],
  ['another key', { key: 'other', operator: 'Exists' }, false],
];
for (const [name, t, want] of toleration) test(`toleration: ${name}`, () => assert.equal(tolerates(t, dedicated), want));

const cases: Array<{ name: string; taints?: Taint[]; ready?: 'True' | 'False' | 'Unknown'; tolerations?: Toleration[]; want?: string }> = [
  { name: 'an untainted ready node fits' },
  { name: 'an untolerated NoSchedule taint is named', taints: [dedicated], want: 'node(s) had untolerated taint {dedicated: gpu}' },
  { name: 'PreferNoSchedule does not filter', taints: [{ key: 'a', effect: 'PreferNoSchedule' }] },
  { name: 'a tolerated taint fits', taints: [dedicated], tolerations: [{ key: 'dedicated', operator: 'Exists' }] },
  { name: 'the first untolerated taint is named', taints: [{ key: 'a', effect: 'NoExecute' }, dedicated], want: 'node(s) had untolerated taint {a: }' },
  { name: 'a not-ready node is tainted not-ready', ready: 'False', want: 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }' },
  { name: 'an unknown node is tainted unreachable', ready: 'Unknown', want: 'node(s) had untolerated taint {node.kubernetes.io/unreachable: }' },
  { name: 'tolerating not-ready NoSchedule allows a not-ready node', ready: 'False', tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoSchedule' }] },
  { name: 'a DaemonSet-style NoExecute toleration does not', ready: 'False', tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute' }], want: 'node(s) had untolerated taint {node.kubernetes.io/not-ready: }' },
];
for (const c of cases) {
  test(`TaintToleration: ${c.name}`, () => {
    const s = taintToleration.filter(facts(podObject('p', { tolerations: c.tolerations })), nodeInfo('n', { taints: c.taints, ready: c.ready }));
    assert.deepEqual(s, c.want ? { code: 'UnschedulableAndUnresolvable', reasons: [c.want] } : undefined);
  });
}
