// A bench cluster: one `kubelite server` (optionally with a local node) plus optional agents, torn
// down in the order that leaves nothing behind: pods deleted through the API while their kubelets
// still run, then agents, then the server, then what the runtimes keep on the machine.
import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { spawnAgent, type AgentOptions, type AgentProcess } from './agent-process.js';
import { deletePods } from './cluster-ops.js';
import { endpointFromKubeconfig, type Endpoint } from './https-client.js';
import { killMarked, removeNodeLeftovers } from './node-cleanup.js';
import { PodWatch } from './pod-watch.js';
import { cpuMsOf, spawnServer, type ServerProcess } from './server-process.js';

/** BENCH_CPU_PROF=dir profiles the server and agents (node --cpu-prof); profiles land in dir on stop. */
export const profArgs = (): string[] => (process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : []);

const DELETE_TIMEOUT_MS = 60_000;
const DELETE_CLIENTS = 16;

export class BenchCluster {
  readonly agents: AgentProcess[] = [];
  /** Pods 0..created-1 exist (or may): deleted on teardown. */
  created = 0;

  private constructor(readonly dataDir: string, readonly server: ServerProcess, readonly ep: Endpoint, private readonly marker: string) {}

  static async start(dataDir: string, serverArgs: string[], marker: string): Promise<BenchCluster> {
    const server = await spawnServer({ dataDir, store: 'sqlite', args: serverArgs, nodeArgs: profArgs() });
    try {
      await Promise.race([server.failedToStart, server.readyLineMs.then(() => server.waitReadyz())]);
    } catch (e) {
      await server.stop();
      throw e;
    }
    return new BenchCluster(dataDir, server, endpointFromKubeconfig(join(dataDir, 'kubeconfig')), marker);
  }

  get kubeconfig(): string {
    return join(this.dataDir, 'kubeconfig');
  }

  async addAgent(o: Omit<AgentOptions, 'kubeconfig' | 'dataDir' | 'nodeArgs'>): Promise<AgentProcess> {
    const dataDir = join(this.dataDir, 'agents', o.name);
    mkdirSync(dataDir, { recursive: true }); // the agent writes its kubelet certificate there before creating it
    const a = await spawnAgent({ ...o, kubeconfig: this.kubeconfig, dataDir, nodeArgs: profArgs() });
    this.agents.push(a);
    return a;
  }

  /** CPU ms of the server and each agent so far. */
  cpuMs(): { server: number; agents: number } {
    return { server: cpuMsOf(this.server.pid), agents: this.agents.reduce((s, a) => s + cpuMsOf(a.pid), 0) };
  }

  /**
   * Resolves once the server and agents together use under 5% of a core over a quarter second (the
   * node has finished what earlier pods left: sandboxes torn down, its pool refilled), or after maxMs.
   */
  async quiet(maxMs = 10_000): Promise<void> {
    const total = () => { const c = this.cpuMs(); return c.server + c.agents; };
    let last = total();
    for (const deadline = performance.now() + maxMs; performance.now() < deadline;) {
      await new Promise((r) => setTimeout(r, 250));
      const now = total();
      if (now - last <= 12.5) return;
      last = now;
    }
  }

  /**
   * Deletes pods 0..count-1 and resolves with ms until the last DELETED event arrived and how many
   * went. With `partialAfterMs` a slow deletion stops being waited for then (deleted < count).
   */
  async deleteAll(watch: PodWatch, count = this.created, partialAfterMs?: number): Promise<{ ms: number; deleted: number }> {
    const t0 = performance.now();
    watch.deleting = true;
    await deletePods(this.ep, count, DELETE_CLIENTS);
    try {
      await watch.until(() => watch.deletedCount >= count, partialAfterMs ?? DELETE_TIMEOUT_MS, () => `${watch.deletedCount}/${count} pods deleted`);
      this.created = 0;
    } catch (e) {
      if (partialAfterMs === undefined || !/^timed out/.test((e as Error).message)) throw e;
    }
    return { ms: watch.times.deleted.reduce((m, x) => (x > m ? x : m), -Infinity) - t0, deleted: watch.deletedCount };
  }

  /** Tears everything down; returns how many marked processes had to be killed (0 when all went cleanly). */
  async stop(): Promise<number> {
    if (this.created > 0) {
      // Best effort: the kubelets stop the containers; whatever survives is killed below.
      const w = await PodWatch.open(this.ep, 'default', this.created, () => -1).catch(() => undefined);
      await deletePods(this.ep, this.created, DELETE_CLIENTS).catch(() => undefined);
      await new Promise((r) => setTimeout(r, 2000));
      w?.close();
    }
    for (const a of this.agents) await a.stop();
    await this.server.stop();
    const killed = killMarked(this.marker);
    removeNodeLeftovers(this.dataDir);
    rmSync(this.dataDir, { recursive: true, force: true });
    return killed;
  }
}
