// The floor under the process runtime: how fast this machine starts and reaps a trivial process from
// Node (child_process.spawn of `true`), with a few spawns in flight as a busy kubelet would have.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { machineCpuMs } from './machine-cpu.js';
import { quantile } from './stats.js';

export interface SpawnBaseline {
  count: number;
  concurrency: number;
  perSec: number;
  /** spawn() call to the 'exit' event, per process. */
  p50Ms: number;
  p99Ms: number;
  /** CPU of the whole machine (Node, the kernel, the process) per spawn. */
  machineCpuMs: number;
}

function spawnTrue(): Promise<number> {
  return new Promise((resolve, reject) => {
    const t = performance.now();
    const c = spawn('true', [], { stdio: 'ignore' });
    c.once('error', reject);
    c.once('exit', (code) => (code === 0 ? resolve(performance.now() - t) : reject(new Error(`true exited ${code}`))));
  });
}

export async function spawnBaseline(count: number, concurrency: number): Promise<SpawnBaseline> {
  for (let i = 0; i < 20; i++) await spawnTrue(); // warm-up: the first spawns page in libuv's and the shell's code
  const lat = new Float64Array(count);
  let next = 0;
  const cpu0 = machineCpuMs();
  const t0 = performance.now();
  await Promise.all(Array.from({ length: concurrency }, async () => {
    while (next < count) { const i = next++; lat[i] = await spawnTrue(); }
  }));
  const secs = (performance.now() - t0) / 1000;
  return { count, concurrency, perSec: count / secs, p50Ms: quantile(lat, 0.5), p99Ms: quantile(lat, 0.99), machineCpuMs: (machineCpuMs() - cpu0) / count };
}
