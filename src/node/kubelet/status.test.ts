import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Container, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import { computePodStatus, pastActiveDeadline, podPhase, DEADLINE_EXCEEDED_MESSAGE, type PodFacts } from './status.js';
import type { ContainerFacts } from './container-status.js';

const T0 = Date.UTC(2025, 0, 1, 10, 0, 0);
const iso = (ms: number) => new Date(ms).toISOString().replace('.000Z', 'Z');

function pod(x: { restartPolicy?: string; containers?: Container[]; initContainers?: Container[]; status?: Pod['status']; activeDeadlineSeconds?: number } = {}): Pod {
  return {
    metadata: { name: 'kubia', namespace: 'default', uid: 'u1' },
    spec: {
      restartPolicy: x.restartPolicy ?? 'Always',
      containers: x.containers ?? [{ name: 'kubia', image: 'luksa/kubia' }],
      ...(x.initContainers ? { initContainers: x.initContainers } : {}),
      ...(x.activeDeadlineSeconds ? { activeDeadlineSeconds: x.activeDeadlineSeconds } : {}),
    },
    status: x.status ?? {
      phase: 'Pending', qosClass: 'BestEffort',
      conditions: [{ type: 'PodScheduled', status: 'True', lastTransitionTime: iso(T0 - 5000) } as PodCondition],
    },
  };
}
const facts = (x: Partial<PodFacts> = {}): PodFacts => ({
  initContainers: [], containers: [], podIPs: ['10.244.0.5'], hostIPs: ['192.168.1.2'], startTime: T0, sandboxReady: true, now: T0 + 1000, ...x,
});
const running = (name = 'kubia', x: Partial<ContainerFacts> = {}): ContainerFacts =>
  ({ name, state: { running: { startedAt: T0 } }, restartCount: 0, ready: true, started: true, containerID: `c-${name}`, ...x });
const exited = (name: string, exitCode: number, x: Partial<ContainerFacts> = {}): ContainerFacts =>
  ({ name, state: { terminated: { exitCode, startedAt: T0, finishedAt: T0 + 500 } }, restartCount: 0, ready: false, started: false, containerID: `c-${name}`, ...x });
const conds = (cs: PodCondition[] | undefined) => (cs ?? []).map((c) => [c.type, c.status, c.reason ?? '', c.message ?? ''].join('/'));

test('no container yet: Pending, ContainerCreating, not ready', () => {
  const s = computePodStatus(pod(), facts({ podIPs: [], sandboxReady: false }));
  assert.equal(s.phase, 'Pending');
  assert.deepEqual(s.containerStatuses, [{
    name: 'kubia', state: { waiting: { reason: 'ContainerCreating' } }, lastState: {}, ready: false, restartCount: 0,
    image: 'luksa/kubia', imageID: '', started: false,
  }]);
  assert.deepEqual(conds(s.conditions), [
    'PodReadyToStartContainers/False//', 'Initialized/True//',
    'Ready/False/ContainersNotReady/containers with unready status: [kubia]',
    'ContainersReady/False/ContainersNotReady/containers with unready status: [kubia]', 'PodScheduled/True//',
  ]);
  assert.equal(s.podIP, undefined);
  assert.equal(s.startTime, iso(T0));
  assert.equal(s.qosClass, 'BestEffort');
});

test('running and ready: Running, all conditions True, IPs and container fields', () => {
  const s = computePodStatus(pod(), facts({ containers: [running('kubia', { imageID: 'kubelite://sha256:abc' })] }));
  assert.equal(s.phase, 'Running');
  assert.deepEqual(conds(s.conditions), ['PodReadyToStartContainers/True//', 'Initialized/True//', 'Ready/True//', 'ContainersReady/True//', 'PodScheduled/True//']);
  assert.deepEqual(s.containerStatuses?.[0], {
    name: 'kubia', state: { running: { startedAt: iso(T0) } }, lastState: {}, ready: true, restartCount: 0,
    image: 'luksa/kubia', imageID: 'kubelite://sha256:abc', containerID: 'kubelite://c-kubia', started: true, resources: {},
  });
  assert.deepEqual([s.podIP, s.podIPs, s.hostIP, s.hostIPs], ['10.244.0.5', [{ ip: '10.244.0.5' }], '192.168.1.2', [{ ip: '192.168.1.2' }]]);
  const sched = s.conditions?.find((c) => c.type === 'PodScheduled');
  assert.equal(sched?.lastTransitionTime, iso(T0 - 5000), 'PodScheduled keeps the scheduler transition time');
  assert.equal((sched as unknown as { lastProbeTime: null }).lastProbeTime, null);
});

test('lastTransitionTime is kept while a condition keeps its status', () => {
  const first = computePodStatus(pod(), facts({ containers: [running()], now: T0 + 1000 }));
  const again = computePodStatus(pod({ status: first }), facts({ containers: [running()], now: T0 + 60_000 }));
  assert.equal(again.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime, iso(T0 + 1000));
  const unready = computePodStatus(pod({ status: first }), facts({ containers: [running('kubia', { ready: false })], now: T0 + 90_000 }));
  assert.equal(unready.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime, iso(T0 + 90_000));
});

const phaseCases: Array<{ name: string; restartPolicy: string; c: ContainerFacts; want: string; podIsTerminal?: boolean }> = [
  { name: 'Never, exit 0 → Succeeded', restartPolicy: 'Never', c: exited('kubia', 0), want: 'Succeeded' },
  { name: 'Never, exit 1 → Failed', restartPolicy: 'Never', c: exited('kubia', 1), want: 'Failed' },
  { name: 'OnFailure, exit 0 → Succeeded', restartPolicy: 'OnFailure', c: exited('kubia', 0), want: 'Succeeded' },
  { name: 'OnFailure, exit 1 → Running (restarting)', restartPolicy: 'OnFailure', c: exited('kubia', 1), want: 'Running' },
  { name: 'Always, exit 0 → Running (restarting)', restartPolicy: 'Always', c: exited('kubia', 0), want: 'Running' },
  { name: 'Always, terminal pod, exit 143 → Failed', restartPolicy: 'Always', c: exited('kubia', 143), want: 'Failed', podIsTerminal: true },
  { name: 'CrashLoopBackOff with a last termination → Running', restartPolicy: 'Always',
    c: { ...exited('kubia', 1), state: { waiting: { reason: 'CrashLoopBackOff' } }, lastTerminated: { exitCode: 1, startedAt: T0, finishedAt: T0 + 1 } }, want: 'Running' },
  { name: 'ErrImagePull without a previous run → Pending', restartPolicy: 'Always',
    c: { name: 'kubia', state: { waiting: { reason: 'ErrImagePull', message: 'x' } }, restartCount: 0, ready: false, started: false }, want: 'Pending' },
];
for (const c of phaseCases) test(`phase: ${c.name}`, () => {
  const s = computePodStatus(pod({ restartPolicy: c.restartPolicy }), facts({ containers: [c.c], podIsTerminal: c.podIsTerminal ?? false }));
  assert.equal(s.phase, c.want);
});

test('succeeded pod: terminated Completed with containerID, Ready False PodCompleted, Initialized PodCompleted', () => {
  const s = computePodStatus(pod({ restartPolicy: 'Never' }), facts({ containers: [exited('kubia', 0)] }));
  assert.deepEqual(s.containerStatuses?.[0]?.state, { terminated: {
    exitCode: 0, reason: 'Completed', startedAt: iso(T0), finishedAt: iso(T0), containerID: 'kubelite://c-kubia' } });
  assert.deepEqual(conds(s.conditions), ['PodReadyToStartContainers/True//', 'Initialized/True/PodCompleted/', 'Ready/False/PodCompleted/', 'ContainersReady/False/PodCompleted/', 'PodScheduled/True//']);
});

test('terminated reasons: Error, OOMKilled, and lastState', () => {
  const s = computePodStatus(pod(), facts({ containers: [running('kubia', {
    restartCount: 1, lastTerminated: { exitCode: 137, startedAt: T0 - 9000, finishedAt: T0 - 1000, containerID: 'c-old' } })] }));
  assert.deepEqual(s.containerStatuses?.[0]?.lastState, { terminated: {
    exitCode: 137, reason: 'Error', startedAt: iso(T0 - 9000), finishedAt: iso(T0 - 1000), containerID: 'kubelite://c-old' } });
  const oom = computePodStatus(pod({ restartPolicy: 'Never' }), facts({ containers: [exited('kubia', 137, {
    state: { terminated: { exitCode: 137, oomKilled: true, startedAt: T0, finishedAt: T0 } } })] }));
  assert.equal(oom.containerStatuses?.[0]?.state?.terminated?.reason, 'OOMKilled');
  assert.equal(oom.phase, 'Failed');
});

test('init containers: running init keeps the pod Pending and regular containers PodInitializing', () => {
  const p = pod({ initContainers: [{ name: 'init-a', image: 'busybox' }, { name: 'init-b', image: 'busybox' }] });
  const s = computePodStatus(p, facts({ initContainers: [exited('init-a', 0), running('init-b')] }));
  assert.equal(s.phase, 'Pending');
  assert.deepEqual(s.initContainerStatuses?.map((c) => [c.name, c.ready, c.started]), [['init-a', true, false], ['init-b', false, true]]);
  assert.deepEqual(s.containerStatuses?.[0]?.state, { waiting: { reason: 'PodInitializing' } });
  assert.deepEqual(conds(s.conditions).slice(1, 2), ['Initialized/False/ContainersNotInitialized/containers with incomplete status: [init-b]']);
});

test('init containers: failed init with restartPolicy Never fails the pod', () => {
  const p = pod({ restartPolicy: 'Never', initContainers: [{ name: 'init', image: 'busybox' }] });
  assert.equal(computePodStatus(p, facts({ initContainers: [exited('init', 1)] })).phase, 'Failed');
  const always = pod({ initContainers: [{ name: 'init', image: 'busybox' }] });
  const crash = { ...exited('init', 1), state: { waiting: { reason: 'CrashLoopBackOff' } }, lastTerminated: { exitCode: 1, startedAt: T0, finishedAt: T0 } } as ContainerFacts;
  assert.equal(computePodStatus(always, facts({ initContainers: [crash] })).phase, 'Pending');
});

test('regular container statuses are sorted by name, as the kubelet sorts them', () => {
  const p = pod({ containers: [{ name: 'web', image: 'nginx' }, { name: 'sidecar', image: 'busybox' }] });
  const s = computePodStatus(p, facts({ containers: [running('web'), running('sidecar', { ready: false })] }));
  assert.deepEqual(s.containerStatuses?.map((c) => c.name), ['sidecar', 'web']);
  assert.equal(s.conditions?.find((c) => c.type === 'Ready')?.message, 'containers with unready status: [sidecar]');
});

test('active deadline: Failed with DeadlineExceeded', () => {
  const p = pod({ activeDeadlineSeconds: 5 });
  assert.equal(pastActiveDeadline(p, T0, T0 + 4999), false);
  assert.equal(pastActiveDeadline(p, T0, T0 + 5000), true);
  const s = computePodStatus(p, facts({ containers: [running()], evicted: { reason: 'DeadlineExceeded', message: DEADLINE_EXCEEDED_MESSAGE } }));
  assert.deepEqual([s.phase, s.reason, s.message], ['Failed', 'DeadlineExceeded', 'Pod was active on the node longer than the specified deadline']);
  assert.equal(s.conditions?.find((c) => c.type === 'Ready')?.reason, 'PodFailed');
});

test('a terminal phase is never left; reason kept while the phase stays', () => {
  const p = pod({ status: { phase: 'Failed', reason: 'DeadlineExceeded', message: 'm', startTime: iso(T0 - 60_000) } });
  const s = computePodStatus(p, facts({ containers: [running()] }));
  assert.deepEqual([s.phase, s.reason, s.message, s.startTime], ['Failed', 'DeadlineExceeded', 'm', iso(T0 - 60_000)]);
});

test('podPhase: unknown container keeps Pending', () => {
  const p = pod({ containers: [{ name: 'a', image: 'x' }, { name: 'b', image: 'x' }] });
  assert.equal(podPhase(p, [{ name: 'a', image: 'x', imageID: '', ready: true, restartCount: 0, state: { running: {} } }], false), 'Pending');
});
