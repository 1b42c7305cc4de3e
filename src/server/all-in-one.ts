// `kubelite server`: the store, the API server and the controllers in one process.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { allKinds } from '../api/kinds/index.js';
import type { DefaultTolerationSeconds } from '../apiserver/admission/default-toleration-seconds.js';
import { ApiServer } from '../apiserver/server.js';
import { LocalClient } from '../client/local-client.js';
import { openStore, type StoreKind } from '../store/index.js';
import { hostname } from 'node:os';
import type { Node } from 'kubernetes-types/core/v1.js';
import { NodeConnectionRegistry } from '../node/kubelet-server/node-connections.js';
import type { RunningNode } from '../node/node.js';
import { realClock, type Clock } from '../util/clock.js';
import { bootstrap } from './bootstrap.js';
import { electionIdentity, runElected } from './elected.js';
import { kubeconfigYaml, loadOrCreateToken, writeSecretFile } from './kubeconfig.js';
import { loadOrCreateTls } from './tls.js';

export interface LocalNodeOptions {
  name: string;
  runtime: 'process' | 'simulated';
  /** The node's own pod CIDR, or a wider range to take a free /24 from (default 10.244.0.0/16). */
  podCidr?: string;
  labels?: Record<string, string>;
  backoffBaseMs?: number;
}

export interface ServerOptions {
  dataDir: string;
  port: number;
  bindAddress: string;
  store: StoreKind;
  /** The node this process runs pods on; none when undefined (API and controllers only). */
  node?: LocalNodeOptions;
  clock?: Clock;
  log?: (msg: string) => void;
  /** `--job-backoff-base`: the Job controller's pod-failure back-off base (default 10 s). */
  jobBackoffBaseMs?: number;
  /** `--node-monitor-period` / `--node-monitor-grace-period` (5 s / 40 s). */
  nodeMonitorPeriodMs?: number;
  nodeMonitorGracePeriodMs?: number;
  /** `--terminated-pod-gc-threshold` (12500). */
  terminatedPodGcThreshold?: number;
  /** `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds` (300 each). */
  defaultTolerationSeconds?: DefaultTolerationSeconds;
}

export interface RunningServer {
  port: number;
  url: string;
  kubeconfigPath: string;
  token: string;
  /** The cluster CA (PEM) clients trust. */
  caPem: string;
  api: ApiServer;
  client: LocalClient;
  /** Resolves once every controller has listed the world and is watching. */
  controllersStarted: Promise<void>;
  close(): Promise<void>;
}

/**
 * The in-process node's Lease duration: the kubelet's 40 s, or the grace period when that is shorter
 * (`--node-monitor-grace-period 4s` for demos), so this node is never seen as silent while it runs.
 */
export function localLeaseDurationSeconds(gracePeriodMs: number | undefined): number {
  return Math.max(1, Math.min(40, Math.floor((gracePeriodMs ?? 40_000) / 1000)));
}

/** kubelite's own version, reported as the nodes' container runtime version. */
export const KUBELITE_VERSION = '0.1.0';

export async function startServer(opts: ServerOptions): Promise<RunningServer> {
  const log = opts.log ?? ((m: string) => process.stderr.write(`${m}\n`));
  mkdirSync(opts.dataDir, { recursive: true, mode: 0o700 });
  const token = loadOrCreateToken(opts.dataDir);
  const loopbackOrAny = ['127.0.0.1', '::1', 'localhost', '0.0.0.0', '::'];
  const tls = await loadOrCreateTls(opts.dataDir, loopbackOrAny.includes(opts.bindAddress) ? [] : [opts.bindAddress]);
  const store = openStore(opts.store, opts.dataDir);
  const clock = opts.clock ?? realClock;
  // Pods' logs/exec/port-forward reach this process's kubelet directly and other nodes' over HTTPS.
  let api!: ApiServer;
  const nodes = new NodeConnectionRegistry(async (name) => (await api.registry.get(allKinds.find((k) => k.kind === 'Node')!, undefined, name)) as Node, token);
  api = new ApiServer({ store, kinds: allKinds, clock, token, host: opts.bindAddress, port: opts.port, tls: { cert: tls.certPem, key: tls.keyPem }, nodes, log, admission: { defaultTolerationSeconds: opts.defaultTolerationSeconds } });
  let port: number;
  try {
    port = await api.listen();
  } catch (e) {
    await store.close();
    throw e;
  }
  const client = new LocalClient(api.registry, allKinds);
  try {
    await bootstrap(client, port);
  } catch (e) {
    // A failed start must not leave a listening socket behind: the process would never exit.
    await api.close();
    await store.close();
    throw e;
  }
  const host = opts.bindAddress === '0.0.0.0' || opts.bindAddress === '::' ? '127.0.0.1' : opts.bindAddress;
  const url = `https://${host.includes(':') ? `[${host}]` : host}:${port}`;
  const kubeconfigPath = join(opts.dataDir, 'kubeconfig');
  writeSecretFile(kubeconfigPath, kubeconfigYaml(url, token, tls.caPem));
  api.setReady(true);
  // The API is ready before the controllers have read the world (as kube-apiserver is before the
  // controller manager): with many objects stored, their initial lists must not delay readiness.
  let localNode: RunningNode | undefined;
  let closed = false;
  // The controllers, the scheduler and the node load in the background: their modules are half of
  // the server's start-up, and nothing before readiness needs them.
  let elected: Array<ReturnType<typeof runElected>> = [];
  const controllersStarted = (async () => {
    const [{ DEFAULT_JOB_BACKOFF_BASE_MS, newControllers }, { newSchedulerRecorder, Scheduler }, { startNode }, { listNodes, planPodCidrs }] = await Promise.all([
      import('../controllers/index.js'), import('../scheduler/scheduler.js'), import('../node/node.js'), import('../node/agent/node-plan.js'),
    ]);
    if (closed) return;
    // The controller manager and the scheduler each run only while this server holds their lease.
    const identity = electionIdentity(opts.dataDir);
    elected = [
      runElected(client, 'kube-controller-manager', identity, clock, log,
        () => newControllers(client, {
          clock, log, jobBackoffBaseMs: opts.jobBackoffBaseMs ?? DEFAULT_JOB_BACKOFF_BASE_MS,
          nodeMonitorPeriodMs: opts.nodeMonitorPeriodMs, nodeMonitorGracePeriodMs: opts.nodeMonitorGracePeriodMs, terminatedPodGcThreshold: opts.terminatedPodGcThreshold,
        })),
      runElected(client, 'kube-scheduler', identity, clock, log,
        () => [new Scheduler(client, newSchedulerRecorder(client, clock, hostname(), log), clock, log)]),
    ];
    for (const e of elected) await e.started;
    if (closed) return;
    if (opts.node) {
      const n = opts.node;
      const [plan] = planPodCidrs([n.name], await listNodes(client), n.podCidr);
      localNode = await startNode({
        client, name: n.name, runtime: n.runtime, podCIDR: plan!.podCIDR, dataDir: join(opts.dataDir, 'node'), imagesDir: opts.dataDir,
        labels: n.labels ?? {}, kubeletPort: 0, version: KUBELITE_VERSION, clock, log, backoffBaseMs: n.backoffBaseMs,
        leaseDurationSeconds: localLeaseDurationSeconds(opts.nodeMonitorGracePeriodMs),
      });
      nodes.register(n.name, localNode.kubelet);
    }
  })().catch((e) => log(`controllers failed to start: ${e instanceof Error ? e.stack : String(e)}`));
  return {
    port, url, kubeconfigPath, token, caPem: tls.caPem, api, client, controllersStarted,
    async close() {
      if (closed) return;
      closed = true;
      for (const e of elected) await e.stop();
      await controllersStarted;
      await localNode?.stop();
      await api.close();
      await store.close();
    },
  };
}
