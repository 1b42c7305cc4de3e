import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../object.js';
import { testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const ago = (s: number) => new Date(T0 - s * 1000).toISOString();
const event = (o: Record<string, unknown>): KObject => ({
  metadata: { name: 'kubia.18eaf432942ba60b', creationTimestamp: ago(60) },
  involvedObject: { kind: 'ReplicationController', name: 'kubia', namespace: 'default' },
  type: 'Normal', reason: 'SuccessfulCreate', message: 'Created pod: kubia-2knrh\n', ...o,
});

// Columns: Last Seen, Type, Reason, Object, Subobject, Source, Message, First Seen, Count, Name
const cases: Array<{ name: string; ev: KObject; want: unknown[] }> = [
  { name: 'old-API event with source and count', ev: event({ source: { component: 'replication-controller' }, firstTimestamp: ago(128), lastTimestamp: ago(5), count: 4 }),
    want: ['5s', 'Normal', 'SuccessfulCreate', 'replicationcontroller/kubia', '', 'replication-controller', 'Created pod: kubia-2knrh', '2m8s', 4, 'kubia.18eaf432942ba60b'] },
  { name: 'new-API event: eventTime, reporting controller and instance, count 1', ev: event({
    involvedObject: { kind: 'Pod', name: 'p', fieldPath: 'spec.containers{main}' }, source: {}, firstTimestamp: null, lastTimestamp: null,
    eventTime: new Date(T0 - 3500).toISOString().replace('Z', '000Z'), reportingComponent: 'default-scheduler', reportingInstance: 'default-scheduler-vm' }),
    want: ['3s', 'Normal', 'SuccessfulCreate', 'pod/p', 'spec.containers{main}', 'default-scheduler, default-scheduler-vm', 'Created pod: kubia-2knrh', '3s', 1, 'kubia.18eaf432942ba60b'] },
  { name: 'series event', ev: event({ eventTime: ago(300), series: { count: 7, lastObservedTime: ago(2) } }),
    want: ['2s', 'Normal', 'SuccessfulCreate', 'replicationcontroller/kubia', '', '', 'Created pod: kubia-2knrh', '5m', 7, 'kubia.18eaf432942ba60b'] },
  { name: 'no involved name and no times', ev: event({ involvedObject: { kind: 'Node' } }),
    want: ['<unknown>', 'Normal', 'SuccessfulCreate', 'node', '', '', 'Created pod: kubia-2knrh', '<unknown>', 1, 'kubia.18eaf432942ba60b'] },
];
for (const c of cases) test(`event cells: ${c.name}`, () => assert.deepEqual(cells(c.ev, T0), c.want));

test('event Count is an integer cell under a string column', () => {
  assert.equal(columns[8].name, 'Count');
  assert.equal(columns[8].type, 'string');
  assert.equal(typeof cells(event({}), T0)[8], 'number');
});

// Event times carry microseconds, so their ages are left out; everything else compares exactly.
testGoldenRows('events.table.includeObject-Object.rows-trimmed-one-per-reason.json', columns, cells, { skip: ['Last Seen', 'First Seen'] });
