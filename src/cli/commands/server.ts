// `kubelite server`: runs the all-in-one server until SIGINT/SIGTERM.
import { homedir } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/all-in-one.js';
import type { StoreKind } from '../../store/index.js';
import { flagHelp, parseFlags, type FlagSpec } from '../flags.js';

export const defaultDataDir = () => join(homedir(), '.kubelite');

const specs: FlagSpec[] = [
  { name: 'data-dir', type: 'string', help: 'Directory for the database, token and kubeconfig (default ~/.kubelite).' },
  { name: 'port', type: 'number', default: 6443, help: 'Port of the API server.' },
  { name: 'bind-address', type: 'string', default: '127.0.0.1', help: 'Address to listen on (loopback by default).' },
  { name: 'store', type: 'string', default: 'sqlite', help: 'Storage backend: sqlite (embedded, default) or memory.' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Help for server.' },
];

export const serverHelp = `Run the kubelite API server, store and controllers in one process.

Examples:
  # Start on the defaults (~/.kubelite, 127.0.0.1:6443), then use kubectl
  kubelite server
  kubectl --kubeconfig ~/.kubelite/kubeconfig get ns

Options:
${flagHelp(specs)}

Usage:
  kubelite server [options]
`;

export async function serverCommand(argv: string[]): Promise<number> {
  const { flags } = parseFlags(argv, specs);
  if (flags.help) { process.stdout.write(serverHelp); return 0; }
  const store = String(flags.store) as StoreKind;
  if (store !== 'sqlite' && store !== 'memory') {
    process.stderr.write(`error: invalid --store "${store}": must be sqlite or memory\n`);
    return 1;
  }
  const started = Date.now();
  const server = await startServer({
    dataDir: (flags['data-dir'] as string | undefined) ?? defaultDataDir(),
    port: Number(flags.port),
    bindAddress: String(flags['bind-address']),
    store,
  });
  process.stdout.write(`kubelite server ready on ${server.url} in ${Date.now() - started}ms; kubeconfig: ${server.kubeconfigPath}\n`);
  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      process.stdout.write(`received ${sig}, shutting down\n`);
      server.close().then(resolve, (e) => { process.stderr.write(`shutdown: ${String(e)}\n`); resolve(); });
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
