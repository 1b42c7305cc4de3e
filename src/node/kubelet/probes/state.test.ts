import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Probe } from 'kubernetes-types/core/v1.js';
import { ProbeState, type ProbedContainer } from './state.js';
import type { ProbeOutcome } from './result.js';

const T0 = Date.UTC(2025, 0, 1);
const ok: ProbeOutcome = { result: 'success', output: '' };
const bad: ProbeOutcome = { result: 'failure', output: 'HTTP probe failed with statuscode: 500' };
const err: ProbeOutcome = { result: 'unknown', output: '', error: 'boom' };
const spec = (x: Partial<Probe> = {}): Probe => ({ httpGet: { port: 8080, path: '/' }, periodSeconds: 10, timeoutSeconds: 1, successThreshold: 1, failureThreshold: 3, ...x });
const c = (x: Partial<ProbedContainer> = {}): ProbedContainer => ({ containerID: 'c1', running: true, startedAt: T0, started: true, ...x });

test('initial results: readiness Failure, liveness Success, startup Unknown', () => {
  assert.deepEqual(['readiness', 'liveness', 'startup'].map((t) => new ProbeState(t as 'liveness', spec()).result), ['failure', 'success', 'unknown']);
});

test('defaults: period 10s, timeout 1s', () => {
  const s = new ProbeState('liveness', { exec: { command: ['true'] } });
  assert.deepEqual([s.periodMs, s.timeoutMs], [10_000, 1000]);
});

const dueCases: Array<{ name: string; type: 'liveness' | 'readiness' | 'startup'; p?: Partial<Probe>; c?: Partial<ProbedContainer>; at: number; want: boolean }> = [
  { name: 'liveness before initialDelay', type: 'liveness', p: { initialDelaySeconds: 15 }, at: T0 + 14_999, want: false },
  { name: 'liveness at initialDelay', type: 'liveness', p: { initialDelaySeconds: 15 }, at: T0 + 15_000, want: true },
  { name: 'liveness waits for startup', type: 'liveness', c: { started: false }, at: T0 + 1000, want: false },
  { name: 'readiness waits for startup', type: 'readiness', c: { started: false }, at: T0 + 1000, want: false },
  { name: 'startup runs until started', type: 'startup', c: { started: false }, at: T0 + 1000, want: true },
  { name: 'startup stops once started', type: 'startup', at: T0 + 1000, want: false },
  { name: 'not for a container that is not running', type: 'readiness', c: { running: false }, at: T0 + 1000, want: false },
];
for (const t of dueCases) test(`due: ${t.name}`, () => assert.equal(new ProbeState(t.type, spec(t.p)).due(c(t.c), t.at), t.want));

test('liveness: 3 failures in a row kill; a success in between resets the run; then on hold until a new container', () => {
  const s = new ProbeState('liveness', spec());
  assert.equal(s.due(c(), T0), true);
  const seq = [bad, bad, ok, bad, bad];
  for (const o of seq) s.record(o);
  assert.equal(s.result, 'success');
  assert.equal(s.record(err), false, 'prober errors are thrown away');
  assert.equal(s.record(bad), true);
  assert.equal(s.result, 'failure');
  assert.equal(s.wantsKill, true);
  assert.equal(s.due(c(), T0 + 60_000), false, 'on hold');
  assert.equal(s.due(c({ containerID: 'c2', startedAt: T0 + 70_000 }), T0 + 70_000), true, 'new container');
  assert.equal(s.result, 'success');
  assert.equal(s.wantsKill, false);
});

test('readiness: successThreshold and failureThreshold', () => {
  const s = new ProbeState('readiness', spec({ successThreshold: 2, failureThreshold: 2 }));
  s.due(c(), T0);
  assert.deepEqual([s.record(ok), s.result], [false, 'failure']);
  assert.deepEqual([s.record(ok), s.result], [true, 'success']);
  assert.deepEqual([s.record(bad), s.result], [false, 'success']);
  assert.deepEqual([s.record(bad), s.result], [true, 'failure']);
  assert.equal(s.wantsKill, false);
  assert.equal(s.due(c(), T0 + 10_000), true, 'readiness keeps probing after failing');
});

test('non-running container: readiness result becomes Failure', () => {
  const s = new ProbeState('readiness', spec());
  s.due(c(), T0);
  s.record(ok);
  assert.equal(s.result, 'success');
  s.due(c({ running: false }), T0 + 10_000);
  assert.equal(s.result, 'failure');
});
