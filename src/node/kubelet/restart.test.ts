import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Pod } from 'kubernetes-types/core/v1.js';
import { shouldContainerBeRestarted, type LastRun } from './restart.js';

const pod = (restartPolicy: string, deleted = false): Pod => ({
  metadata: { name: 'p', ...(deleted ? { deletionTimestamp: '2025-01-01T00:00:00Z' } : {}) },
  spec: { restartPolicy, containers: [{ name: 'c' }] },
});
const exit = (exitCode: number): LastRun => ({ running: false, exitCode });
const cases: Array<[string, string, LastRun, boolean, boolean?]> = [
  ['never started', 'Never', undefined, true],
  ['running', 'Always', { running: true }, false],
  ['Always after exit 0', 'Always', exit(0), true],
  ['Always after exit 1', 'Always', exit(1), true],
  ['OnFailure after exit 0', 'OnFailure', exit(0), false],
  ['OnFailure after exit 1', 'OnFailure', exit(1), true],
  ['Never after exit 1', 'Never', exit(1), false],
  ['init exit 0 is done', 'Always', exit(0), false, true],
  ['init exit 1 with OnFailure restarts', 'OnFailure', exit(1), true, true],
  ['init exit 1 with Never does not', 'Never', exit(1), false, true],
];
for (const [name, policy, last, want, isInit] of cases) test(`restart: ${name}`, () => {
  assert.equal(shouldContainerBeRestarted(pod(policy), { name: 'c' }, last, isInit ?? false), want);
});
test('restart: a deleted pod starts nothing', () => assert.equal(shouldContainerBeRestarted(pod('Always', true), { name: 'c' }, undefined), false));
test('restart: a sidecar always restarts', () => assert.equal(shouldContainerBeRestarted(pod('Never'), { name: 'c', restartPolicy: 'Always' }, exit(0), true), true));
