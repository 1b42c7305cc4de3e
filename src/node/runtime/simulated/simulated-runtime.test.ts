import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough } from 'node:stream';
import { after, test } from 'node:test';
import { FakeClock } from '../../../util/clock.js';
import { StartError, type ContainerConfig, type ContainerExit, type SandboxConfig } from '../runtime.js';
import { IpPool } from './ip-pool.js';
import { containerPlan, SimulatedRuntime } from './simulated-runtime.js';
import { FakeTimers } from './timers.js';

const T0 = Date.parse('2026-01-01T00:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'kubelite-sim-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const sandboxCfg = (uid: string, annotations: Record<string, string> = {}, hostNetwork = false): SandboxConfig =>
  ({ podUid: uid, namespace: 'default', name: `pod-${uid}`, hostname: `pod-${uid}`, hostNetwork, annotations });
const containerCfg = (uid: string, name = 'main'): ContainerConfig => ({
  id: `${uid}_${name}_0`, name, image: 'busybox', argv: ['sleep', '1'], env: [], mounts: [], stdin: false, stdinOnce: false, tty: false,
  limits: {}, logPath: join(dir, uid, name, '0.log'),
});

function setup() {
  const clock = new FakeClock(T0);
  const timers = new FakeTimers(clock);
  return { clock, timers, rt: new SimulatedRuntime({ podCIDR: '10.244.3.0/24', hostIP: '192.0.2.10', clock, timers }) };
}

/** The exit if the container has ended by now (promises settle on the microtask queue). */
async function exitNow(p: Promise<ContainerExit>): Promise<ContainerExit | undefined> {
  return Promise.race([p, new Promise<undefined>((r) => setImmediate(() => r(undefined)))]);
}

const planCases: Array<{ name: string; ann: Record<string, string>; want: object }> = [
  { name: 'no annotations: runs until stopped', ann: {}, want: { exitCode: 0 } },
  { name: 'duration and exit code', ann: { 'kubelite.io/simulate-duration': '2s', 'kubelite.io/simulate-exit-code': '1' }, want: { durationMs: 2000, exitCode: 1 } },
  { name: 'duration alone exits 0', ann: { 'kubelite.io/simulate-duration': '1m30s' }, want: { durationMs: 90_000, exitCode: 0 } },
  { name: 'exit code alone exits at once', ann: { 'kubelite.io/simulate-exit-code': '3' }, want: { durationMs: 0, exitCode: 3 } },
  { name: 'a per-container annotation overrides the pod-wide one', ann: { 'kubelite.io/simulate-duration': '1h', 'kubelite.io/simulate-duration.main': '0s' }, want: { durationMs: 0, exitCode: 0 } },
];
for (const c of planCases) test(`plan: ${c.name}`, () => assert.deepEqual(containerPlan(c.ann, 'main'), c.want));

const badPlans: Array<{ ann: Record<string, string>; msg: string }> = [
  { ann: { 'kubelite.io/simulate-duration': '2' }, msg: 'invalid kubelite.io/simulate-duration "2": time: missing unit in duration "2"' },
  { ann: { 'kubelite.io/simulate-exit-code': '256' }, msg: 'invalid kubelite.io/simulate-exit-code "256": want an integer 0-255' },
];
for (const c of badPlans) {
  test(`plan: rejects ${JSON.stringify(c.ann)}`, () => {
    assert.throws(() => containerPlan(c.ann, 'main'), (e) => e instanceof StartError && e.reason === 'CreateContainerError' && e.message === c.msg);
  });
}

test('a container without annotations runs until stopped; SIGTERM exits 143, a zero grace SIGKILL 137', async () => {
  const { rt, timers, clock } = setup();
  const sb = await rt.createSandbox(sandboxCfg('a'));
  const c = await rt.startContainer(sb, containerCfg('a'));
  timers.advance(24 * 3600_000);
  assert.equal(await exitNow(c.exited), undefined, 'still running a day later');
  const exit = await c.stop(30_000);
  assert.deepEqual(exit, { exitCode: 143, signal: 'SIGTERM', oomKilled: false, startedAt: T0, finishedAt: clock.now() });
  const c2 = await rt.startContainer(sb, containerCfg('a', 'second'));
  assert.equal((await c2.stop(0)).exitCode, 137);
});

test('duration and exit-code annotations end the container at its time with its code', async () => {
  const { rt, timers } = setup();
  const sb = await rt.createSandbox(sandboxCfg('b', { 'kubelite.io/simulate-duration': '2s', 'kubelite.io/simulate-exit-code': '1' }));
  const c = await rt.startContainer(sb, containerCfg('b'));
  timers.advance(1999);
  assert.equal(await exitNow(c.exited), undefined);
  timers.advance(1);
  assert.deepEqual(await exitNow(c.exited), { exitCode: 1, signal: undefined, oomKilled: false, startedAt: T0, finishedAt: T0 + 2000 });
  assert.equal((await c.stop(30_000)).exitCode, 1, 'stopping an exited container reports its real exit');
  assert.equal(timers.size, 0);
});

test('sandboxes get the lowest free pod IP, hostNetwork the host IP; removal frees and reuses it', async () => {
  const { rt } = setup();
  const a = await rt.createSandbox(sandboxCfg('ip-a'));
  const b = await rt.createSandbox(sandboxCfg('ip-b'));
  const h = await rt.createSandbox(sandboxCfg('ip-h', {}, true));
  assert.deepEqual([a.ip, b.ip, h.ip], ['10.244.3.2', '10.244.3.3', '192.0.2.10']);
  assert.equal(await rt.createSandbox(sandboxCfg('ip-a')), a, 'creating again is idempotent');
  const c = await rt.startContainer(a, containerCfg('ip-a'));
  await rt.removeSandbox(a);
  await rt.removeSandbox(a);
  assert.equal((await c.exited).exitCode, 137, 'removing a sandbox kills what runs in it');
  assert.equal((await rt.createSandbox(sandboxCfg('ip-c'))).ip, '10.244.3.2');
  assert.equal(rt.podIPsInUse, 2);
});

test('the pool never hands out network, gateway or broadcast, and says when it is full', () => {
  const pool = new IpPool('10.0.0.0/30');
  assert.equal(pool.allocate(), '10.0.0.2');
  assert.throws(() => pool.allocate(), /no free pod IP in 10\.0\.0\.0\/30: all 1 addresses are in use/);
});

test('logs, exec and connect', async () => {
  const { rt } = setup();
  const sb = await rt.createSandbox(sandboxCfg('io'));
  const c = await rt.startContainer(sb, containerCfg('io'));
  assert.equal(readFileSync(join(dir, 'io', 'main', '0.log'), 'utf8'), '2026-01-01T00:00:00.000000000Z stdout F simulated container main started\n');
  const out = new PassThrough();
  assert.equal(await rt.exec(sb, c, ['ls'], { stdout: out, stderr: out, tty: false }), 0);
  assert.equal(out.read(), null, 'no output');
  await assert.rejects(rt.connect(sb, 8080), /cannot connect to 10\.244\.3\.2:8080: pods on the simulated runtime have no network/);
  assert.deepEqual(await rt.recover(), []);
  await rt.close();
  assert.equal((await c.exited).exitCode, 137);
});

test('1,000 nodes × 10 running pods fit in one process', async (t) => {
  const clock = new FakeClock(T0);
  const timers = new FakeTimers(clock);
  global.gc?.();
  const before = process.memoryUsage().heapUsed;
  const runtimes: SimulatedRuntime[] = [];
  for (let n = 0; n < 1000; n++) {
    const rt = new SimulatedRuntime({ podCIDR: `10.${Math.floor(n / 256)}.${n % 256}.0/24`, clock, timers });
    runtimes.push(rt);
    for (let p = 0; p < 10; p++) {
      const uid = `n${n}-p${p}`;
      const sb = await rt.createSandbox(sandboxCfg(uid));
      await rt.startContainer(sb, { ...containerCfg(uid), logPath: join(dir, 'scale', `${uid}.log`) });
    }
  }
  const grew = (process.memoryUsage().heapUsed - before) / 1024 / 1024;
  t.diagnostic(`heap +${grew.toFixed(1)} MiB for 10,000 simulated containers`);
  assert.ok(grew < 100, `heap grew ${grew.toFixed(1)} MiB for 10,000 simulated containers`);
  for (const rt of runtimes) await rt.close();
});
