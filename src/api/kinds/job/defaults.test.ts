import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { KObject } from '../../object.js';
import { job as jobKind } from './index.js';
import { create } from './testing.js';

const JOBS = '/work/shared/reference/golden/jobs';
const read = (file: string) => parse(readFileSync(`${JOBS}/${file}`, 'utf8')) as Job & KObject;
/** The body kubectl sent: its last-applied annotation, or the client dry run. */
const sent = (j: Job, dir: string) => {
  const applied = j.metadata?.annotations?.['kubectl.kubernetes.io/last-applied-configuration'];
  const body = applied ? (JSON.parse(applied) as KObject) : read(`${dir}/dry-run-client.yaml`);
  delete body.status;
  return body;
};

for (const file of ['a-simple/job.yaml', 'b-completions5-parallelism2/job.yaml', 'e-indexed/job.yaml', 'f-suspended-then-resumed/1-while-suspended-job.yaml', 'g-kubectl-create-job/job.yaml']) {
  test(`defaulting reproduces golden ${file} (plus v1.33's manualSelector and podReplacementPolicy)`, () => {
    const want = read(file);
    const body = sent(want, file.split('/')[0]);
    const { obj, errs } = create(jobKind, { ...body, metadata: { ...body.metadata, uid: want.metadata!.uid } });
    assert.deepEqual(errs, []);
    const got = obj as unknown as Job;
    const { manualSelector, podReplacementPolicy, template, ...rest } = got.spec!;
    const { template: wantTemplate, ...wantRest } = want.spec!;
    assert.equal(manualSelector, false);
    assert.equal(podReplacementPolicy, 'TerminatingOrFailed');
    assert.deepEqual(rest, wantRest);
    assert.deepEqual(template.metadata?.labels, wantTemplate.metadata?.labels);
    assert.deepEqual(got.metadata?.labels, want.metadata!.labels);
    assert.deepEqual(got.status, {});
  });
}

const cases: Array<{ name: string; spec: Record<string, unknown>; want: Record<string, unknown> }> = [
  { name: 'only parallelism set leaves completions unset', spec: { parallelism: 3 }, want: { parallelism: 3, completions: undefined } },
  { name: 'only completions set defaults parallelism to 1', spec: { completions: 4 }, want: { parallelism: 1, completions: 4 } },
  { name: 'backoffLimitPerIndex makes backoffLimit maxInt32', spec: { completionMode: 'Indexed', completions: 2, backoffLimitPerIndex: 1 }, want: { backoffLimit: 2147483647 } },
  { name: 'podFailurePolicy makes podReplacementPolicy Failed and patterns True', spec: { podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget' }] }] } },
    want: { podReplacementPolicy: 'Failed', podFailurePolicy: { rules: [{ action: 'Ignore', onPodConditions: [{ type: 'DisruptionTarget', status: 'True' }] }] } } },
  { name: 'manual selector is kept and nothing generated', spec: { manualSelector: true, selector: { matchLabels: { a: 'b' } } }, want: { selector: { matchLabels: { a: 'b' } } } },
];

for (const c of cases) {
  test(c.name, () => {
    const body: KObject = { metadata: { name: 'x' }, spec: { ...c.spec, template: { metadata: { labels: { a: 'b' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } };
    const { obj } = create(jobKind, body);
    const spec = (obj as unknown as Job).spec as unknown as Record<string, unknown>;
    for (const [k, v] of Object.entries(c.want)) assert.deepEqual(spec[k], v, k);
  });
}

test('job labels stay the user\'s own when set', () => {
  const body: KObject = { metadata: { name: 'x', labels: { mine: 'yes' } }, spec: { template: { spec: { restartPolicy: 'Never', containers: [{ name: 'c', image: 'i' }] } } } };
  const { obj } = create(jobKind, body);
  assert.deepEqual(obj.metadata.labels, { mine: 'yes' });
});
