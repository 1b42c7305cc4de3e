// `npm run bench node`: the node side. Pods on the process runtime end to end against raw process
// spawns, sandbox set-up alone, the simulated runtime at scale, and the process agent's memory with a
// full node, each beside a baseline from the same run. A failing phase is reported and fails the run
// after the figures that could be taken; every phase removes its pods, processes and namespaces.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markedProcesses } from './node-cleanup.js';
import { agentMemory, processEndToEnd, simulatedScale } from './node-phases.js';
import { reportNode, type NodeFigures } from './node-report.js';
import { runtimeAlone } from './runtime-alone.js';
import { sandboxTiming } from './sandbox-timing.js';
import { nodeBaseline } from './sqlite-baseline.js';
import { spawnBaseline } from './spawn-baseline.js';

const SPAWNS = 500;
const SPAWN_CONCURRENCY = 8;
const PROCESS_PODS = 200;
const IDLE_PODS = 20;
const CLIENTS = 16;
const SANDBOXES = 100;
const RUNTIME_PODS = 200;
const SIM_PODS = 5_000;
// Each simulated node's pod CIDR is a /24 (253 pod IPs): 5,000 running pods need 20 nodes of 250 (with 10,
// pods past the 253rd on a node never get an IP and the run stalls at 10 × 253 + 110 = 2,640).
const SIM_AGENT_NODES = 20;
const AGENT_PODS = 500; // the agent runs with --max-pods 500 (the kubelet default is 110)

export async function runNodeBench(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'kubelite-bench-node-'));
  // Every container of this run carries it in its environment, so leftovers can be found and killed.
  const marker = root.slice(root.lastIndexOf('-') + 1);
  const log = (m: string) => process.stderr.write(`[bench node] ${m}\n`);
  const failures: string[] = [];
  const attempt = async <T>(phase: string, fn: () => Promise<T>): Promise<T | undefined> => {
    log(phase);
    const t0 = Date.now();
    try {
      return await fn();
    } catch (e) {
      failures.push(`${phase}: ${e instanceof Error ? e.message : String(e)}`);
      log(`FAILED ${failures[failures.length - 1]}`);
      return undefined;
    } finally { log(`  ${((Date.now() - t0) / 1000).toFixed(1)} s`); }
  };
  const f: Partial<NodeFigures> = {};
  try {
    f.spawn = await attempt(`baseline: ${SPAWNS} spawns of true, ${SPAWN_CONCURRENCY} at a time`, () => spawnBaseline(SPAWNS, SPAWN_CONCURRENCY));
    f.nodeBase = await attempt('baseline: idle node process', nodeBaseline);
    f.proc = await attempt(`process runtime: ${PROCESS_PODS} pods running true, ${CLIENTS} clients, then ${IDLE_PODS} one at a time`, () => processEndToEnd(join(root, 'process'), marker, PROCESS_PODS, CLIENTS, IDLE_PODS));
    f.alone = await attempt(`process runtime alone: ${RUNTIME_PODS} pods running true, ${CLIENTS} at a time`, () => runtimeAlone(join(root, 'alone'), marker, RUNTIME_PODS, CLIENTS));
    f.sandbox = await attempt(`sandboxes: ${SANDBOXES} created and removed`, () => sandboxTiming(join(root, 'sandboxes'), SANDBOXES));
    f.sim = await attempt(`simulated runtime: ${SIM_PODS} pods on 1 + ${SIM_AGENT_NODES} nodes`, () => simulatedScale(join(root, 'simulated'), marker, SIM_PODS, CLIENTS, SIM_AGENT_NODES));
    f.mem = await attempt(`process agent: up to ${AGENT_PODS} sleep pods`, () => agentMemory(join(root, 'agent'), marker, AGENT_PODS, CLIENTS));
    if (f.proc?.failedCount) failures.push(`process runtime: ${f.proc.failedCount} pod(s) running true ended Failed: ${f.proc.failedPods.join('; ')}`);
    const left = markedProcesses(marker);
    if (left.length) failures.push(`${left.length} bench process(es) left running: ${left.slice(0, 3).map((p) => `${p.pid} ${p.cmd}`).join('; ')}`);
    reportNode(f, failures);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
  if (failures.length) throw new Error(`${failures.length} phase(s) failed:\n  ${failures.join('\n  ')}`);
}
