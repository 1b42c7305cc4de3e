import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KObject } from '../../object.js';
import { cellsByName, testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const svc = (spec: Record<string, unknown>, status: Record<string, unknown> = {}): KObject => ({
  metadata: { name: 's', creationTimestamp: '2026-11-24T10:29:00Z' }, spec, status,
});

const cases: Array<{ name: string; svc: KObject; want: Record<string, unknown> }> = [
  { name: 'cluster IP', svc: svc({ type: 'ClusterIP', clusterIP: '10.0.0.1', clusterIPs: ['10.0.0.1'], ports: [{ port: 443, protocol: 'TCP' }] }),
    want: { Type: 'ClusterIP', 'Cluster-IP': '10.0.0.1', 'External-IP': '<none>', 'Port(s)': '443/TCP', Selector: '<none>' } },
  { name: 'node port with selector', svc: svc({ type: 'NodePort', clusterIPs: ['10.0.0.141'], selector: { app: 'kubia', tier: 'web' },
    ports: [{ port: 80, nodePort: 30123, protocol: 'TCP' }, { port: 53, protocol: 'UDP' }] }),
    want: { 'Port(s)': '80:30123/TCP,53/UDP', Selector: 'app=kubia,tier=web' } },
  { name: 'external IPs', svc: svc({ type: 'ClusterIP', clusterIPs: ['10.0.0.2'], externalIPs: ['1.2.3.4', '5.6.7.8'] }),
    want: { 'External-IP': '1.2.3.4,5.6.7.8', 'Port(s)': '<none>' } },
  { name: 'headless', svc: svc({ type: 'ClusterIP', clusterIP: 'None', clusterIPs: ['None'] }), want: { 'Cluster-IP': 'None' } },
  { name: 'load balancer pending', svc: svc({ type: 'LoadBalancer', clusterIPs: ['10.0.0.3'] }), want: { 'External-IP': '<pending>' } },
  { name: 'load balancer ingress, sorted and unclipped, then external IPs', svc: svc({ type: 'LoadBalancer', externalIPs: ['9.9.9.9'] },
    { loadBalancer: { ingress: [{ hostname: 'a-very-long-hostname.example.com' }, { ip: '3.3.3.3' }] } }),
    want: { 'External-IP': '3.3.3.3,a-very-long-hostname.example.com,9.9.9.9', 'Cluster-IP': '<none>' } },
  { name: 'external name', svc: svc({ type: 'ExternalName', externalName: 'db.example.com' }), want: { 'External-IP': 'db.example.com', 'Cluster-IP': '<none>' } },
];

for (const c of cases) {
  test(`service cells: ${c.name}`, () => {
    const got = cellsByName(columns, cells(c.svc, T0));
    assert.deepEqual(Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k]])), c.want);
  });
}

testGoldenRows('services.table.includeObject-Object.json', columns, cells);
