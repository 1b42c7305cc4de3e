// Pod sandbox set-up on its own: SandboxManager in this process, as the process runtime uses it
// (default pool of ready namespaces), on a bridge and pod range of the bench's own.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { PodSandbox } from '../src/node/sandbox/sandbox-manager.js';
import { SandboxManager } from '../src/node/sandbox/sandbox-manager.js';
import { quantile } from './stats.js';

const BRIDGE = 'klbench0';
const POD_CIDR = '10.254.0.0/24'; // away from the 10.244.0.0/16 default the bench's servers use

export interface SandboxTiming {
  count: number;
  mode: 'namespaces' | 'loopback';
  degradedReason?: string;
  /** createSandbox end to end (pooled or built inline). */
  createP50Ms: number;
  createP99Ms: number;
  pooled: number;
  /** Building one network namespace (bridge port, veth, address, routes). */
  netnsCount: number;
  netnsP50Ms: number;
  netnsP99Ms: number;
  removeP50Ms: number;
  removeP99Ms: number;
}

export async function sandboxTiming(stateDir: string, count: number): Promise<SandboxTiming> {
  const m = await SandboxManager.create({ stateDir, podCidr: POD_CIDR, bridge: BRIDGE, nodeName: 'node-bench' });
  const made: PodSandbox[] = [];
  const removeMs: number[] = [];
  try {
    for (let i = 0; i < count; i++) {
      const name = `sb-${i}`;
      made.push(await m.createSandbox({ podUid: randomUUID(), namespace: 'default', name, hostname: name, hostNetwork: false, annotations: {} }));
    }
    const t = m.setupTimings();
    while (made.length) {
      const t0 = performance.now();
      await m.removeSandbox(made.pop()!);
      removeMs.push(performance.now() - t0);
    }
    return {
      count, mode: m.mode, degradedReason: m.degradedReason,
      createP50Ms: t.p50, createP99Ms: t.p99, pooled: t.pooled,
      netnsCount: t.netnsCount, netnsP50Ms: t.netnsP50, netnsP99Ms: t.netnsP99,
      removeP50Ms: quantile(removeMs, 0.5), removeP99Ms: quantile(removeMs, 0.99),
    };
  } finally {
    for (const s of made) await m.removeSandbox(s).catch(() => undefined);
    await m.close({ removeBridge: true });
  }
}
