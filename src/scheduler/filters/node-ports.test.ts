import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { ContainerPort } from 'kubernetes-types/core/v1.js';
import { facts, nodeInfo, podObject } from '../testing.js';
import { nodePorts } from './node-ports.js';

const withPorts = (ports: ContainerPort[]) => podObject('p', { containers: [{ name: 'c', image: 'x', ports }] });
const REASON = "node(s) didn't have free ports for the requested pod ports";

const cases: Array<{ name: string; used: ContainerPort[]; want: ContainerPort[]; fits: boolean }> = [
  { name: 'container ports without hostPort never clash', used: [{ containerPort: 80 }], want: [{ containerPort: 80 }], fits: true },
  { name: 'the same host port clashes', used: [{ containerPort: 80, hostPort: 8080 }], want: [{ containerPort: 81, hostPort: 8080 }], fits: false },
  { name: 'another protocol does not', used: [{ containerPort: 80, hostPort: 8080 }], want: [{ containerPort: 80, hostPort: 8080, protocol: 'UDP' }], fits: true },
  { name: 'distinct host IPs do not', used: [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }], want: [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.2' }], fits: true },
  { name: 'the wildcard IP overlaps any', used: [{ containerPort: 80, hostPort: 8080, hostIP: '10.0.0.1' }], want: [{ containerPort: 80, hostPort: 8080 }], fits: false },
];
for (const c of cases) {
  test(`NodePorts: ${c.name}`, () => {
    const s = nodePorts.filter(facts(withPorts(c.want)), nodeInfo('n', {}, [withPorts(c.used)]));
    assert.deepEqual(s, c.fits ? undefined : { code: 'Unschedulable', reasons: [REASON] });
  });
}
