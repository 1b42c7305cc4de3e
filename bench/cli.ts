// `npm run bench cli`: wall time of the kubelite command beside the real kubectl in the same run —
// `get pods` over 100 pods and `version --client`, each the median of RUNS runs as a fresh process
// (what a learner waits for after pressing Enter), the two clients' runs taken in turns. Targets:
// kubelite no slower than kubectl, < 150 ms.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { kubeliteBin, spawnServer } from './server-process.js';
import { median, printTable, round, verdict, type Row } from './stats.js';

const RUNS = 10;
const PODS = 100;
const TARGET_MS = 150;
const kubectlBin = process.env.KUBECTL ?? 'kubectl';
// What `npm link` puts on PATH (a learner types `kubelite ...`): node without NODE_EXTRA_CA_CERTS
// at start-up (see bin/kubelite). `node bin/kubelite.js` is timed beside it for comparison.
const kubeliteCommand = join(dirname(kubeliteBin), 'kubelite');

type Command = [cmd: string, args: string[]];

/** Wall milliseconds of one run of a command. */
function timeOnce([cmd, args]: Command, env: NodeJS.ProcessEnv): number {
  const t0 = performance.now();
  const r = spawnSync(cmd, args, { env, encoding: 'utf8' });
  const ms = performance.now() - t0;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return ms;
}

/** RUNS timed runs of each command (after one untimed warm-up run each), taken in turns, so a
 *  change in the machine's load during the measurement falls on both alike. */
function timeInTurns(commands: Command[], env: NodeJS.ProcessEnv): number[][] {
  for (const c of commands) timeOnce(c, env);
  const times = commands.map((): number[] => []);
  for (let i = 0; i < RUNS; i++) {
    const order = i % 2 ? [...commands.keys()].reverse() : [...commands.keys()];
    for (const j of order) times[j]!.push(timeOnce(commands[j]!, env));
  }
  return times;
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
    const rows: Row[] = [];
    for (const [label, args] of [[`get pods (${PODS} pods)`, ['get', 'pods']], ['version --client', ['version', '--client']]] as const) {
      const [liteTimes, realTimes, nodeTimes] = timeInTurns([[kubeliteCommand, [...args]], [kubectlBin, [...args]], [process.execPath, [kubeliteBin, ...args]]], env);
      const lite = median(liteTimes!);
      const real = median(realTimes!);
      const direct = median(nodeTimes!);
      rows.push({ name: `kubectl ${label}`, value: `${round(real, 1)} ms`, target: 'baseline' });
      rows.push({
        name: `kubelite ${label}`, value: `${round(lite, 1)} ms`, baseline: `${round((lite / real) * 100, 1)}%`,
        target: verdict(lite <= real && lite < TARGET_MS, `≤ kubectl, < ${TARGET_MS} ms`),
      });
      rows.push({
        name: `  node bin/kubelite.js ${label}`, value: `${round(direct, 1)} ms`, baseline: `${round((direct / real) * 100, 1)}%`,
        target: process.env.NODE_EXTRA_CA_CERTS ? 'NODE_EXTRA_CA_CERTS loaded at start-up' : 'no NODE_EXTRA_CA_CERTS here',
      });
    }
    printTable(`CLI wall time, median of ${RUNS} runs each`, rows);
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
