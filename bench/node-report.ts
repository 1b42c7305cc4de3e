// Prints the node benchmark: one table per group, each figure beside its same-run baseline, then
// one JSON line with everything.
import type { AgentMemory, ProcessRun, SimulatedRun } from './node-phases.js';
import type { RuntimeAlone } from './runtime-alone.js';
import type { SandboxTiming } from './sandbox-timing.js';
import type { NodeBaseline } from './sqlite-baseline.js';
import type { SpawnBaseline } from './spawn-baseline.js';
import { pct, printTable, round, verdict, type Row } from './stats.js';

export const TARGET = { spawnShare: 0.5, processP99Ms: 100, simulatedPerSec: 2_000 };

export interface NodeFigures {
  spawn: SpawnBaseline;
  nodeBase: NodeBaseline;
  proc: ProcessRun;
  alone: RuntimeAlone;
  sandbox: SandboxTiming;
  sim: SimulatedRun;
  mem: AgentMemory;
}

const n = (v: number, unit: string, d = 1) => `${round(v, d).toLocaleString('en-US')} ${unit}`;
const ms = (v: number) => n(v, 'ms', 2);

export function reportNode(f: Partial<NodeFigures>, failures: string[]): void {
  const { spawn, nodeBase, proc, alone, sandbox, sim, mem } = f;
  const failed = (what: string): Row => ({ name: what, value: 'FAILED' });
  const rows: Row[] = [];

  if (spawn) {
    rows.push(
      { name: `raw spawn of true (${spawn.count}, ${spawn.concurrency} at a time)`, value: n(spawn.perSec, '/s', 0), target: 'baseline' },
      { name: '  spawn→exit p50', value: ms(spawn.p50Ms) },
      { name: '  spawn→exit p99', value: ms(spawn.p99Ms) },
      { name: '  machine CPU per spawn', value: ms(spawn.machineCpuMs), target: 'all processes and the kernel' },
    );
  } else rows.push(failed('raw spawn baseline'));
  if (nodeBase) rows.push({ name: 'idle node process RSS', value: n(nodeBase.idleRssMiB, 'MiB'), target: 'baseline' });
  printTable('Baselines (this machine, this run)', rows.splice(0));

  if (proc) {
    const sandboxMode = proc.podIP.startsWith('127.') ? 'loopback mode' : 'namespaces mode';
    rows.push(
      { name: `process runtime: ${proc.count} pods "true" (${proc.clients} clients)`, value: n(proc.startedPerSec, 'started/s', 1), baseline: spawn ? pct(proc.startedPerSec, spawn.perSec) : '', target: verdict(!!spawn && proc.startedPerSec >= TARGET.spawnShare * spawn.perSec, `≥ ${TARGET.spawnShare * 100}% of raw spawns`) },
      { name: '  create→Running p50', value: ms(proc.toRunning.p50Ms), baseline: spawn ? pct(proc.toRunning.p50Ms, spawn.p50Ms) : '' },
      { name: '  create→Running p99', value: ms(proc.toRunning.p99Ms), baseline: spawn ? pct(proc.toRunning.p99Ms, spawn.p99Ms) : '', target: verdict(proc.toRunning.p99Ms < TARGET.processP99Ms, `< ${TARGET.processP99Ms} ms (burst)`) },
      ...(proc.failedCount ? [{ name: '  FAILED pods (command true)', value: String(proc.failedCount), target: proc.failedPods[0] ?? '' }] : []),
      { name: '  create→Succeeded p50', value: ms(proc.toSucceeded.p50Ms) },
      { name: '  create→Succeeded p99', value: ms(proc.toSucceeded.p99Ms) },
      { name: `  one at a time (${proc.idle} pods): create→Running p50`, value: ms(proc.idleToRunning.p50Ms), baseline: spawn ? pct(proc.idleToRunning.p50Ms, spawn.p50Ms) : '' },
      { name: '  one at a time: create→Running p99', value: ms(proc.idleToRunning.p99Ms), baseline: spawn ? pct(proc.idleToRunning.p99Ms, spawn.p99Ms) : '', target: verdict(proc.idleToRunning.p99Ms < TARGET.processP99Ms, `< ${TARGET.processP99Ms} ms (idle machine)`) },
      { name: '  one at a time: create→Succeeded p50 / p99', value: `${round(proc.idleToSucceeded.p50Ms, 1)} / ${round(proc.idleToSucceeded.p99Ms, 1)} ms` },
      { name: '  API creates acked', value: n(proc.createPerSec, '/s', 0) },
      { name: '  server CPU per pod', value: n(proc.serverCpuMs / proc.count, 'ms', 2), target: `sandboxes in ${sandboxMode} (pod IP ${proc.podIP})` },
    );
  } else rows.push(failed('process runtime end to end'));
  if (alone) {
    rows.push(
      { name: `runtime alone, no API: ${alone.count} pods "true" (${alone.concurrency} at a time)`, value: n(alone.startedPerSec, 'started/s', 1), baseline: spawn ? pct(alone.startedPerSec, spawn.perSec) : '', target: `ceiling of the end-to-end rate (${alone.mode})` },
      { name: '  machine CPU per pod (set-up, run, removal)', value: ms(alone.machineCpuMsPerPod), baseline: spawn ? pct(alone.machineCpuMsPerPod, spawn.machineCpuMs) : '', target: spawn ? `${round(alone.machineCpuMsPerPod / spawn.machineCpuMs, 1)} raw spawns' worth` : '' },
    );
  } else rows.push(failed('process runtime alone'));
  if (sandbox) {
    const mode = sandbox.mode === 'namespaces' ? 'namespaces' : `LOOPBACK mode (${sandbox.degradedReason})`;
    rows.push(
      { name: `sandbox create ×${sandbox.count} p50 (${sandbox.pooled} from pool)`, value: ms(sandbox.createP50Ms), baseline: spawn ? pct(sandbox.createP50Ms, spawn.p50Ms) : '', target: mode },
      { name: '  sandbox create p99', value: ms(sandbox.createP99Ms), baseline: spawn ? pct(sandbox.createP99Ms, spawn.p99Ms) : '' },
      { name: `  netns build ×${sandbox.netnsCount} p50`, value: ms(sandbox.netnsP50Ms), baseline: spawn ? pct(sandbox.netnsP50Ms, spawn.p50Ms) : '' },
      { name: '  netns build p99', value: ms(sandbox.netnsP99Ms), baseline: spawn ? pct(sandbox.netnsP99Ms, spawn.p99Ms) : '' },
      { name: '  sandbox remove p50', value: ms(sandbox.removeP50Ms) },
      { name: '  sandbox remove p99', value: ms(sandbox.removeP99Ms) },
    );
  } else rows.push(failed('sandbox set-up'));
  printTable('Process runtime ("vs baseline": rate as % of raw spawns/s, latency as % of raw spawn→exit)', rows.splice(0));

  if (sim) {
    rows.push(
      { name: `simulated: ${sim.count} pods on ${sim.nodes} nodes (${sim.clients} clients)`, value: n(sim.startedPerSec, 'Running/s', 0), baseline: pct(sim.startedPerSec, sim.createPerSec), target: verdict(sim.startedPerSec >= TARGET.simulatedPerSec, `≥ ${TARGET.simulatedPerSec}/s`) },
      ...(sim.started < sim.count ? [{ name: '  INCOMPLETE: Running when the bench stopped waiting', value: `${sim.started}/${sim.count}`, target: 'rate and latencies over these only' }] : []),
      { name: '  API creates acked (baseline)', value: n(sim.createPerSec, '/s', 0) },
      { name: '  create→Running p50', value: ms(sim.toRunning.p50Ms) },
      { name: '  create→Running p99', value: ms(sim.toRunning.p99Ms) },
      { name: `  delete all ${sim.count} (until the last DELETED event)`, value: n(sim.deleteMs / 1000, 's', 2), target: n(sim.deleted / (sim.deleteMs / 1000), 'pods/s', 0) },
      ...(sim.deleted < sim.count ? [{ name: '  INCOMPLETE: deleted when the bench stopped waiting', value: `${sim.deleted}/${sim.count}` }] : []),
      { name: '  CPU per pod: server / agent', value: `${round(sim.serverCpuMs / sim.count, 3)} / ${round(sim.agentCpuMs / sim.count, 3)} ms` },
    );
  } else rows.push(failed('simulated runtime'));
  printTable('Simulated runtime ("vs baseline": Running/s as % of API creates/s in the same run)', rows.splice(0));

  if (mem) {
    rows.push(
      { name: `agent RSS, idle (allocatable pods ${mem.allocatablePods})`, value: n(mem.idleRssMiB, 'MiB'), baseline: nodeBase ? pct(mem.idleRssMiB, nodeBase.idleRssMiB) : '' },
      { name: `agent RSS, ${mem.pods} running sleep pods`, value: n(mem.rssMiB, 'MiB'), baseline: nodeBase ? pct(mem.rssMiB, nodeBase.idleRssMiB) : '', target: `${n(mem.startedPerSec, 'started/s')}` },
      { name: '  agent RSS per pod', value: n(mem.perPodKiB, 'KiB', 0) },
      ...(mem.extrapolated500MiB !== undefined
        ? [{ name: '  500 pods: EXTRAPOLATED (idle + 500 × per pod)', value: n(mem.extrapolated500MiB, 'MiB'), target: `not measured: the node allows ${mem.allocatablePods} pods` }]
        : []),
      { name: `  pods' own processes (${mem.podProcesses}), PSS`, value: n(mem.podProcessesPssMiB, 'MiB'), target: n((mem.podProcessesPssMiB * 1024) / mem.pods, 'KiB/pod', 0) },
    );
  } else rows.push(failed('agent memory'));
  printTable('Process agent memory ("vs baseline": % of an idle node process)', rows.splice(0));

  if (failures.length) process.stdout.write(`\nFAILED phases:\n  ${failures.join('\n  ')}\n`);
  process.stdout.write(`\n${JSON.stringify({ bench: 'node', targets: TARGET, ...roundAll(f), failures })}\n`);
}

function roundAll<T>(v: T): T {
  return JSON.parse(JSON.stringify(v, (_k, x: unknown) => (typeof x === 'number' ? round(x, 3) : x))) as T;
}
