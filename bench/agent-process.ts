// Runs `kubelite agent` as a child process joining a bench server, as a second machine would.
import { spawn } from 'node:child_process';
import { performance } from 'node:perf_hooks';
import { kubeliteBin, trackChild } from './server-process.js';

const REGISTER_TIMEOUT_MS = 30_000;
const REGISTERED = /kubelite agent: \d+ node\(s\) registered/;

export interface AgentProcess {
  pid: number;
  output(): string;
  stop(): Promise<void>;
}

export interface AgentOptions {
  kubeconfig: string;
  name: string;
  runtime: 'process' | 'simulated';
  dataDir: string;
  count?: number;
  capacity?: string;
  podCidr?: string;
  maxPods?: number;
  nodeArgs?: string[];
}

/** Starts an agent and resolves once it has registered its node(s). */
export async function spawnAgent(o: AgentOptions): Promise<AgentProcess> {
  const args = [...(o.nodeArgs ?? []), kubeliteBin, 'agent', '--kubeconfig', o.kubeconfig, '--name', o.name, '--runtime', o.runtime, '--data-dir', o.dataDir];
  if (o.count) args.push('--count', String(o.count));
  if (o.capacity) args.push('--capacity', o.capacity);
  if (o.podCidr) args.push('--pod-cidr', o.podCidr);
  if (o.maxPods) args.push('--max-pods', String(o.maxPods));
  const t0 = performance.now();
  const proc = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  trackChild(proc);
  let out = '';
  const exited = new Promise<void>((res) => proc.once('exit', () => res()));
  const agent: AgentProcess = {
    pid: proc.pid!,
    output: () => out,
    async stop() {
      if (proc.exitCode !== null || proc.signalCode !== null) return;
      proc.kill('SIGTERM');
      const killer = setTimeout(() => proc.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(killer);
    },
  };
  try {
    await new Promise<void>((resolve, reject) => {
      const t = setTimeout(() => reject(new Error(`agent did not register in ${REGISTER_TIMEOUT_MS} ms:\n${out.slice(-2000)}`)), REGISTER_TIMEOUT_MS);
      proc.stdout!.on('data', (d: Buffer) => { out += d.toString('utf8'); if (REGISTERED.test(out)) { clearTimeout(t); resolve(); } });
      proc.stderr!.on('data', (d: Buffer) => { out += d.toString('utf8'); });
      proc.once('exit', (code, sig) => { clearTimeout(t); reject(new Error(`agent exited (${code ?? sig}) after ${Math.round(performance.now() - t0)} ms:\n${out.slice(-2000)}`)); });
    });
  } catch (e) {
    await agent.stop();
    throw e;
  }
  return agent;
}
