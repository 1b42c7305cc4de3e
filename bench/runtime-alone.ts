// The process runtime on its own: no API, scheduler or kubelet, only what a kubelet asks of it for
// a burst of pods running `true` (a sandbox, a container in it, its exit, the sandbox's removal),
// `concurrency` pods at a time. Its rate is the ceiling of the end-to-end figure, and its machine CPU
// per pod, beside a raw spawn's, is what one pod's isolation costs in spawns' worth of work.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { ProcessRuntime } from '../src/node/runtime/process/process-runtime.js';
import { claimPodCidr, OWN_BRIDGE_BLOCKS } from '../src/node/sandbox/pod-cidr-claims.js';
import { SandboxManager } from '../src/node/sandbox/sandbox-manager.js';
import { machineCpuMs } from './machine-cpu.js';

export interface RuntimeAlone {
  count: number;
  concurrency: number;
  mode: 'namespaces' | 'loopback';
  /** Pods whose container was started, per second, from the first sandbox asked for to the last start. */
  startedPerSec: number;
  /** CPU of the whole machine (every process and the kernel) per pod, from the first set-up to the last removal. */
  machineCpuMsPerPod: number;
}

export async function runtimeAlone(stateDir: string, marker: string, count: number, concurrency: number): Promise<RuntimeAlone> {
  // A bridge and block of its own, away from the servers' (the test suite may run beside the bench).
  const podCidr = claimPodCidr(OWN_BRIDGE_BLOCKS);
  const sandboxes = await SandboxManager.create({ stateDir, podCidr, bridge: `klb${process.pid.toString(16)}`, nodeName: 'bench', cgroupParent: `kubelite-bench-${process.pid}` });
  const runtime = new ProcessRuntime({ stateDir, sandboxes });
  const logs = join(stateDir, 'logs');
  mkdirSync(logs, { recursive: true });
  try {
    const cpu0 = machineCpuMs();
    const t0 = performance.now();
    let startedAt = t0;
    let next = 0;
    await Promise.all(Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const name = `ra-${i}`;
        const sb = await runtime.createSandbox({ podUid: `bench-${marker}-${i}`, namespace: 'default', name, hostname: name, hostNetwork: false, annotations: {} });
        const c = await runtime.startContainer(sb, {
          id: `${name}_c_0`, name: 'c', image: 'busybox:1.36', argv: ['true'], env: [['KUBELITE_BENCH', marker]], mounts: [],
          stdin: false, stdinOnce: false, tty: false, limits: {}, logPath: join(logs, `${name}.log`),
        });
        startedAt = performance.now();
        const exit = await c.exited;
        if (exit.exitCode !== 0) throw new Error(`true exited ${exit.exitCode} in ${name}`);
        await runtime.removeSandbox(sb);
      }
    }));
    return {
      count, concurrency, mode: sandboxes.mode,
      startedPerSec: count / ((startedAt - t0) / 1000),
      machineCpuMsPerPod: (machineCpuMs() - cpu0) / count,
    };
  } finally {
    await runtime.close({ removeAll: true });
    await sandboxes.close({ removeBridge: true, removeCgroupParent: true });
  }
}
