import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../object.js';
import { cellsByName, testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const cron = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  metadata: { name: 'every-minute', creationTimestamp: '2026-11-24T10:28:24Z' },
  spec: { schedule: '* * * * *', jobTemplate: { spec: { template: { spec: { containers: [{ name: 'main', image: 'luksa/batch-job' }] } } } }, ...spec },
  status,
});

const cases: Array<{ name: string; cj: KObject; want: Record<string, unknown> }> = [
  { name: 'before the first run', cj: cron({ suspend: false }),
    want: { Schedule: '* * * * *', Timezone: '<none>', Suspend: 'False', Active: 0, 'Last Schedule': '<none>', Age: '96s', Selector: '<none>' } },
  { name: 'after a run, with an active job', cj: cron({ suspend: false, timeZone: 'Etc/UTC' },
    { active: [{ name: 'every-minute-1' }], lastScheduleTime: '2026-11-24T10:29:30Z' }),
    want: { Timezone: 'Etc/UTC', Active: 1, 'Last Schedule': '30s' } },
  { name: 'suspended', cj: cron({ suspend: true }), want: { Suspend: 'True' } },
  { name: 'suspend unset (undefaulted)', cj: cron({}), want: { Suspend: '<unset>' } },
  { name: 'wide cells', cj: cron({}), want: { Containers: 'main', Images: 'luksa/batch-job' } },
];
for (const c of cases) {
  test(`cron job cells: ${c.name}`, () => {
    const got = cellsByName(columns, cells(c.cj, T0));
    assert.deepEqual(Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k]])), c.want);
  });
}

test('cron job columns have TIMEZONE after SCHEDULE (v1.33)', () => {
  assert.deepEqual(columns.map((c) => c.name),
    ['Name', 'Schedule', 'Timezone', 'Suspend', 'Active', 'Last Schedule', 'Age', 'Containers', 'Images', 'Selector']);
});

testGoldenRows('cronjobs.table.includeObject-Object.json', columns, cells, { extraColumns: ['Timezone'] });
