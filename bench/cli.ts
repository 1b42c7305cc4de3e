// `npm run bench cli`: wall time of the kubelite CLI beside the real kubectl in the same run —
// `get pods` over 100 pods and `version --client`, each the median of RUNS runs as a fresh process
// (what a learner waits for after pressing Enter). Targets: kubelite no slower than kubectl, < 150 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { kubeliteBin, spawnServer } from './server-process.js';
import { median, printTable, round, verdict, type Row } from './stats.js';

const RUNS = 10;
const PODS = 100;
const TARGET_MS = 150;
const kubectlBin = process.env.KUBECTL ?? 'kubectl';

/** Wall milliseconds of each of RUNS runs of a command (after one untimed warm-up run). */
function timeRuns(cmd: string, args: string[], env: NodeJS.ProcessEnv): number[] {
  const once = () => {
    const t0 = performance.now();
    const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
    const ms = performance.now() - t0;
    if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
    return ms;
  };
  once();
  return Array.from({ length: RUNS }, once);
}

function podList(n: number): string {
  const items = Array.from({ length: n }, (_, i) => ({
    apiVersion: 'v1', kind: 'Pod', metadata: { name: `bench-${String(i).padStart(3, '0')}`, labels: { app: 'bench' } },
    spec: { containers: [{ name: 'main', image: 'busybox', command: ['sleep', '3600'] }] },
  }));
  return JSON.stringify({ apiVersion: 'v1', kind: 'List', items });
}

export async function runCliBench(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'kubelite-bench-cli-'));
  // No node: the pods stay Pending, so the table is stable and only the CLI's work is measured.
  const server = await spawnServer({ dataDir: dir, store: 'sqlite', args: ['--no-node'] });
  try {
    await server.readyLineMs;
    const env = { ...process.env, KUBECONFIG: join(dir, 'kubeconfig') };
    const created = spawnSync(kubectlBin, ['create', '--validate=false', '-f', '-'], { env, input: podList(PODS), encoding: 'utf8' });
    if (created.status !== 0) throw new Error(`creating ${PODS} pods failed: ${created.stderr}`);
    const kubelite = (args: string[]) => timeRuns(process.execPath, [kubeliteBin, ...args], env);
    const kubectl = (args: string[]) => timeRuns(kubectlBin, args, env);
    const rows: Row[] = [];
    for (const [label, args] of [[`get pods (${PODS} pods)`, ['get', 'pods']], ['version --client', ['version', '--client']]] as const) {
      const lite = median(kubelite([...args]));
      const real = median(kubectl([...args]));
      rows.push({ name: `kubectl ${label}`, value: `${round(real, 1)} ms`, target: 'baseline' });
      rows.push({
        name: `kubelite ${label}`, value: `${round(lite, 1)} ms`, baseline: `${round((lite / real) * 100, 1)}%`,
        target: verdict(lite <= real && lite < TARGET_MS, `≤ kubectl, < ${TARGET_MS} ms`),
      });
    }
    printTable(`CLI wall time, median of ${RUNS} runs each`, rows);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
