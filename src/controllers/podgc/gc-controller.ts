// The pod garbage collector (pkg/controller/podgc/gc_controller.go): every 20 s it force-deletes the
// pods plan.ts selects, first moving those not yet finished to phase Failed (an orphaned pod would
// otherwise stay Running forever: no kubelet is left to say otherwise). A node missing from the cache
// is quarantined for 40 s and then looked up, so a node that is merely slow to appear keeps its pods.
import type { Node, PodCondition } from 'kubernetes-types/core/v1.js';
import { isNotFound, type ApiClient } from '../../client/api-client.js';
import { Informer, objectKey } from '../../client/informer.js';
import type { Clock } from '../../util/clock.js';
import { withPodCondition } from '../node-lifecycle/pod-conditions.js';
import type { NodeObject, PodObject } from '../node-lifecycle/objects.js';
import {
  DEFAULT_TERMINATED_POD_GC_THRESHOLD, GC_CHECK_PERIOD_MS, missingNodes, orphanedPods, QUARANTINE_MS, terminatedPodsToDelete, terminatingOutOfServicePods, unscheduledTerminatingPods,
} from './plan.js';

const ORPHAN_CONDITION: PodCondition = { type: 'DisruptionTarget', status: 'True', reason: 'DeletionByPodGC', message: 'PodGC: node no longer exists' };

export interface PodGCOptions {
  clock: Clock;
  log: (m: string) => void;
  /** `--terminated-pod-gc-threshold` (12500); 0 or less keeps every terminated pod. */
  terminatedPodGcThreshold?: number;
}

export class PodGCController {
  readonly pods: Informer<PodObject>;
  readonly nodes: Informer<NodeObject>;
  /** The delaying node queue: a missing node's name and when its quarantine ends. */
  private readonly quarantine = new Map<string, number>();
  private timer?: ReturnType<typeof setInterval>;
  private running?: Promise<void>;

  constructor(private readonly client: ApiClient, private readonly opts: PodGCOptions, informers?: { pods: Informer<PodObject>; nodes: Informer<NodeObject> }) {
    this.pods = informers?.pods ?? new Informer<PodObject>(client, client.kind('', 'Pod'), { log: opts.log });
    this.nodes = informers?.nodes ?? new Informer<NodeObject>(client, client.kind('', 'Node'), { log: opts.log });
  }

  async start(): Promise<void> {
    await Promise.all([this.pods.start(), this.nodes.start()]);
    this.timer = setInterval(() => {
      if (this.running) return;
      this.running = this.gc().catch((e: unknown) => this.opts.log(`pod-garbage-collector: ${String(e)}`)).finally(() => { this.running = undefined; });
    }, GC_CHECK_PERIOD_MS);
    this.timer.unref?.();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.pods.stop();
    this.nodes.stop();
  }

  /** One pass over the caches. */
  async gc(): Promise<void> {
    const pods = [...this.pods.list()];
    const nodes = new Map<string, Node>([...this.nodes.list()].map((n) => [n.metadata.name!, n]));
    for (const p of terminatedPodsToDelete(pods, this.opts.terminatedPodGcThreshold ?? DEFAULT_TERMINATED_POD_GC_THRESHOLD)) await this.markFailedAndDelete(p);
    for (const p of terminatingOutOfServicePods(pods, nodes)) await this.markFailedAndDelete(p);
    await this.gcOrphaned(pods, nodes);
    for (const p of unscheduledTerminatingPods(pods)) await this.markFailedAndDelete(p);
  }

  private async gcOrphaned(pods: PodObject[], nodes: Map<string, Node>): Promise<void> {
    const now = this.opts.clock.now();
    for (const name of missingNodes(pods, nodes)) {
      const at = now + QUARANTINE_MS;
      if (!this.quarantine.has(name) || this.quarantine.get(name)! > at) this.quarantine.set(name, at);
    }
    const deleted = new Set<string>();
    for (const [name, at] of [...this.quarantine]) {
      if (at > now) continue;
      this.quarantine.delete(name);
      if (nodes.has(name)) continue;
      try {
        await this.client.get(this.client.kind('', 'Node'), undefined, name);
      } catch (e) {
        if (isNotFound(e)) deleted.add(name);
        else this.opts.log(`pod-garbage-collector: getting node ${name}: ${String(e)}`); // looked at again next pass
      }
    }
    for (const p of orphanedPods(pods, deleted)) {
      this.opts.log(`pod-garbage-collector: found orphaned pod ${objectKey(p)} assigned to node ${p.spec?.nodeName}, deleting`);
      await this.markFailedAndDelete(p, ORPHAN_CONDITION);
    }
  }

  /** markFailedAndDeletePodWithCondition: phase Failed (with the condition) unless finished, then a forced delete. */
  private async markFailedAndDelete(pod: PodObject, condition?: PodCondition): Promise<void> {
    const def = this.client.kind('', 'Pod');
    const { namespace, name } = pod.metadata;
    this.opts.log(`pod-garbage-collector: force deleting pod ${namespace}/${name}`);
    try {
      const phase = pod.status?.phase;
      if (phase !== 'Succeeded' && phase !== 'Failed') {
        await this.client.mutate(def, namespace, name!, (cur) => {
          if (cur.metadata.uid !== pod.metadata.uid) throw Object.assign(new Error('pod replaced'), { reason: 'NotFound' });
          const status = { ...(cur.status as PodObject['status']), phase: 'Failed' };
          return { ...cur, status: (condition && withPodCondition(status, condition, this.opts.clock.now())) || status };
        }, { subresource: 'status' });
      }
      await this.client.delete(def, namespace, name!, { gracePeriodSeconds: 0, preconditions: { uid: pod.metadata.uid } });
    } catch (e) {
      if (!isNotFound(e)) this.opts.log(`pod-garbage-collector: deleting pod ${namespace}/${name}: ${String(e)}`);
    }
  }
}
