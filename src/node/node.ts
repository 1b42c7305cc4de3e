// One node of the cluster, whichever process hosts it: registration, lease and status (agent/), the
// kubelet with its pod workers and probes, on the process or simulated runtime. `kubelite server`
// runs one for its own machine; `kubelite agent` runs one or many against a remote server.
import { join } from 'node:path';
import type { ApiClient } from '../client/api-client.js';
import { EventRecorder } from '../client/events.js';
import { Informer } from '../client/informer.js';
import type { KObject } from '../api/object.js';
import type { Clock } from '../util/clock.js';
import { hostFacts, hostResources, simulatedFacts } from './agent/host-facts.js';
import { NodeAgent } from './agent/node-agent.js';
import type { NodeConfig } from './agent/node-status.js';
import { Kubelet } from './kubelet/kubelet.js';
import { probeHooks } from './kubelet/probe-runner.js';
import { ProcessRuntime } from './runtime/process/process-runtime.js';
import type { Runtime } from './runtime/runtime.js';
import { SimulatedRuntime } from './runtime/simulated/simulated-runtime.js';
import { SandboxManager } from './sandbox/sandbox-manager.js';

export interface NodeOptions {
  client: ApiClient;
  /** kubelet's separate clients (server.go: EventClient, HeartbeatClient), each with its own
   *  connections, so a burst of events or pod status writes never delays the other or a lease
   *  renewal. Default: client. */
  eventClient?: ApiClient;
  heartbeatClient?: ApiClient;
  /** The service lister shared by the nodes of one process (see serviceInformer); default: the node's own. */
  services?: Informer<KObject>;
  name: string;
  runtime: 'process' | 'simulated';
  podCIDR: string;
  /** Pod logs, volumes and runtime state live here. */
  dataDir: string;
  /** Where users put image definitions (`<imagesDir>/images/`); defaults to dataDir. */
  imagesDir?: string;
  labels: Record<string, string>;
  /** Capacity of a simulated node (a process node reports the machine's). */
  capacity?: Record<string, string>;
  /** A process node's pod limit (kubelet's --max-pods, default 110). */
  maxPods?: number;
  /** Port of this node's kubelet server, 0 when the API server reaches it in-process. */
  kubeletPort: number;
  version: string;
  clock: Clock;
  log: (msg: string) => void;
  backoffBaseMs?: number;
  /** kubelet's --node-lease-duration-seconds (40 s; renewed every quarter of it). */
  leaseDurationSeconds?: number;
}

export interface RunningNode {
  name: string;
  agent: NodeAgent;
  kubelet: Kubelet;
  runtime: Runtime;
  stop(): Promise<void>;
}

export async function createRuntime(o: Pick<NodeOptions, 'runtime' | 'podCIDR' | 'dataDir' | 'name' | 'clock'>): Promise<Runtime> {
  const host = hostFacts();
  if (o.runtime === 'simulated') return new SimulatedRuntime({ podCIDR: o.podCIDR, hostIP: host.internalIP, clock: o.clock });
  const stateDir = join(o.dataDir, 'runtime');
  const sandboxes = await SandboxManager.create({ stateDir, podCidr: o.podCIDR, nodeName: o.name });
  return new ProcessRuntime({ stateDir, sandboxes, clock: o.clock });
}

/** The kubelet's service lister: every Service, synced before any pod starts (its env needs them). */
export async function serviceInformer(client: ApiClient, log?: (m: string) => void): Promise<Informer<KObject>> {
  const services = new Informer(client, client.kind('', 'Service'), { log });
  await services.start();
  return services;
}

export async function startNode(o: NodeOptions): Promise<RunningNode> {
  const host = hostFacts();
  const simulated = o.runtime === 'simulated';
  const runtime = await createRuntime(o);
  const ownServices = o.services ? undefined : await serviceInformer(o.client, o.log);
  const services = o.services ?? ownServices!;
  const cfg: NodeConfig = {
    name: o.name, labels: o.labels, podCIDR: o.podCIDR, kubeletPort: o.kubeletPort,
    runtimeName: o.runtime, runtimeVersion: o.version,
    facts: simulated ? simulatedFacts(o.name, host) : host,
    ...(simulated ? { capacity: o.capacity ?? { cpu: '32', memory: '256Gi', pods: '110' } } : hostResources(o.dataDir, o.maxPods)),
  };
  const recorder = new EventRecorder(o.eventClient ?? o.client, { component: 'kubelet', host: o.name }, o.clock, { log: o.log });
  const agent = new NodeAgent(o.heartbeatClient ?? o.client, cfg, { clock: o.clock, recorder, log: o.log, leaseDurationSeconds: o.leaseDurationSeconds });
  const event = (pod: Parameters<Parameters<typeof probeHooks>[2]>[0], type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string) =>
    recorder.event(pod as never, type, reason, message, { fieldPath });
  const kubelet = new Kubelet({
    client: o.client, nodeName: o.name, hostIP: simulated ? simulatedFacts(o.name, host).internalIP : host.internalIP,
    runtime, dataDir: join(o.dataDir, 'kubelet'), imagesDir: o.imagesDir ?? o.dataDir, clock: o.clock, recorder,
    probes: probeHooks(runtime, o.clock, event), log: o.log, backoffBaseMs: o.backoffBaseMs, services,
  });
  await agent.start();
  await kubelet.start();
  return {
    name: o.name, agent, kubelet, runtime,
    async stop() {
      agent.stop();
      kubelet.stop();
      ownServices?.stop();
      // A clean shutdown stops the pods' processes (a restart starts them again per restartPolicy);
      // only a crashed agent leaves them running, for the next one to adopt.
      await runtime.close({ removeAll: true });
    },
  };
}
