// The node lifecycle and taint eviction controllers as the controller manager runs them: one set of
// shared node, lease and pod caches (kube-controller-manager shares informers), each controller with
// its own event source ("node-controller", "taint-eviction-controller").
import { EventRecorder } from '../../client/events.js';
import { Informer } from '../../client/informer.js';
import type { LocalClient } from '../../client/local-client.js';
import type { ControllerOptions } from '../index.js';
import { DEFAULT_NODE_MONITOR_GRACE_PERIOD_MS, DEFAULT_NODE_MONITOR_PERIOD_MS, NodeLifecycleController } from './node-lifecycle-controller.js';
import { PODS_BY_NODE, type LeaseObject, type NodeObject, type PodObject } from './objects.js';
import { TAINT_EVICTION_CONTROLLER, TaintEvictionController } from './taint-eviction.js';

export class NodeLifecycleControllers {
  private readonly nodes: Informer<NodeObject>;
  private readonly leases: Informer<LeaseObject>;
  private readonly pods: Informer<PodObject>;
  private lifecycle?: NodeLifecycleController;
  private eviction?: TaintEvictionController;
  private stopped = false;

  constructor(private readonly client: LocalClient, private readonly opts: ControllerOptions) {
    this.nodes = new Informer<NodeObject>(client, client.kind('', 'Node'), { log: opts.log });
    this.leases = new Informer<LeaseObject>(client, client.kind('coordination.k8s.io', 'Lease'), { namespace: 'kube-node-lease', log: opts.log });
    this.pods = new Informer<PodObject>(client, client.kind('', 'Pod'), { log: opts.log });
    this.pods.addIndex(PODS_BY_NODE, (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []));
  }

  /** Handlers attach once every cache is synced (WaitForNamedCacheSync); attaching replays the caches. */
  async start(): Promise<void> {
    await Promise.all([this.nodes.start(), this.leases.start(), this.pods.start()]);
    if (this.stopped) return;
    const { clock, log } = this.opts;
    const nodeRecorder = new EventRecorder(this.client, { component: 'node-controller' }, clock, { log });
    const evictionRecorder = new EventRecorder(this.client, { component: TAINT_EVICTION_CONTROLLER }, clock, { log });
    this.eviction = new TaintEvictionController(this.client, this.nodes, this.pods, evictionRecorder, clock, log);
    this.lifecycle = new NodeLifecycleController(this.client, this.nodes, this.leases, this.pods, nodeRecorder, {
      clock, log, monitorPeriodMs: this.opts.nodeMonitorPeriodMs ?? DEFAULT_NODE_MONITOR_PERIOD_MS,
      monitorGracePeriodMs: this.opts.nodeMonitorGracePeriodMs ?? DEFAULT_NODE_MONITOR_GRACE_PERIOD_MS,
    });
    this.lifecycle.start();
  }

  stop(): void {
    this.stopped = true;
    this.lifecycle?.stop();
    this.eviction?.stop();
    this.nodes.stop();
    this.leases.stop();
    this.pods.stop();
  }
}
