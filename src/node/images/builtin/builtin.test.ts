// The built-in programs themselves, run directly (the runtime tests run them in sandboxes).
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { request } from 'node:http';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { dateLine } from './date-line.js';

const program = (name: string) => fileURLToPath(new URL(`./${name}.js`, import.meta.url));

test('hello-world greets and exits 0', () => {
  const r = spawnSync(process.execPath, [program('hello-world')], { encoding: 'utf8' });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^\nHello from kubelite!\n/);
});

test('batch-job prints its start and finish as the original does', () => {
  const r = spawnSync(process.execPath, [program('batch-job')], { encoding: 'utf8', env: { ...process.env, KUBELITE_BATCH_JOB_SECONDS: '0' } });
  assert.equal(r.status, 0);
  assert.match(r.stdout, /^\w{3} \w{3} [ \d]\d \d\d:\d\d:\d\d UTC \d{4} Batch job starting\n\w{3} .* UTC \d{4} Finished succesfully\n$/);
});

// The originals are shell loops as PID 1 with no handler: SIGTERM does nothing, SIGKILL ends them.
for (const [name, firstLine] of [['ssd-monitor', /^SSD OK\n/], ['batch-job', / UTC \d{4} Batch job starting\n/]] as const) {
  test(`${name} prints as the original and, like it, outlives SIGTERM`, async () => {
    const child = spawn(process.execPath, [program(name)], { env: { ...process.env, KUBELITE_BATCH_JOB_SECONDS: '60' } });
    try {
      const out = await new Promise<string>((resolve) => child.stdout.once('data', (d: Buffer) => resolve(d.toString())));
      assert.match(out, firstLine);
      child.kill('SIGTERM');
      await new Promise((r) => setTimeout(r, 200));
      assert.equal(child.exitCode, null);
      assert.equal(child.signalCode, null);
    } finally {
      child.kill('SIGKILL');
    }
    assert.equal(await new Promise((r) => child.once('exit', (_c, s) => r(s))), 'SIGKILL');
  });
}

test('date lines read like date(1) in UTC', () => {
  assert.equal(dateLine(Date.UTC(2020, 8, 3, 13, 35, 47)), 'Thu Sep  3 13:35:47 UTC 2020');
  assert.equal(dateLine(Date.UTC(2021, 11, 25, 1, 2, 3)), 'Sat Dec 25 01:02:03 UTC 2021');
});

function get(host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    request({ host, port: 8080, path: '/' }, (res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject).end();
  });
}

test('kubia-unhealthy answers with its hostname five times, then 500; it logs each request', async () => {
  // A random 127/8 address of our own, so the fixed port 8080 cannot collide with anything else.
  const ip = `127.${100 + Math.floor(Math.random() * 100)}.${Math.floor(Math.random() * 250)}.${1 + Math.floor(Math.random() * 250)}`;
  const child = spawn(process.execPath, [program('kubia-unhealthy')], { env: { ...process.env, KUBELITE_POD_IP: ip, HOSTNAME: 'kubia-x' } });
  let out = '';
  child.stdout.on('data', (d: Buffer) => (out += d));
  try {
    await new Promise<void>((resolve) => child.stdout.once('data', () => resolve()));
    let answers: Array<{ status: number; body: string }> = [];
    for (let tries = 0; answers.length === 0; tries++) {
      try { answers.push(await get(ip)); } catch (e) { if (tries > 50) throw e; await new Promise((r) => setTimeout(r, 20)); }
    }
    for (let i = 0; i < 5; i++) answers.push(await get(ip));
    assert.deepEqual(answers.map((a) => a.status), [200, 200, 200, 200, 200, 500]);
    assert.equal(answers[0].body, "You've hit kubia-x\n");
    assert.equal(answers[5].body, "I'm not well. Please restart me!");
    assert.match(out, /^Kubia server starting...\nReceived request from 127\./);
    // Like node as PID 1 without a handler, SIGTERM is ignored: it still answers.
    child.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 100));
    assert.equal((await get(ip)).status, 500);
  } finally {
    child.kill('SIGKILL');
    const signal = await new Promise((r) => child.once('exit', (_c, s) => r(s)));
    assert.equal(signal, 'SIGKILL');
  }
});
