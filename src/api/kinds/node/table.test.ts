import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../object.js';
import { cellsByName, testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const node = (o: { labels?: Record<string, string>; unschedulable?: boolean; status?: Record<string, unknown> }): KObject => ({
  metadata: { name: 'n1', creationTimestamp: '2026-11-24T10:29:00Z', labels: o.labels },
  spec: { unschedulable: o.unschedulable }, status: o.status ?? {},
});
const ready = (status: string) => ({ conditions: [{ type: 'MemoryPressure', status: 'False' }, { type: 'Ready', status }] });

const cases: Array<{ name: string; node: KObject; want: Record<string, unknown> }> = [
  { name: 'ready', node: node({ status: ready('True') }), want: { Status: 'Ready', Roles: '<none>', Age: '60s' } },
  { name: 'not ready', node: node({ status: ready('False') }), want: { Status: 'NotReady' } },
  { name: 'ready unknown is NotReady', node: node({ status: ready('Unknown') }), want: { Status: 'NotReady' } },
  { name: 'no Ready condition', node: node({}), want: { Status: 'Unknown', Version: '' } },
  { name: 'cordoned', node: node({ unschedulable: true, status: ready('False') }), want: { Status: 'NotReady,SchedulingDisabled' } },
  { name: 'roles from both label forms, sorted', node: node({ labels: { 'node-role.kubernetes.io/worker': '', 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra', 'node-role.kubernetes.io/': 'x' } }),
    want: { Roles: 'control-plane,infra,worker' } },
  { name: 'wide cells with placeholders', node: node({ status: { addresses: [{ type: 'Hostname', address: 'h' }, { type: 'InternalIP', address: '10.1.1.1' }], nodeInfo: { kubeletVersion: 'v1.33.0' } } }),
    want: { Version: 'v1.33.0', 'Internal-IP': '10.1.1.1', 'External-IP': '<none>', 'OS-Image': '<unknown>', 'Kernel-Version': '<unknown>', 'Container-Runtime': '<unknown>' } },
];

for (const c of cases) {
  test(`node cells: ${c.name}`, () => {
    const got = cellsByName(columns, cells(c.node, T0));
    assert.deepEqual(Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k]])), c.want);
  });
}

testGoldenRows('nodes.table.includeObject-Object.json', columns, cells);
