import assert from 'node:assert/strict';
import { test } from 'node:test';
import { columns as coreColumns } from '../event/table.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const ago = (s: number) => new Date(T0 - s * 1000).toISOString();

test('events.k8s.io events print with the core Event columns', () => assert.deepEqual(columns, coreColumns));

const cases = [
  { name: 'scheduler event (new API fields only)', ev: {
    apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'p.1' }, eventTime: ago(4), type: 'Normal', reason: 'Scheduled',
    regarding: { kind: 'Pod', name: 'p', namespace: 'default' }, note: 'Successfully assigned default/p to n1',
    reportingController: 'default-scheduler', reportingInstance: 'default-scheduler-vm', action: 'Binding' },
    want: ['4s', 'Normal', 'Scheduled', 'pod/p', '', 'default-scheduler, default-scheduler-vm', 'Successfully assigned default/p to n1', '4s', 1, 'p.1'] },
  { name: 'deprecated fields from a core/v1 writer', ev: {
    metadata: { name: 'j.2' }, eventTime: null, type: 'Warning', reason: 'BackoffLimitExceeded', regarding: { kind: 'Job', name: 'failing' },
    note: 'Job has reached the specified backoff limit', deprecatedSource: { component: 'job-controller' },
    deprecatedFirstTimestamp: ago(60), deprecatedLastTimestamp: ago(10), deprecatedCount: 2 },
    want: ['10s', 'Warning', 'BackoffLimitExceeded', 'job/failing', '', 'job-controller', 'Job has reached the specified backoff limit', '60s', 2, 'j.2'] },
  { name: 'series', ev: { metadata: { name: 's.3' }, eventTime: ago(600), regarding: { kind: 'Node', name: 'n1' }, reason: 'R', type: 'Normal',
    series: { count: 12, lastObservedTime: ago(1) } },
    want: ['1s', 'Normal', 'R', 'node/n1', '', '', '', '10m', 12, 's.3'] },
];
for (const c of cases) test(`events.k8s.io event cells: ${c.name}`, () => assert.deepEqual(cells(c.ev, T0), c.want));
