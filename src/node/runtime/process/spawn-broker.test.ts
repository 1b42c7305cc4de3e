import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { SpawnBroker } from './spawn-broker.js';
import { containerFiles, readExitFile } from './supervisor.js';

const dir = mkdtempSync(join(tmpdir(), 'kl-broker-'));
const broker = new SpawnBroker();
after(() => { broker.close(); rmSync(dir, { recursive: true, force: true }); });

const exited = (p: Promise<void>, ms: number) => Promise.race([p.then(() => true), new Promise<boolean>((r) => setTimeout(() => r(false), ms))]);

test('a supervised container started through the broker reports its pid and its exit code', async () => {
  const files = containerFiles(dir, 'c1');
  const s = await broker.supervise(files, { file: 'sh', args: ['-c', 'echo hi; exit 3'] }, { PATH: process.env.PATH }, '/dev/null');
  assert.ok(s.pid > 0 && s.supervisorPid > 0);
  assert.equal(await exited(s.supervisorExited, 5000), true);
  assert.equal(readExitFile(files)?.code, 3);
});

test('when the broker dies, its supervisors run on and their ends are found by polling; the next request starts a new broker', async () => {
  const files = containerFiles(dir, 'c2');
  const s = await broker.supervise(files, { file: 'sh', args: ['-c', 'sleep 0.5; exit 4'] }, { PATH: process.env.PATH }, '/dev/null');
  const first = broker.pid!;
  process.kill(first, 'SIGKILL');
  assert.equal(await exited(s.supervisorExited, 5000), true);
  assert.equal(readExitFile(files)?.code, 4);
  await broker.runIp(['-V']);
  assert.ok(broker.pid !== undefined && broker.pid !== first);
});

test('a failing ip call rejects with ip\'s own message', async () => {
  await assert.rejects(broker.runIp(['link', 'show', 'kl-no-such-link']), /ip link show kl-no-such-link: .*(does not exist|Cannot find device)/);
});
