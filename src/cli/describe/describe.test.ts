// Table-driven tests of the describe building blocks: Go's tabwriter layout, the shared sections
// (labels, long annotations, tolerations, the Events table), probe lines, quantities, generic
// labels, the QoS class, Go's sort order properties, and whole describers on small fixtures.
process.env.TZ = 'UTC';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Event, Pod, ReplicationController } from 'kubernetes-types/core/v1.js';
import { describeProbe } from './containers.js';
import { smartLabel, camelSplit, goValue } from './generic.js';
import { goSort } from './go-sort.js';
import { capIndexes } from './job.js';
import { describePod } from './pod.js';
import { tabbed } from './prefix-writer.js';
import { podQos } from './qos.js';
import { parseQuantity, quantityString, addQuantities } from './quantity.js';
import { describeReplicationController } from './replicas.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './sections.js';
import { TabWriter } from './tabwriter.js';

const T0 = Date.parse('2026-11-24T10:00:00Z');
const at = (s: number) => new Date(T0 + s * 1000).toISOString().replace(/\.000Z$/, 'Z');

const tabCases: Array<{ name: string; input: string; want: string }> = [
  { name: 'a column block pads to the widest cell + 2', input: 'a:\tx\nlonger:\ty\n', want: 'a:       x\nlonger:  y\n' },
  { name: 'a line without a tab ends the block (Go flushes there)', input: 'a:\tx\nhead\nlonger:\ty\n', want: 'a:  x\nhead\nlonger:  y\n' },
  { name: 'the text after the last tab is no cell', input: 'k\tvery long trailing text\nkk\tv\n', want: 'k   very long trailing text\nkk  v\n' },
  { name: 'an empty first cell is padded too', input: 'Labels:\ta=b\n\tc=d\n', want: 'Labels:  a=b\n         c=d\n' },
  { name: 'nested columns: a block of column 2 ends at a line without it', input: 'a\tb\tc\naaa\tb\nx\tbbbb\tc\n', want: 'a    b  c\naaa  b\nx    bbbb  c\n' },
  { name: 'widths count characters, not bytes', input: 'ü\tx\nab\ty\n', want: 'ü   x\nab  y\n' },
  { name: 'unterminated last line is flushed as is', input: 'a\tb', want: 'a  b' },
];
for (const c of tabCases) {
  test(`tabwriter: ${c.name}`, () => {
    const tw = new TabWriter();
    tw.write(c.input);
    assert.equal(tw.finish(), c.want);
  });
}

const sectionCases: Array<{ name: string; run: Parameters<typeof tabbed>[0]; want: string }> = [
  { name: 'labels: none', run: (w) => printLabelsMultiline(w, 'Labels', {}), want: 'Labels:  <none>\n' },
  { name: 'labels: sorted by bytes, one per line', run: (w) => printLabelsMultiline(w, 'Labels', { b: '2', B: '1', a: '3' }), want: 'Labels:  B=1\n         a=3\n         b=2\n' },
  { name: 'annotations: last-applied is hidden', run: (w) => printAnnotationsMultiline(w, 'Annotations', { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }), want: 'Annotations:  <none>\n' },
  {
    name: 'annotations: a long value goes below its key, cut at 138 bytes',
    run: (w) => printAnnotationsMultiline(w, 'Annotations', { note: 'x'.repeat(150) }),
    want: `Annotations:  note:\n                ${'x'.repeat(138)}...\n`,
  },
  {
    name: 'tolerations: effect, op=Exists, seconds',
    run: (w) => printTolerationsMultiline(w, 'Tolerations', [
      { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      { operator: 'Exists' },
    ]),
    want: 'Tolerations:  op=Exists\n              node.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n              node.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n',
  },
  { name: 'events: none', run: (w) => describeEvents(w, [], T0), want: 'Events:  <none>\n' },
  {
    name: 'events: sorted by last time, (xN over age) for repeats, source falls back to reportingComponent',
    run: (w) => describeEvents(w, [
      { type: 'Warning', reason: 'Unhealthy', message: 'Liveness probe failed: HTTP probe failed with statuscode: 500', count: 3, firstTimestamp: at(-21), lastTimestamp: at(-2), source: { component: 'kubelet' }, involvedObject: {}, metadata: {} },
      { type: 'Normal', reason: 'Scheduled', message: 'Successfully assigned default/p to vm', eventTime: `${at(-30).slice(0, -1)}.000000Z`, reportingComponent: 'default-scheduler', involvedObject: {}, metadata: {} },
    ] as Event[], T0),
    want: 'Events:\n  Type     Reason     Age               From               Message\n  ----     ------     ----              ----               -------\n' +
      '  Normal   Scheduled  30s               default-scheduler  Successfully assigned default/p to vm\n' +
      '  Warning  Unhealthy  2s (x3 over 21s)  kubelet            Liveness probe failed: HTTP probe failed with statuscode: 500\n',
  },
];
for (const c of sectionCases) test(`section: ${c.name}`, () => assert.equal(tabbed(c.run), c.want));

const probeCases = [
  { name: 'http-get on a port number', probe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 2, timeoutSeconds: 1, periodSeconds: 2, successThreshold: 1, failureThreshold: 3 }, want: 'http-get http://:8080/ delay=2s timeout=1s period=2s #success=1 #failure=3' },
  { name: 'http-get with host, named port and a path without slash', probe: { httpGet: { host: 'h', path: 'healthz', port: 'web', scheme: 'HTTPS' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, want: 'http-get https://h:web/healthz delay=0s timeout=1s period=10s #success=1 #failure=3' },
  { name: 'exec', probe: { exec: { command: ['cat', '/tmp/healthy'] }, timeoutSeconds: 1, periodSeconds: 5, successThreshold: 1, failureThreshold: 3 }, want: 'exec [cat /tmp/healthy] delay=0s timeout=1s period=5s #success=1 #failure=3' },
  { name: 'tcp-socket', probe: { tcpSocket: { port: 6379 }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 }, want: 'tcp-socket :6379 delay=0s timeout=1s period=10s #success=1 #failure=3' },
];
for (const c of probeCases) test(`probe: ${c.name}`, () => assert.equal(describeProbe(c.probe), c.want));

const quantityCases: Array<[string, string]> = [['1000m', '1'], ['1500m', '1500m'], ['0.5', '500m'], ['256Gi', '256Gi'], ['1024Mi', '1Gi'], ['1536Mi', '1536Mi'], ['100', '100'], ['1000', '1k'], ['2e3', '2e3'], ['512', '512']];
for (const [input, want] of quantityCases) test(`quantity: ${input} prints ${want}`, () => assert.equal(quantityString(parseQuantity(input)), want));
test('quantity: a sum keeps the first operand\'s format', () => assert.equal(quantityString(addQuantities(parseQuantity('100Mi'), parseQuantity('156Mi'))), '256Mi'));

const labelCases: Array<[string, string]> = [['apiVersion', 'API Version'], ['creationTimestamp', 'Creation Timestamp'], ['uid', 'UID'], ['holderIdentity', 'Holder Identity'], ['leaseDurationSeconds', 'Lease Duration Seconds'], ['podIPs', 'Pod I Ps'], ['kube-proxy', 'Kube - Proxy'], ['a_b', 'a_b']];
for (const [field, want] of labelCases) test(`generic label: ${field} → ${want}`, () => assert.equal(smartLabel(field), want));
test('camelcase split: an upper run gives its last letter to the lower run after it', () => assert.deepEqual(camelSplit('PDFLoader'), ['PDF', 'Loader']));
test('generic values print as Go %v', () => assert.deepEqual([goValue(null), goValue([1, 'a']), goValue({ b: 1, a: true })], ['<nil>', '[1 a]', 'map[a:true b:1]']));

test('capIndexes cuts after the soft limit at a comma', () => {
  assert.equal(capIndexes(undefined), '<none>');
  assert.equal(capIndexes('0-2'), '0-2');
  const long = Array.from({ length: 40 }, (_, i) => String(i * 2)).join(',');
  assert.equal(capIndexes(long), `${long.slice(0, long.indexOf(',', 50) + 1)}...`);
});

const qosCases: Array<{ name: string; pod: Pod; want: string }> = [
  { name: 'status wins', pod: { status: { qosClass: 'Guaranteed' }, spec: { containers: [] } }, want: 'Guaranteed' },
  { name: 'nothing requested', pod: { spec: { containers: [{ name: 'a' }] } }, want: 'BestEffort' },
  { name: 'limits equal requests for cpu and memory', pod: { spec: { containers: [{ name: 'a', resources: { limits: { cpu: '1', memory: '1Gi' }, requests: { cpu: '1000m', memory: '1024Mi' } } }] } }, want: 'Guaranteed' },
  { name: 'only a request', pod: { spec: { containers: [{ name: 'a', resources: { requests: { cpu: '100m' } } }] } }, want: 'Burstable' },
];
for (const c of qosCases) test(`qos: ${c.name}`, () => assert.equal(podQos(c.pod), c.want));

test('goSort: sorted, a permutation, and stable up to 12 elements (insertion sort)', () => {
  for (const n of [0, 1, 5, 12, 13, 40, 200]) {
    const items = Array.from({ length: n }, (_, i) => ({ key: (i * 7919) % 5, id: i }));
    const sorted = goSort([...items], (a, b) => a.key < b.key);
    assert.deepEqual([...sorted].map((x) => x.id).sort((a, b) => a - b), items.map((x) => x.id));
    for (let i = 1; i < sorted.length; i++) assert.ok(sorted[i - 1]!.key <= sorted[i]!.key);
    if (n <= 12) assert.deepEqual(sorted, [...items].sort((a, b) => a.key - b.key));
  }
});

test('describePod: probe line, Last State Terminated 137, restart count, conditions, QoS, default tolerations', () => {
  const pod: Pod = {
    metadata: { name: 'kubia-liveness', namespace: 'default', uid: 'u1' },
    spec: {
      nodeName: 'vm', serviceAccountName: 'default', priority: 0,
      containers: [{ name: 'kubia', image: 'luksa/kubia-unhealthy', livenessProbe: { httpGet: { path: '/', port: 8080, scheme: 'HTTP' }, initialDelaySeconds: 2, timeoutSeconds: 1, periodSeconds: 2, successThreshold: 1, failureThreshold: 3 } }],
      tolerations: [{ key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 }],
    },
    status: {
      phase: 'Running', hostIP: '192.0.2.2', podIP: '10.244.0.5', podIPs: [{ ip: '10.244.0.5' }], startTime: at(-60), qosClass: 'BestEffort',
      conditions: [{ type: 'Ready', status: 'True' }],
      containerStatuses: [{
        name: 'kubia', ready: true, restartCount: 1, image: 'luksa/kubia-unhealthy', imageID: '', containerID: 'kubelite://c1',
        state: { running: { startedAt: at(-10) } },
        lastState: { terminated: { exitCode: 137, reason: 'Error', startedAt: at(-60), finishedAt: at(-11) } },
      }],
    },
  };
  const want = [
    'Name:             kubia-liveness',
    'Namespace:        default',
    'Priority:         0',
    'Service Account:  default',
    'Node:             vm/192.0.2.2',
    'Start Time:       Tue, 24 Nov 2026 09:59:00 +0000',
    'Labels:           <none>',
    'Annotations:      <none>',
    'Status:           Running',
    'IP:               10.244.0.5',
    'IPs:',
    '  IP:  10.244.0.5',
    'Containers:',
    '  kubia:',
    '    Container ID:   kubelite://c1',
    '    Image:          luksa/kubia-unhealthy',
    '    Image ID:       ',
    '    Port:           <none>',
    '    Host Port:      <none>',
    '    State:          Running',
    '      Started:      Tue, 24 Nov 2026 09:59:50 +0000',
    '    Last State:     Terminated',
    '      Reason:       Error',
    '      Exit Code:    137',
    '      Started:      Tue, 24 Nov 2026 09:59:00 +0000',
    '      Finished:     Tue, 24 Nov 2026 09:59:49 +0000',
    '    Ready:          True',
    '    Restart Count:  1',
    '    Liveness:       http-get http://:8080/ delay=2s timeout=1s period=2s #success=1 #failure=3',
    '    Environment:    <none>',
    '    Mounts:         <none>',
    'Conditions:',
    '  Type           Status',
    '  Ready          True ',
    'Volumes:         <none>',
    'QoS Class:       BestEffort',
    'Node-Selectors:  <none>',
    'Tolerations:     node.kubernetes.io/not-ready:NoExecute op=Exists for 300s',
    'Events:          <none>',
    '',
  ].join('\n');
  assert.equal(describePod(pod, [], T0), want);
});

test('describeReplicationController: counts only the pods it controls, by phase', () => {
  const rc: ReplicationController = {
    metadata: { name: 'kubia', namespace: 'default', uid: 'rc1', labels: { app: 'kubia' } },
    spec: { replicas: 3, selector: { app: 'kubia' }, template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia', ports: [{ containerPort: 8080, protocol: 'TCP' }] }] } } },
    status: { replicas: 3 },
  };
  const owned = (name: string, phase: string): Pod => ({ metadata: { name, ownerReferences: [{ apiVersion: 'v1', kind: 'ReplicationController', name: 'kubia', uid: 'rc1', controller: true }] }, status: { phase } });
  const pods = [owned('a', 'Running'), owned('b', 'Running'), owned('c', 'Pending'), { metadata: { name: 'orphan' }, status: { phase: 'Running' } }];
  const text = describeReplicationController(rc, pods, undefined, T0);
  assert.match(text, /^Replicas:     3 current \/ 3 desired\nPods Status:  2 Running \/ 1 Waiting \/ 0 Succeeded \/ 0 Failed\n/m);
  assert.match(text, /\n    Port:\s+8080\/TCP\n    Host Port:\s+0\/TCP\n/);
  assert.ok(!text.includes('Events:'), 'no Events section when events were not asked for');
});
