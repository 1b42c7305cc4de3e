// `npm run bench [name]`: runs one benchmark by name, or all of them when no name is given.
import { runApiBench } from './api.js';
import { runCliBench } from './cli.js';
import { runNodeBench } from './node.js';
import { runReplicasBench } from './replicas.js';
import { killAllChildren } from './server-process.js';

const benches: Record<string, () => Promise<void>> = {
  api: runApiBench,
  cli: runCliBench,
  node: runNodeBench,
  replicas: runReplicasBench,
};

async function main(argv: string[]): Promise<number> {
  const names = argv.length ? argv : Object.keys(benches);
  const unknown = names.filter((n) => !(n in benches));
  if (unknown.length) {
    process.stderr.write(`unknown benchmark ${unknown.map((n) => `"${n}"`).join(', ')}; available: ${Object.keys(benches).join(', ')}\n`);
    return 2;
  }
  for (const n of names) await benches[n]!();
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (err: unknown) => {
    killAllChildren();
    process.stderr.write(`\nBENCH FAILED: ${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  },
);
