import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { NodeSelectorTerm } from 'kubernetes-types/core/v1.js';
import { facts, nodeInfo, podObject } from '../testing.js';
import { ERR_REASON_NODE_AFFINITY, nodeAffinity } from './node-affinity.js';
import { nodeNamesOfTerms } from './node-selector.js';

const labels = { disk: 'ssd', gen: '5', zone: 'a' };
const expr = (key: string, operator: string, values?: string[]): NodeSelectorTerm => ({ matchExpressions: [{ key, operator, ...(values ? { values } : {}) }] });
const field = (operator: string, values: string[]): NodeSelectorTerm => ({ matchFields: [{ key: 'metadata.name', operator, values }] });

const cases: Array<{ name: string; nodeSelector?: Record<string, string>; terms?: NodeSelectorTerm[]; fits: boolean }> = [
  { name: 'no selector fits', fits: true },
  { name: 'nodeSelector matching', nodeSelector: { disk: 'ssd' }, fits: true },
  { name: 'nodeSelector with another value', nodeSelector: { disk: 'hdd' }, fits: false },
  { name: 'nodeSelector on a missing label', nodeSelector: { gpu: 'true' }, fits: false },
  { name: 'In', terms: [expr('disk', 'In', ['hdd', 'ssd'])], fits: true },
  { name: 'In without the value', terms: [expr('disk', 'In', ['hdd'])], fits: false },
  { name: 'NotIn', terms: [expr('disk', 'NotIn', ['hdd'])], fits: true },
  { name: 'NotIn on a missing label holds', terms: [expr('gpu', 'NotIn', ['x'])], fits: true },
  { name: 'Exists', terms: [expr('disk', 'Exists')], fits: true },
  { name: 'DoesNotExist', terms: [expr('disk', 'DoesNotExist')], fits: false },
  { name: 'Gt', terms: [expr('gen', 'Gt', ['4'])], fits: true },
  { name: 'Gt equal is false', terms: [expr('gen', 'Gt', ['5'])], fits: false },
  { name: 'Lt', terms: [expr('gen', 'Lt', ['6'])], fits: true },
  { name: 'Gt with a non-integer never matches', terms: [expr('gen', 'Gt', ['x'])], fits: false },
  { name: 'expressions in a term are ANDed', terms: [{ matchExpressions: [{ key: 'disk', operator: 'In', values: ['ssd'] }, { key: 'zone', operator: 'In', values: ['b'] }] }], fits: false },
  { name: 'terms are ORed', terms: [expr('zone', 'In', ['b']), expr('disk', 'Exists')], fits: true },
  { name: 'an empty term matches nothing', terms: [{}], fits: false },
  { name: 'matchFields metadata.name In', terms: [field('In', ['n'])], fits: true },
  { name: 'matchFields metadata.name In another', terms: [field('In', ['m'])], fits: false },
  { name: 'matchFields NotIn', terms: [field('NotIn', ['m'])], fits: true },
  { name: 'nodeSelector and affinity must both hold', nodeSelector: { disk: 'hdd' }, terms: [expr('disk', 'Exists')], fits: false },
];
for (const c of cases) {
  test(`NodeAffinity: ${c.name}`, () => {
    const affinity = c.terms ? { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: c.terms } } } : undefined;
    const s = nodeAffinity.filter(facts(podObject('p', { nodeSelector: c.nodeSelector, affinity })), nodeInfo('n', { labels }));
    assert.deepEqual(s, c.fits ? undefined : { code: 'UnschedulableAndUnresolvable', reasons: [ERR_REASON_NODE_AFFINITY] });
  });
}

const names: Array<[string, NodeSelectorTerm[] | undefined, string[] | undefined]> = [
  ['no terms', undefined, undefined],
  ['a DaemonSet pod names its node', [field('In', ['n1'])], ['n1']],
  ['a term without names allows all', [field('In', ['n1']), expr('disk', 'Exists')], undefined],
  ['terms are unioned', [field('In', ['n1']), field('In', ['n2'])], ['n1', 'n2']],
  ['requirements in a term are intersected', [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n1'] }, { key: 'metadata.name', operator: 'In', values: ['n2'] }] }], []],
];
for (const [name, terms, want] of names) {
  test(`NodeAffinity PreFilter: ${name}`, () => {
    const got = nodeNamesOfTerms(terms);
    assert.deepEqual(got && [...got].sort(), want);
  });
}
