import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Job, SuccessPolicyRule } from 'kubernetes-types/batch/v1.js';
import { parseIndexes } from './indexes.js';
import { matchSuccessPolicy } from './success-policy.js';

const job = (rules?: SuccessPolicyRule[], completions = 10): Job => ({
  metadata: { namespace: 'default', name: 'j' },
  spec: { completionMode: 'Indexed', completions, template: {}, ...(rules ? { successPolicy: { rules } } : {}) },
});
/** Succeeded indexes written as upstream's test intervals, e.g. "0-2,4-7" (the job's 10 completions bound them). */
const ix = (s: string) => parseIndexes(s, 100);

const cases: Array<{ name: string; job: Job; succeeded: string; want?: string }> = [
  { name: 'no successPolicy', job: job(), succeeded: '0' },
  { name: 'no rules', job: job([]), succeeded: '0' },
  { name: 'an unparsable succeededIndexes never matches', job: job([{ succeededIndexes: 'invalid-form' }]), succeeded: '0' },
  { name: 'succeededIndexes all succeeded', job: job([{ succeededIndexes: '0-2' }]), succeeded: '0-2,4-7', want: 'Matched rules at index 0' },
  { name: 'succeededIndexes not succeeded', job: job([{ succeededIndexes: '3' }]), succeeded: '0-2' },
  { name: 'succeededCount reached', job: job([{ succeededCount: 2 }]), succeeded: '0-2', want: 'Matched rules at index 0' },
  { name: 'succeededCount not reached', job: job([{ succeededCount: 4 }]), succeeded: '0-2' },
  { name: 'the second of several rules met', job: job([{ succeededIndexes: '9' }, { succeededIndexes: '4,6' }]), succeeded: '0-2,4-7', want: 'Matched rules at index 1' },
  { name: 'when all rules are met the first is named', job: job([{ succeededIndexes: '0,1' }, { succeededIndexes: '5' }]), succeeded: '0-2,4-7', want: 'Matched rules at index 0' },
  { name: 'succeededCount of the rule\'s indexes reached', job: job([{ succeededIndexes: '3-6', succeededCount: 2 }]), succeeded: '0-2,4-7', want: 'Matched rules at index 0' },
  { name: 'succeededCount of the rule\'s indexes not reached', job: job([{ succeededIndexes: '3-6', succeededCount: 2 }]), succeeded: '0-2,6-7' },
  { name: 'nothing matches before an index succeeds', job: job([{ succeededCount: 0 }]), succeeded: '' },
  { name: 'rule indexes a proper subset of the succeeded ones', job: job([{ succeededIndexes: '2-4,6-8' }]), succeeded: '1-9', want: 'Matched rules at index 0' },
  { name: 'rule indexes equal to the succeeded ones', job: job([{ succeededIndexes: '2-4,6-9' }]), succeeded: '2-4,6-9', want: 'Matched rules at index 0' },
  { name: 'rule indexes inside succeeded ones past completions', job: job([{ succeededIndexes: '2-4,8-12' }]), succeeded: '2-5,7-15', want: 'Matched rules at index 0' },
  { name: 'an empty rule never matches', job: job([{ succeededIndexes: '' }]), succeeded: '1-3' },
  { name: 'rule indexes all at or past completions never match', job: job([{ succeededIndexes: '10-12,14-16' }]), succeeded: '1-3,5-7' },
  { name: 'rule overlapping at the start: not all succeeded', job: job([{ succeededIndexes: '1-3,5-7' }]), succeeded: '2-4,6-8' },
  { name: 'rule overlapping at the start: enough succeeded', job: job([{ succeededIndexes: '1-3,5-7', succeededCount: 4 }]), succeeded: '2-4,6-8', want: 'Matched rules at index 0' },
  { name: 'rule overlapping at the end: not all succeeded', job: job([{ succeededIndexes: '2-4,6-9' }]), succeeded: '1-3,5-7' },
  { name: 'rule overlapping at the end: enough succeeded', job: job([{ succeededIndexes: '2-4,6-9', succeededCount: 4 }]), succeeded: '1-3,5-7', want: 'Matched rules at index 0' },
  { name: 'rule covering the succeeded ones: not all succeeded', job: job([{ succeededIndexes: '0-4,6-9' }]), succeeded: '1-3,7-8' },
  { name: 'rule covering the succeeded ones: enough succeeded', job: job([{ succeededIndexes: '0-4,6-9', succeededCount: 5 }]), succeeded: '1-3,7-8', want: 'Matched rules at index 0' },
  { name: 'rule across several succeeded runs: not all', job: job([{ succeededIndexes: '0-6,8-9' }]), succeeded: '1-3,5-9' },
  { name: 'rule across several succeeded runs: enough', job: job([{ succeededIndexes: '0-6,8-9', succeededCount: 7 }]), succeeded: '1-3,5-9', want: 'Matched rules at index 0' },
  { name: 'one succeeded run against a split rule: not all', job: job([{ succeededIndexes: '0-3,6-9' }]), succeeded: '1-10' },
  { name: 'one succeeded run against a split rule: enough', job: job([{ succeededIndexes: '0-3,6-9', succeededCount: 7 }]), succeeded: '1-10', want: 'Matched rules at index 0' },
  { name: 'a range past completions is cut at the last index', job: job([{ succeededIndexes: '7-20' }]), succeeded: '7-9', want: 'Matched rules at index 0' },
];

for (const c of cases) {
  test(c.name, () => {
    assert.equal(matchSuccessPolicy(c.job, ix(c.succeeded)), c.want);
  });
}
