import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../object.js';
import { cellsByName, goldenTable, testGoldenRows } from '../shared/golden.js';
import { cells, columns, jobStatus } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const ago = (s: number) => new Date(T0 - s * 1000).toISOString();
type Conds = Array<[string, string]>;
const job = (o: { conds?: Conds; deleting?: boolean; completions?: number; parallelism?: number; succeeded?: number;
  start?: string; end?: string } = {}): KObject => ({
  metadata: { name: 'j', creationTimestamp: ago(200), ...(o.deleting ? { deletionTimestamp: ago(1) } : {}) },
  spec: { completions: o.completions, parallelism: o.parallelism, selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': 'u1' } },
    template: { spec: { containers: [{ name: 'main', image: 'busybox' }] } } },
  status: { succeeded: o.succeeded, startTime: o.start, completionTime: o.end,
    conditions: (o.conds ?? []).map(([type, status]) => ({ type, status })) },
});

const statusCases: Array<{ name: string; job: KObject; want: string }> = [
  { name: 'no conditions', job: job(), want: 'Running' },
  { name: 'complete', job: job({ conds: [['Complete', 'True']] }), want: 'Complete' },
  { name: 'complete beats a stale Suspended=False', job: job({ conds: [['Suspended', 'False'], ['Complete', 'True']] }), want: 'Complete' },
  { name: 'failed', job: job({ conds: [['FailureTarget', 'True'], ['Failed', 'True']] }), want: 'Failed' },
  { name: 'terminating before suspended', job: job({ deleting: true, conds: [['Suspended', 'True']] }), want: 'Terminating' },
  { name: 'finished job being deleted keeps its outcome', job: job({ deleting: true, conds: [['Complete', 'True']] }), want: 'Complete' },
  { name: 'suspended', job: job({ conds: [['Suspended', 'True']] }), want: 'Suspended' },
  { name: 'resumed', job: job({ conds: [['Suspended', 'False']] }), want: 'Running' },
  { name: 'failure target', job: job({ conds: [['FailureTarget', 'True']] }), want: 'FailureTarget' },
  { name: 'success criteria met is still Running in v1.33', job: job({ conds: [['SuccessCriteriaMet', 'True']] }), want: 'Running' },
];
for (const c of statusCases) test(`job status: ${c.name}`, () => assert.equal(jobStatus(c.job), c.want));

const cellCases: Array<{ name: string; job: KObject; want: Record<string, unknown> }> = [
  { name: 'not started', job: job({ completions: 1 }), want: { Completions: '0/1', Duration: '' } },
  { name: 'completed', job: job({ completions: 5, succeeded: 5, start: ago(100), end: ago(97) }), want: { Completions: '5/5', Duration: '3s' } },
  { name: 'failed without completionTime keeps growing', job: job({ completions: 1, conds: [['Failed', 'True']], start: ago(157) }),
    want: { Status: 'Failed', Duration: '2m37s' } },
  { name: 'no completions, parallelism 3', job: job({ parallelism: 3, succeeded: 1 }), want: { Completions: '1/1 of 3' } },
  { name: 'no completions, parallelism 1', job: job({ parallelism: 1 }), want: { Completions: '0/1' } },
  { name: 'wide cells', job: job({ completions: 1 }), want: { Containers: 'main', Images: 'busybox', Selector: 'batch.kubernetes.io/controller-uid=u1', Age: '3m20s' } },
];
for (const c of cellCases) {
  test(`job cells: ${c.name}`, () => {
    const got = cellsByName(columns, cells(c.job, T0));
    assert.deepEqual(Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k]])), c.want);
  });
}

test('job columns put STATUS after NAME (v1.33)', () => {
  assert.deepEqual(columns.map((c) => c.name), ['Name', 'Status', 'Completions', 'Duration', 'Age', 'Containers', 'Images', 'Selector']);
});

testGoldenRows('jobs.table.includeObject-Object.json', columns, cells, { extraColumns: ['Status'] });

const golden = goldenTable('jobs.table.includeObject-Object.json');
test('golden jobs print the v1.33 STATUS', { skip: !golden && 'golden tree absent' }, () => {
  const got = Object.fromEntries(golden!.rows.map((r) => [r.object.metadata.name, jobStatus(r.object)]));
  assert.equal(got.deadline, 'Failed');
  assert.equal(got.failing, 'Failed');
  assert.equal(got.suspended, 'Complete');
  assert.equal(got.simple, 'Complete');
});
