// `kubelite agent`: adds nodes to a running server from another process (or machine), as a kubelet
// joins a cluster: reads a kubeconfig, registers each Node, heartbeats its Lease and keeps its
// status current. With --runtime simulated --count C one process hosts C nodes.
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { badRequest } from '../../api/errors.js';
import { HttpClient } from '../../client/http-client.js';
import { loadKubeconfig } from '../../client/kubeconfig.js';
import { hostFacts } from '../../node/agent/host-facts.js';
import type { NodeConnection } from '../../node/connection.js';
import { KubeletServer } from '../../node/kubelet-server/kubelet-server.js';
import { serviceInformer, startNode, type RunningNode } from '../../node/node.js';
import { loadOrCreateTls } from '../../server/tls.js';
import { cidrCollisions, listNodes, nodeNames, planPodCidrs, type PlannedNode } from '../../node/agent/node-plan.js';
import { realClock } from '../../util/clock.js';
import { flagHelp, FlagError, parseFlags, parseLabels, type FlagSpec } from '../flags.js';

const specs: FlagSpec[] = [
  { name: 'kubeconfig', type: 'string', help: 'Kubeconfig of the server to join (default: $KUBECONFIG, then ~/.kubelite/kubeconfig).' },
  { name: 'name', type: 'string', help: 'Node name; with --count, nodes are named <name>-0 ... <name>-<count-1>.' },
  { name: 'labels', type: 'string', default: '', help: 'Extra node labels, k=v,k2=v2.' },
  { name: 'runtime', type: 'string', default: 'process', help: 'Container runtime: process (real local processes) or simulated (no processes).' },
  { name: 'count', type: 'number', default: 1, help: 'Number of nodes this process hosts (simulated runtime only).' },
  { name: 'pod-cidr', type: 'string', help: 'Pod range: for one node a /24 (or narrower) is its own CIDR; a wider range (default 10.244.0.0/16) is carved into per-node blocks not held by other Nodes.' },
  { name: 'max-pods', type: 'number', default: 110, help: 'Pods a process node runs at most (kubelet\'s --max-pods); over 253 its pod CIDR block widens (/23 for 500).' },
  { name: 'capacity', type: 'string', default: 'cpu=32,memory=256Gi,pods=110', help: 'Capacity of each simulated node, as KWOK defaults.' },
  { name: 'node-lease-duration-seconds', type: 'number', default: 40, help: 'Duration of the node\'s Lease in kube-node-lease (kubelet\'s flag); it is renewed every quarter of it. Keep it at most the server\'s --node-monitor-grace-period.' },
  { name: 'kubelet-port', type: 'number', default: 0, help: 'Port of the kubelet server reported in Node.status.daemonEndpoints.' },
  { name: 'data-dir', type: 'string', help: 'Directory for pod logs and volumes (default ~/.kubelite/agents/<name>).' },
  { name: 'help', short: 'h', type: 'boolean', help: 'Help for agent.' },
];

export const agentHelp = `Add nodes to a running kubelite server.

Examples:
  # A node running real processes, named after this host
  kubelite agent --kubeconfig ~/.kubelite/kubeconfig --name $(hostname) --labels disk=ssd

  # 100 simulated nodes sim-0 ... sim-99 in one process
  kubelite agent --kubeconfig ~/.kubelite/kubeconfig --runtime simulated --name sim --count 100

Options:
${flagHelp(specs)}

Usage:
  kubelite agent --name NAME [options]
`;

const REGISTRATION_CONCURRENCY = 32; // keeps a 1,000-node start from opening a thousand requests at once

/** Answers for a kubelet that exists only once its node is registered (the port must be known first). */
class DeferredConnection implements NodeConnection {
  target?: NodeConnection;
  private get t(): NodeConnection {
    if (!this.target) throw badRequest('the node is still starting');
    return this.target;
  }
  logs(...a: Parameters<NodeConnection['logs']>) { return this.t.logs(...a); }
  exec(...a: Parameters<NodeConnection['exec']>) { return this.t.exec(...a); }
  attach(...a: Parameters<NodeConnection['attach']>) { return this.t.attach(...a); }
  portForward(...a: Parameters<NodeConnection['portForward']>) { return this.t.portForward(...a); }
}


function kubeliteVersion(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch { return '0.0.0'; }
}

interface Hosted { node: RunningNode; server?: KubeletServer }

export async function agentCommand(argv: string[]): Promise<number> {
  const { flags } = parseFlags(argv, specs);
  if (flags.help) { process.stdout.write(agentHelp); return 0; }
  const name = flags.name as string | undefined;
  if (!name) throw new FlagError('--name is required');
  const runtimeName = String(flags.runtime);
  if (runtimeName !== 'process' && runtimeName !== 'simulated') throw new FlagError(`invalid --runtime "${runtimeName}": must be process or simulated`);
  const count = Number(flags.count);
  if (!Number.isInteger(count) || count < 1) throw new FlagError(`invalid --count ${count}: must be a positive integer`);
  if (count > 1 && runtimeName !== 'simulated') throw new FlagError('--count needs --runtime simulated: process nodes share one machine');
  const labels = parseLabels(String(flags.labels));
  const dataDir = (flags['data-dir'] as string | undefined) ?? join(homedir(), '.kubelite', 'agents', name);

  const access = loadKubeconfig({ path: flags.kubeconfig as string | undefined });
  // kubelet's three clients (cmd/kubelet/app/server.go): pods and status, events, heartbeats (node
  // status and lease), each with its own connection pool.
  const client = new HttpClient(access);
  const eventClient = new HttpClient(access);
  const heartbeatClient = new HttpClient(access);
  const maxPods = Number(flags['max-pods']);
  const leaseDurationSeconds = Number(flags['node-lease-duration-seconds']);
  if (!Number.isInteger(leaseDurationSeconds) || leaseDurationSeconds < 1) throw new FlagError(`invalid --node-lease-duration-seconds ${flags['node-lease-duration-seconds']}: must be a positive integer`);
  if (!Number.isInteger(maxPods) || maxPods < 1) throw new FlagError(`invalid --max-pods ${flags['max-pods']}: must be a positive integer`);
  const simCapacity = runtimeName === 'simulated' ? parseLabels(String(flags.capacity)) : undefined;
  // A node's pod CIDR block must hold its pod limit: --max-pods for a process node, the pods capacity for a simulated one.
  const podLimit = simCapacity ? Number(simCapacity.pods ?? 110) : maxPods;
  const plan = planPodCidrs(nodeNames(name, count), await listNodes(client), flags['pod-cidr'] as string | undefined, podLimit);
  const version = kubeliteVersion();
  const host = hostFacts();
  const log = (m: string) => process.stderr.write(`${m}\n`);

  const hosted: Hosted[] = [];
  const services = await serviceInformer(client, log);
  const startOne = async (p: PlannedNode) => {
    const nodeDir = count > 1 ? join(dataDir, p.name) : dataDir;
    mkdirSync(nodeDir, { recursive: true, mode: 0o700 });
    // A process node serves logs/exec/port-forward to the API server from its own kubelet server.
    let server: KubeletServer | undefined;
    const deferred = new DeferredConnection();
    let kubeletPort = 0;
    if (runtimeName === 'process') {
      const tls = await loadOrCreateTls(nodeDir, [host.internalIP]);
      server = new KubeletServer({ connection: deferred, token: access.token ?? '', tls: { cert: tls.certPem, key: tls.keyPem }, host: '0.0.0.0', port: Number(flags['kubelet-port']), log });
      kubeletPort = await server.listen();
    }
    const node = await startNode({
      client, eventClient, heartbeatClient, services, name: p.name, runtime: runtimeName, podCIDR: p.podCIDR, dataDir: nodeDir, labels,
      capacity: simCapacity, maxPods, kubeletPort, version, clock: realClock, log, leaseDurationSeconds,
    });
    deferred.target = node.kubelet;
    hosted.push({ node, server });
  };
  const started = Date.now();
  for (let i = 0; i < plan.length; i += REGISTRATION_CONCURRENCY) await Promise.all(plan.slice(i, i + REGISTRATION_CONCURRENCY).map(startOne));

  for (const c of cidrCollisions(plan.map((p) => p.name), await listNodes(client))) {
    log(`warning: node ${c.node} has pod CIDR ${c.podCIDR}, also held by ${c.holder} (agents started at the same moment); pod IPs may collide`);
  }
  const shown = plan.length > 3 ? `${plan[0]!.name} … ${plan[plan.length - 1]!.name}` : plan.map((p) => p.name).join(', ');
  process.stdout.write(`kubelite agent: ${plan.length} node(s) registered with ${access.server} in ${Date.now() - started}ms: ${shown} (runtime ${runtimeName})\n`);

  await new Promise<void>((resolve) => {
    const stop = (sig: string) => {
      process.stdout.write(`received ${sig}, shutting down\n`);
      void (async () => {
        for (const h of hosted) {
          await h.node.stop().catch((e: unknown) => log(`stopping node ${h.node.name}: ${String(e)}`));
          await h.server?.close().catch(() => {});
        }
        services.stop();
        for (const c of [client, eventClient, heartbeatClient]) c.close();
        resolve();
      })();
    };
    process.once('SIGINT', () => stop('SIGINT'));
    process.once('SIGTERM', () => stop('SIGTERM'));
  });
  return 0;
}
