// The node lifecycle controller (pkg/controller/nodelifecycle/node_lifecycle_controller.go): every
// monitor period it checks each node's heartbeats (node-health.ts), turns the conditions of a silent
// node Unknown, marks the pods of a node that stopped being Ready not ready, and queues NotReady /
// unreachable nodes for their NoExecute taint (at a per-zone rate, zone-tainters.ts); on every node change it
// keeps the NoSchedule taints in step with the conditions. Evicting pods from NoExecute-tainted nodes
// is the taint eviction controller's job (taint-eviction.ts).
import type { Node, NodeCondition } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import type { ApiClient } from '../../client/api-client.js';
import { objectKey, type Informer } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import { readyCondition, tryUpdateNodeHealth, type NodeHealth } from './node-health.js';
import { NodeWrites } from './node-writes.js';
import {
  managedNoScheduleTaints, NOT_READY_NO_EXECUTE, taintExists, taintSetDiff, UNREACHABLE_NO_EXECUTE, wantedNoScheduleTaints,
} from './taints.js';
import { ZoneTainters } from './zone-tainters.js';
import { zoneKey } from './zones.js';
import { PODS_BY_NODE, type LeaseObject, type NodeObject, type PodObject, type Recorder } from './objects.js';

export interface NodeLifecycleOptions {
  clock: Clock;
  log: (m: string) => void;
  /** `--node-monitor-period`: how often heartbeats are checked. */
  monitorPeriodMs: number;
  /** `--node-monitor-grace-period`: silence after which a node's conditions become Unknown. */
  monitorGracePeriodMs: number;
  /** Grace for a node whose kubelet never posted a status (upstream's --node-startup-grace-period, 1 m). */
  startupGracePeriodMs?: number;
  timers?: Timers;
}

export const DEFAULT_NODE_MONITOR_PERIOD_MS = 5_000;
export const DEFAULT_NODE_MONITOR_GRACE_PERIOD_MS = 40_000;
const DEFAULT_NODE_STARTUP_GRACE_PERIOD_MS = 60_000;
const NODE_HEALTH_UPDATE_RETRY = 5; // as scheduler.NodeHealthUpdateRetry
const LABEL_EXCLUDE_DISRUPTION = 'node.kubernetes.io/exclude-disruption';
const NOT_FOUND_RETRY_MS = 50; // doNoExecuteTaintingPass retries a node without a Ready condition this soon

const nodeRef = (n: Node): KObject => ({ apiVersion: 'v1', kind: 'Node', metadata: { name: n.metadata?.name, uid: n.metadata?.uid } });

export class NodeLifecycleController {
  private readonly health = new Map<string, NodeHealth>();
  private readonly known = new Map<string, NodeObject>();
  private readonly zones: ZoneTainters;
  private readonly nodesToRetry = new Set<string>();
  private readonly noScheduleQueue: WorkQueue;
  private readonly podQueue: WorkQueue;
  private monitorTimer?: ReturnType<typeof setInterval>;
  private monitoring?: Promise<void>;
  private readonly timing;
  private readonly writes: NodeWrites;

  constructor(
    private readonly client: ApiClient,
    private readonly nodes: Informer<NodeObject>,
    private readonly leases: Informer<LeaseObject>,
    private readonly pods: Informer<PodObject>,
    private readonly recorder: Recorder,
    private readonly opts: NodeLifecycleOptions,
  ) {
    this.writes = new NodeWrites(client, nodes, recorder, opts.clock, opts.log);
    this.zones = new ZoneTainters(opts.clock);
    this.timing = { monitorGracePeriodMs: opts.monitorGracePeriodMs, startupGracePeriodMs: opts.startupGracePeriodMs ?? DEFAULT_NODE_STARTUP_GRACE_PERIOD_MS };
    const onError = (what: string) => (key: string, err: unknown) => opts.log(`node-lifecycle: ${what} ${key}: ${String(err)}`);
    this.noScheduleQueue = new WorkQueue((name) => this.doNoScheduleTaintingPass(name), { timers: opts.timers, onError: onError('NoSchedule taints of node') });
    this.podQueue = new WorkQueue((key) => this.processPod(key), { timers: opts.timers, onError: onError('pod') });
    nodes.addHandlers({
      onAdd: (n) => this.noScheduleQueue.add(n.metadata.name!),
      onUpdate: (_o, n) => this.noScheduleQueue.add(n.metadata.name!),
    });
    pods.addHandlers({
      onAdd: (p) => { if (p.spec?.nodeName) this.podQueue.add(objectKey(p)); },
      onUpdate: (o, p) => { if (p.spec?.nodeName && p.spec.nodeName !== o.spec?.nodeName) this.podQueue.add(objectKey(p)); },
    });
  }

  /** Starts the monitor loop (the caches are synced by the caller). */
  start(): void {
    const tick = () => {
      if (this.monitoring) return; // a slow pass is not overlapped, as wait.Until waits for it
      this.monitoring = this.monitorNodeHealth()
        .catch((e: unknown) => this.opts.log(`node-lifecycle: monitoring node health: ${e instanceof Error ? e.stack : String(e)}`))
        .finally(() => { this.monitoring = undefined; });
    };
    tick();
    this.monitorTimer = setInterval(tick, this.opts.monitorPeriodMs);
    this.monitorTimer.unref?.();
  }

  stop(): void {
    if (this.monitorTimer) clearInterval(this.monitorTimer);
    this.noScheduleQueue.stop();
    this.podQueue.stop();
  }

  /** Resolves once queued NoSchedule and pod work is done (tests). */
  async idle(): Promise<void> { await Promise.all([this.noScheduleQueue.idle(), this.podQueue.idle()]); }

  private now(): number { return this.opts.clock.now(); }

  private podsOn(name: string): PodObject[] { return this.pods.byIndex(PODS_BY_NODE, name); }

  private leaseRenewTime(name: string): number | undefined {
    const t = this.leases.get(`kube-node-lease/${name}`)?.spec?.renewTime;
    return t ? Date.parse(t) : undefined;
  }

  /** One pass of monitorNodeHealth, then the NoExecute tainting it queued (upstream runs that every 100 ms). */
  async monitorNodeHealth(): Promise<void> {
    const nodes = [...this.nodes.list()];
    const names = new Set(nodes.map((n) => n.metadata.name!));
    for (const n of nodes) {
      this.zones.queueFor(n);
      if (this.known.has(n.metadata.name!)) continue;
      this.nodeEvent(n, 'RegisteredNode', `Registered Node ${n.metadata.name} in Controller`);
      this.known.set(n.metadata.name!, n);
      await this.markNodeAsReachable(n);
    }
    for (const [name, n] of [...this.known]) {
      if (names.has(name)) continue;
      this.nodeEvent(n, 'RemovingNode', `Removing Node ${name} from Controller`);
      this.known.delete(name);
      this.nodesToRetry.delete(name);
    }
    const zoneConditions = new Map<string, Array<NodeCondition | undefined>>();
    for (const cached of nodes) {
      const r = await this.updateNodeHealth(cached);
      if (!r) continue;
      const { node, observedReady, currentReady } = r;
      if (!(node.metadata.labels ?? {})[LABEL_EXCLUDE_DISRUPTION]) {
        const z = zoneKey(node);
        zoneConditions.set(z, [...(zoneConditions.get(z) ?? []), currentReady]);
      }
      if (!currentReady) { this.nodesToRetry.delete(node.metadata.name!); continue; }
      await this.processTaintBasedEviction(node, observedReady);
      const becameNotReady = currentReady.status !== 'True' && observedReady.status === 'True';
      if (becameNotReady) this.nodeEvent(node, 'NodeNotReady', `Node ${node.metadata.name} status is now: NodeNotReady`, 'status');
      if (becameNotReady || (this.nodesToRetry.has(node.metadata.name!) && observedReady.status !== 'True')) {
        if (!(await this.writes.markPodsNotReady(node.metadata.name!, this.podsOn(node.metadata.name!)))) { this.nodesToRetry.add(node.metadata.name!); continue; }
      }
      this.nodesToRetry.delete(node.metadata.name!);
    }
    await this.zones.handleDisruption(zoneConditions, {
      markAllReachable: async () => { for (const n of nodes) await this.markNodeAsReachable(n); },
      restartHealthClocks: () => {
        const now = this.now();
        for (const n of nodes) {
          const h = this.health.get(n.metadata.name!);
          if (h) this.health.set(n.metadata.name!, { ...h, probeTimestamp: now, readyTransitionTimestamp: now });
        }
      },
      log: this.opts.log,
    });
    await this.doNoExecuteTaintingPass();
  }

  /** tryUpdateNodeHealth with its write, retried on a fresh read up to five times. */
  private async updateNodeHealth(cached: NodeObject): Promise<{ node: NodeObject; observedReady: NodeCondition; currentReady?: NodeCondition } | undefined> {
    const def = this.client.kind('', 'Node');
    let node = cached;
    for (let attempt = 0; attempt < NODE_HEALTH_UPDATE_RETRY; attempt++) {
      const name = node.metadata.name!;
      const d = tryUpdateNodeHealth(node, this.leaseRenewTime(name), this.health.get(name), this.now(), this.timing);
      this.health.set(name, d.health);
      if (!d.statusToWrite) return { node, observedReady: d.observedReady, currentReady: d.currentReady };
      try {
        const written = (await this.client.updateStatus(def, { ...node, status: d.statusToWrite })) as NodeObject;
        return { node: written, observedReady: d.observedReady, currentReady: d.currentReady };
      } catch (e) {
        this.opts.log(`node-lifecycle: updating node ${name}: ${String(e)}`);
        try { node = (await this.client.get(def, undefined, name)) as NodeObject; } catch { return undefined; } // probably deleted
      }
    }
    this.opts.log(`node-lifecycle: health of node ${node.metadata.name} not updated; no pods will be evicted`);
    return undefined;
  }

  private async processTaintBasedEviction(node: NodeObject, observedReady: NodeCondition): Promise<void> {
    switch (observedReady.status) {
      case 'False':
        // Already unreachable: swap at once rather than wait for the rate limiter.
        if (taintExists(node.spec?.taints, UNREACHABLE_NO_EXECUTE)) await this.writes.swapTaint(node.metadata.name!, NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE);
        else this.markNodeForTainting(node, 'False');
        return;
      case 'Unknown':
        if (taintExists(node.spec?.taints, NOT_READY_NO_EXECUTE)) await this.writes.swapTaint(node.metadata.name!, UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE);
        else this.markNodeForTainting(node, 'Unknown');
        return;
      case 'True':
        await this.markNodeAsReachable(node);
    }
  }

  private markNodeForTainting(node: NodeObject, status: 'False' | 'Unknown'): void {
    const q = this.zones.queueFor(node);
    const want = status === 'False' ? NOT_READY_NO_EXECUTE : UNREACHABLE_NO_EXECUTE;
    if (!taintExists(node.spec?.taints, want)) q.remove(node.metadata.name!);
    q.add(node.metadata.name!, node.metadata.uid ?? '');
  }

  /** Removes both NoExecute taints and forgets the node's place in the tainting queue. */
  private async markNodeAsReachable(node: NodeObject): Promise<void> {
    try {
      await this.writes.updateTaints(node.metadata.name!, [], [UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE], node);
    } catch (e) {
      this.opts.log(`node-lifecycle: removing taints from node ${node.metadata.name}: ${String(e)}`);
      return;
    }
    this.zones.queueFor(node).remove(node.metadata.name!);
  }

  /** doNoExecuteTaintingPass: the NoExecute taint matching each queued node's Ready condition. */
  async doNoExecuteTaintingPass(): Promise<void> {
    for (const q of this.zones.all()) {
      await q.try(async (name) => {
        const node = this.nodes.get(name);
        if (!node) return { ok: true };
        const ready = readyCondition(node.status);
        if (!ready) return { ok: false, retryAfterMs: NOT_FOUND_RETRY_MS };
        // Unreachable and not-ready mirror the one Ready condition, so they exclude each other.
        if (ready.status === 'False') return { ok: await this.writes.swapTaint(name, NOT_READY_NO_EXECUTE, UNREACHABLE_NO_EXECUTE) };
        if (ready.status === 'Unknown') return { ok: await this.writes.swapTaint(name, UNREACHABLE_NO_EXECUTE, NOT_READY_NO_EXECUTE) };
        return { ok: true }; // Ready again meanwhile: no taint
      });
    }
  }

  /** doNoScheduleTaintingPass: NoSchedule taints follow the node's conditions and unschedulable. */
  private async doNoScheduleTaintingPass(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) return;
    const { add, remove } = taintSetDiff(wantedNoScheduleTaints(node), managedNoScheduleTaints(node));
    if (add.length || remove.length) await this.writes.updateTaints(name, add, remove);
  }

  /** processPod: a pod newly bound to a node that is not Ready is marked not ready at once. */
  private async processPod(key: string): Promise<void> {
    const pod = this.pods.get(key);
    const nodeName = pod?.spec?.nodeName;
    if (!pod || !nodeName) return;
    const health = this.health.get(nodeName);
    if (!health || !this.nodes.get(nodeName)) return;
    const ready = readyCondition(health.status);
    if (!ready || ready.status === 'True') return;
    if (!(await this.writes.markPodsNotReady(nodeName, [pod]))) throw new Error(`pod ${key} not marked not ready`);
  }

  /** RecordNodeEvent ("Node <n> event: <what>") or RecordNodeStatusChange (the message as given). */
  private nodeEvent(node: Node, reason: string, what: string, kind: 'event' | 'status' = 'event'): void {
    this.recorder.event(nodeRef(node), 'Normal', reason, kind === 'event' ? `Node ${node.metadata?.name} event: ${what}` : what);
  }
}
