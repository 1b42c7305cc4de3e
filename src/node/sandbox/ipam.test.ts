import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { parseCidr } from './cidr.js';
import { IpAllocator } from './ipam.js';

async function withDir(fn: (dir: string) => void | Promise<void>): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kl-ipam-'));
  try {
    await fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const range = parseCidr('10.9.0.0/29'); // 10.9.0.1–10.9.0.6 usable, .1 is the gateway
const gateway = new Set([range.base + 1]);

test('skips the gateway and hands out distinct addresses until exhausted', () => withDir(async (dir) => {
  const ipam = new IpAllocator(dir, range, gateway);
  const got = ['a', 'b', 'c', 'd', 'e'].map((o) => ipam.allocate(o));
  assert.deepEqual(got, ['10.9.0.2', '10.9.0.3', '10.9.0.4', '10.9.0.5', '10.9.0.6']);
  assert.throws(() => ipam.allocate('f'), /no IP addresses available in range 10.9.0.0\/29/);
  await ipam.saved();
}));

test('a released address is reused only after the others (round robin, as host-local)', () => withDir(async (dir) => {
  const ipam = new IpAllocator(dir, range, gateway);
  const a = ipam.allocate('a');
  ipam.allocate('b');
  ipam.release(a);
  assert.equal(ipam.allocate('c'), '10.9.0.4');
  await ipam.saved();
}));

test('state survives a restart once saved: changes made during a write are written after it', () => withDir(async (dir) => {
  const first = new IpAllocator(dir, range, gateway);
  first.allocate('a');
  await Promise.resolve(); // the first write has begun
  first.allocate('b');
  first.reassign('10.9.0.3', 'c');
  await first.saved();
  const second = new IpAllocator(dir, range, gateway);
  assert.deepEqual([...second.owners()], [['10.9.0.2', 'a'], ['10.9.0.3', 'c']]);
  assert.equal(second.allocate('d'), '10.9.0.4');
  await second.saved();
}));
