import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../object.js';
import { cellsByName, goldenTable, testGoldenRows } from '../shared/golden.js';
import { cells, columns, rowConditions } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');
const ago = (s: number) => new Date(T0 - s * 1000).toISOString();

function pod(p: Partial<Pod> & { deleting?: boolean } = {}): KObject {
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: { name: 'p', creationTimestamp: ago(90), ...(p.deleting ? { deletionTimestamp: ago(1) } : {}) },
    spec: { containers: [{ name: 'main', image: 'busybox' }], ...p.spec },
    status: p.status ?? {},
  };
}
const running = (ready = true, restartCount = 0, finishedAt?: string) => ({
  name: 'main', image: 'busybox', imageID: '', ready, restartCount, state: { running: { startedAt: ago(10) } },
  lastState: finishedAt ? { terminated: { exitCode: 1, finishedAt } } : {},
});
const row = (o: KObject) => cellsByName(columns, cells(o, T0), ['Age']);

const cases: Array<{ name: string; pod: KObject; want: Record<string, unknown> }> = [
  { name: 'pending pod without statuses', pod: pod({ status: { phase: 'Pending' } }),
    want: { Ready: '0/1', Status: 'Pending', Restarts: '0', IP: '<none>', Node: '<none>' } },
  { name: 'running and ready', pod: pod({ spec: { containers: [{ name: 'main' }], nodeName: 'n1' },
    status: { phase: 'Running', podIPs: [{ ip: '10.0.0.5' }], containerStatuses: [running()] } }),
    want: { Ready: '1/1', Status: 'Running', IP: '10.0.0.5', Node: 'n1' } },
  { name: 'lone podIP still prints', pod: pod({ status: { phase: 'Running', podIP: '10.0.0.7' } }),
    want: { IP: '10.0.0.7' } },
  { name: 'completed', pod: pod({ status: { phase: 'Succeeded', containerStatuses: [{ name: 'main', image: '', imageID: '', ready: false, restartCount: 0,
    state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } }), want: { Ready: '0/1', Status: 'Completed' } },
  { name: 'error', pod: pod({ status: { phase: 'Failed', containerStatuses: [{ name: 'main', image: '', imageID: '', ready: false, restartCount: 0,
    state: { terminated: { exitCode: 1, reason: 'Error' } } }] } }), want: { Status: 'Error' } },
  { name: 'terminated without reason shows the exit code', pod: pod({ status: { phase: 'Failed', containerStatuses: [{ name: 'main', image: '', imageID: '', ready: false, restartCount: 0,
    state: { terminated: { exitCode: 137 } } }] } }), want: { Status: 'ExitCode:137' } },
  { name: 'crash loop with the last restart', pod: pod({ status: { phase: 'Running', containerStatuses: [{ name: 'main', image: '', imageID: '', ready: false,
    restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } }, lastState: { terminated: { exitCode: 1, finishedAt: ago(5) } } }] } }),
    want: { Ready: '0/1', Status: 'CrashLoopBackOff', Restarts: '3 (5s ago)' } },
  { name: 'restarts without a finish time print bare', pod: pod({ status: { phase: 'Running', containerStatuses: [{ ...running(true, 2) }] } }),
    want: { Restarts: '2' } },
  { name: 'container creating', pod: pod({ status: { phase: 'Pending', containerStatuses: [{ name: 'main', image: '', imageID: '', ready: false,
    restartCount: 0, state: { waiting: { reason: 'ContainerCreating' } } }] } }), want: { Status: 'ContainerCreating' } },
  { name: 'init container pending', pod: pod({ spec: { containers: [{ name: 'main' }], initContainers: [{ name: 'init' }] },
    status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', image: '', imageID: '', ready: false, restartCount: 0, state: { running: {} } }] } }),
    want: { Status: 'Init:0/1', Ready: '0/1' } },
  { name: 'init container failed', pod: pod({ spec: { containers: [{ name: 'main' }], initContainers: [{ name: 'init' }] },
    status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', image: '', imageID: '', ready: false, restartCount: 1,
      state: { terminated: { exitCode: 2, reason: 'Error' } } }] } }), want: { Status: 'Init:Error', Restarts: '1' } },
  { name: 'init container crash loop', pod: pod({ spec: { containers: [{ name: 'main' }], initContainers: [{ name: 'init' }] },
    status: { phase: 'Pending', initContainerStatuses: [{ name: 'init', image: '', imageID: '', ready: false, restartCount: 0,
      state: { waiting: { reason: 'CrashLoopBackOff' } } }] } }), want: { Status: 'Init:CrashLoopBackOff' } },
  { name: 'sidecar counts as a container', pod: pod({ spec: { containers: [{ name: 'main' }], initContainers: [{ name: 'side', restartPolicy: 'Always' }] },
    status: { phase: 'Running', conditions: [{ type: 'Initialized', status: 'True' }],
      initContainerStatuses: [{ name: 'side', image: '', imageID: '', ready: true, started: true, restartCount: 1, state: { running: {} },
        lastState: { terminated: { exitCode: 1, finishedAt: ago(30) } } }],
      containerStatuses: [running()] } }), want: { Ready: '2/2', Status: 'Running', Restarts: '1 (30s ago)' } },
  { name: 'completed container beside a running one is NotReady', pod: pod({ spec: { containers: [{ name: 'a' }, { name: 'b' }] },
    status: { phase: 'Running', containerStatuses: [running(), { name: 'b', image: '', imageID: '', ready: false, restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } }), want: { Ready: '1/2', Status: 'NotReady' } },
  { name: 'same with the Ready condition is Running', pod: pod({ spec: { containers: [{ name: 'a' }, { name: 'b' }] },
    status: { phase: 'Running', conditions: [{ type: 'Ready', status: 'True' }], containerStatuses: [running(), { name: 'b', image: '', imageID: '', ready: false, restartCount: 0,
      state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } }), want: { Status: 'Running' } },
  { name: 'terminating', pod: pod({ deleting: true, status: { phase: 'Running', containerStatuses: [running()] } }), want: { Status: 'Terminating' } },
  { name: 'deleted terminal pod keeps its status', pod: pod({ deleting: true, status: { phase: 'Succeeded' } }), want: { Status: 'Succeeded' } },
  { name: 'node lost', pod: pod({ deleting: true, status: { phase: 'Running', reason: 'NodeLost' } }), want: { Status: 'Unknown' } },
  { name: 'scheduling gated', pod: pod({ status: { phase: 'Pending', conditions: [{ type: 'PodScheduled', status: 'False', reason: 'SchedulingGated' }] } }),
    want: { Status: 'SchedulingGated' } },
  { name: 'evicted reason wins over the phase', pod: pod({ status: { phase: 'Failed', reason: 'Evicted' } }), want: { Status: 'Evicted' } },
  { name: 'readiness gates and nominated node', pod: pod({ spec: { containers: [{ name: 'main' }], readinessGates: [{ conditionType: 'x/a' }, { conditionType: 'x/b' }] },
    status: { phase: 'Pending', nominatedNodeName: 'n2', conditions: [{ type: 'x/a', status: 'True' }, { type: 'x/b', status: 'False' }] } }),
    want: { 'Readiness Gates': '1/2', 'Nominated Node': 'n2' } },
];

for (const c of cases) {
  test(`pod cells: ${c.name}`, () => {
    const got = row(c.pod);
    assert.deepEqual(Object.fromEntries(Object.keys(c.want).map((k) => [k, got[k]])), c.want);
  });
}

test('pod cells: age and JSON types', () => {
  const got = cells(pod({ status: { phase: 'Pending' } }), T0);
  assert.equal(got[4], '90s');
  assert.equal(typeof got[3], 'string'); // Restarts is a string cell although it counts
  assert.equal(got.length, columns.length);
});

test('pod row conditions mark terminal pods Completed', () => {
  assert.deepEqual(rowConditions(pod({ status: { phase: 'Failed' } })), [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }]);
  assert.equal(rowConditions(pod({ status: { phase: 'Running' } })), undefined);
});

testGoldenRows('pods.table.includeObject-Object.rows-trimmed.json', columns, cells);

const golden = goldenTable('pods.table.includeObject-Object.rows-trimmed.json');
test('pod row conditions match the golden rows', { skip: !golden && 'golden tree absent' }, () => {
  for (const r of golden!.rows) assert.deepEqual(rowConditions(r.object), r.conditions ?? undefined);
});
