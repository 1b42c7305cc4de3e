// `kubelite server`: runs the all-in-one server until SIGINT/SIGTERM.
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { startServer } from '../../server/all-in-one.js';
import type { StoreKind } from '../../store/index.js';
import { flagHelp, parseDuration, parseFlags, parseLabels, type FlagSpec } from '../flags.js';

export const defaultDataDir = () => join(homedir(), '.kubelite');

/** The host's name as a node name: lower case, DNS-1123 (as kubelet's --hostname-override default). */
export function defaultNodeName(): string {
  return hostname().toLowerCase().replace(/[^a-z0-9.-]/g, '-').replace(/^[-.]+|[-.]+$/g, '') || 'kubelite';
}

const specs: FlagSpec[] = [
  { name: 'data-dir', type: 'string', help: 'Directory for the database, token and kubeconfig (default ~/.kubelite).' },
  { name: 'port', type: 'number', default: 6443, help: 'Port of the API server.' },
  { name: 'bind-address', type: 'string', default: '127.0.0.1', help: 'Address to listen on (loopback by default).' },
  { name: 'store', type: 'string', default: 'sqlite', help: 'Storage backend: sqlite (embedded, default) or memory.' },
  { name: 'node-name', type: 'string', help: 'Name of the node this process runs pods on (default: this host\'s name).' },
  { name: 'runtime', type: 'string', default: 'process', help: 'Runtime of the local node: process (real local processes) or simulated (no processes).' },
  { name: 'pod-cidr', type: 'string', help: 'The local node\'s pod CIDR (a /24), or a wider range to take a free /24 from (default 10.244.0.0/16).' },
  { name: 'node-labels', type: 'string', default: '', help: 'Extra labels of the local node, k=v,k2=v2.' },
  { name: 'job-backoff-base', type: 'string', default: '10s', help: 'Base of the Job controller\'s back-off before re-creating failed pods (doubles per failure), e.g. 1s for demos.' },
  { name: 'node-monitor-period', type: 'string', default: '5s', help: 'How often the node lifecycle controller checks node heartbeats (status and Lease).' },
  { name: 'node-monitor-grace-period', type: 'string', default: '40s', help: 'How long a node may post no status and renew no Lease before its conditions become Unknown (NotReady) and it is tainted unreachable.' },
  { name: 'default-not-ready-toleration-seconds', type: 'number', default: 300, help: 'tolerationSeconds of the node.kubernetes.io/not-ready:NoExecute toleration added to every pod that has none.' },
  { name: 'default-unreachable-toleration-seconds', type: 'number', default: 300, help: 'tolerationSeconds of the node.kubernetes.io/unreachable:NoExecute toleration added to every pod that has none.' },
  { name: 'terminated-pod-gc-threshold', type: 'number', default: 12500, help: 'Terminated pods kept before the pod garbage collector deletes the oldest (0 or less: keep all).' },
  { name: 'no-node', type: 'boolean', help: 'Run no local node: API server, store and controllers only (add nodes with kubelite agent).' },
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
  const runtime = String(flags.runtime);
  if (runtime !== 'process' && runtime !== 'simulated') {
    process.stderr.write(`error: invalid --runtime "${runtime}": must be process or simulated\n`);
    return 1;
  }
  const jobBackoffBaseMs = parseDuration(String(flags['job-backoff-base']), 'job-backoff-base');
  const nodeMonitorPeriodMs = parseDuration(String(flags['node-monitor-period']), 'node-monitor-period');
  const nodeMonitorGracePeriodMs = parseDuration(String(flags['node-monitor-grace-period']), 'node-monitor-grace-period');
  if (nodeMonitorPeriodMs <= 0) {
    process.stderr.write(`error: invalid --node-monitor-period "${String(flags['node-monitor-period'])}": must be greater than 0\n`);
    return 1;
  }
  const started = Date.now();
  const server = await startServer({
    jobBackoffBaseMs,
    nodeMonitorPeriodMs,
    nodeMonitorGracePeriodMs,
    terminatedPodGcThreshold: Number(flags['terminated-pod-gc-threshold']),
    defaultTolerationSeconds: {
      notReadySeconds: Number(flags['default-not-ready-toleration-seconds']),
      unreachableSeconds: Number(flags['default-unreachable-toleration-seconds']),
    },
    dataDir: (flags['data-dir'] as string | undefined) ?? defaultDataDir(),
    port: Number(flags.port),
    bindAddress: String(flags['bind-address']),
    store,
    node: flags['no-node'] ? undefined : {
      name: (flags['node-name'] as string | undefined) ?? defaultNodeName(),
      runtime,
      podCidr: flags['pod-cidr'] as string | undefined,
      labels: parseLabels(String(flags['node-labels'])),
    },
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
