// The scheduler (kube-scheduler's default profile, reduced; pkg/scheduler/schedule_one.go): watches
// nodes and pods, takes pending pods meant for default-scheduler one at a time, assumes each on the
// best node and binds it in the background (so the next pod is placed while the binding is written),
// and marks a pod that fits nowhere PodScheduled=False/Unschedulable with a FailedScheduling event.
import { hostname } from 'node:os';
import type { Node, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';
import { isConflict, isNotFound, type ApiClient } from '../client/api-client.js';
import { EventRecorder } from '../client/events.js';
import { Informer, objectKey } from '../client/informer.js';
import { realTimers, type Timers } from '../client/workqueue.js';
import { rfc3339, type Clock } from '../util/clock.js';
import { schedulePod } from './algorithm.js';
import { SchedulerCache } from './cache.js';
import { failedSchedulingMessage, NO_NODES_AVAILABLE, truncateMessage } from './fit-error.js';
import { effectiveTaints, podOnNode } from './node-info.js';
import { SchedulingQueue } from './queue.js';

export const SCHEDULER_NAME = 'default-scheduler';
const PODS_PER_YIELD = 64; // lets watch events and requests in between a burst of pods

type PodObject = KObject & Pod;

/** The recorder kube-scheduler reports with: component default-scheduler, instance default-scheduler-<host>. */
export function newSchedulerRecorder(client: ApiClient, clock: Clock, host = hostname(), log?: (m: string) => void): EventRecorder {
  return new EventRecorder(client, { component: SCHEDULER_NAME }, clock, { reportingInstance: `${SCHEDULER_NAME}-${host}`, log });
}

const isTerminal = (p: Pod) => p.status?.phase === 'Succeeded' || p.status?.phase === 'Failed';

/** A pod this scheduler should place (eventhandlers.go responsibleForPod + the unassigned-pod filter). */
function isPending(p: Pod): boolean {
  return !p.spec?.nodeName && (p.spec?.schedulerName ?? SCHEDULER_NAME) === SCHEDULER_NAME
    && !p.metadata?.deletionTimestamp && !isTerminal(p) && !p.spec?.schedulingGates?.length;
}

/** What a pending pod's scheduling depends on; status writes (ours included) do not count. */
const podSignature = (p: Pod) => JSON.stringify([p.spec, p.metadata?.labels, p.metadata?.annotations]);

/** What can turn a node from unfit to fit; heartbeats alone do not move unschedulable pods. */
const nodeSignature = (n: Node) => JSON.stringify([n.metadata?.labels, effectiveTaints(n), n.spec?.unschedulable, n.status?.allocatable]);

class Unchanged extends Error {}

export class Scheduler {
  private readonly podDef: KindDef;
  private readonly pods: Informer<PodObject>;
  private readonly nodes: Informer<KObject & Node>;
  private readonly cache = new SchedulerCache();
  private readonly queue: SchedulingQueue;
  private readonly inflight = new Set<Promise<void>>();
  private running = false;

  constructor(
    private readonly client: ApiClient,
    private readonly recorder: EventRecorder,
    private readonly clock: Clock,
    private readonly log: (m: string) => void,
    opts: { timers?: Timers } = {},
  ) {
    this.podDef = client.kind('', 'Pod');
    this.queue = new SchedulingQueue(clock, opts.timers ?? realTimers);
    this.nodes = new Informer(client, client.kind('', 'Node'), { log });
    this.pods = new Informer(client, this.podDef, { log });
    this.nodes.addHandlers({
      onAdd: (n) => { this.cache.setNode(n); this.queue.moveAllToActiveOrBackoff(); },
      onUpdate: (old, n) => { this.cache.setNode(n); if (nodeSignature(old) !== nodeSignature(n)) this.queue.moveAllToActiveOrBackoff(); },
      onDelete: (n) => this.cache.removeNode(n.metadata.name!),
    });
    this.pods.addHandlers({
      onAdd: (p) => this.podChanged(undefined, p),
      onUpdate: (old, p) => this.podChanged(old, p),
      onDelete: (p) => this.podGone(objectKey(p)),
    });
  }

  async start(): Promise<void> {
    await this.nodes.start();
    await this.pods.start();
    this.running = true;
    void this.loop();
  }

  stop(): void {
    this.running = false;
    this.queue.close();
    this.pods.stop();
    this.nodes.stop();
  }

  /** Resolves once no pod is ready to be tried and every write started has finished (tests). */
  async settled(): Promise<void> {
    for (;;) {
      await new Promise((r) => setImmediate(r));
      if (this.inflight.size) { await Promise.all([...this.inflight]); continue; }
      if (!this.running || !this.queue.hasActive()) break;
    }
    await this.recorder.flush();
  }

  private podChanged(old: PodObject | undefined, p: PodObject): void {
    const key = objectKey(p);
    if (p.spec?.nodeName) {
      this.queue.delete(key);
      if (isTerminal(p)) this.podGone(key);
      else this.cache.addPod(key, p, p.spec.nodeName);
      return;
    }
    if (!isPending(p)) { this.queue.delete(key); return; }
    if (this.cache.isAssumed(key)) return; // its binding is being written
    if (!old || podSignature(old) !== podSignature(p) || !this.queue.isUnschedulable(key)) this.queue.add(key);
  }

  /** A pod deleted, or bound and finished: its resources are free again. */
  private podGone(key: string): void {
    this.queue.delete(key);
    if (this.cache.removePod(key)) this.queue.moveAllToActiveOrBackoff();
  }

  private async loop(): Promise<void> {
    let n = 0;
    while (this.running) {
      const key = await this.queue.pop();
      if (key === undefined) return;
      try {
        this.scheduleOne(key);
      } catch (e) {
        this.log(`scheduler: ${key}: ${String(e)}`);
        this.queue.failed(key, 'error');
      }
      if (++n % PODS_PER_YIELD === 0) await new Promise((r) => setImmediate(r));
    }
  }

  private scheduleOne(key: string): void {
    const pod = this.pods.get(key);
    if (!pod || !isPending(pod) || this.cache.isAssumed(key)) return;
    const out = schedulePod({ pod, counted: podOnNode(pod) }, this.cache);
    if ('node' in out) {
      this.cache.assume(key, pod, out.node.name);
      this.track(this.bind(key, pod, out.node.name));
      return;
    }
    const message = truncateMessage('noNodes' in out ? NO_NODES_AVAILABLE : failedSchedulingMessage(pod, out.diagnosis));
    this.queue.failed(key, 'unschedulable');
    this.recorder.event(pod, 'Warning', 'FailedScheduling', message, { action: 'Scheduling' });
    this.track(this.markUnschedulable(pod, message));
  }

  private async bind(key: string, pod: PodObject, nodeName: string): Promise<void> {
    const { namespace, name } = pod.metadata as { namespace: string; name: string };
    try {
      await this.client.bindPod(namespace, name, nodeName);
    } catch (e) {
      this.cache.forget(key);
      // Gone, being deleted or bound by someone else: the pod watch says what happens next.
      if (isNotFound(e) || isConflict(e)) { this.queue.delete(key); return; }
      this.log(`scheduler: binding ${key} to ${nodeName}: ${String(e)}`);
      this.queue.failed(key, 'error');
      return;
    }
    this.queue.done(key);
    this.recorder.event(pod, 'Normal', 'Scheduled', `Successfully assigned ${namespace}/${name} to ${nodeName}`, { action: 'Binding' });
  }

  /** PodScheduled=False/Unschedulable, written only when it changes (lastTransitionTime moves with status). */
  private async markUnschedulable(pod: PodObject, message: string): Promise<void> {
    const want: PodCondition = { type: 'PodScheduled', status: 'False', lastProbeTime: undefined, reason: 'Unschedulable', message };
    const same = (c: PodCondition | undefined) => c?.status === want.status && c.reason === want.reason && c.message === want.message;
    if (same(pod.status?.conditions?.find((c) => c.type === 'PodScheduled'))) return;
    const { namespace, name, uid } = pod.metadata;
    try {
      await this.client.mutate(this.podDef, namespace, name!, (cur) => {
        const p = cur as PodObject;
        if (p.metadata.uid !== uid || p.spec?.nodeName) throw new Unchanged();
        const conditions = [...(p.status?.conditions ?? [])];
        const i = conditions.findIndex((c) => c.type === 'PodScheduled');
        const prev = i >= 0 ? conditions[i] : undefined;
        if (same(prev)) throw new Unchanged();
        const lastTransitionTime = prev?.status === want.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(this.clock.now());
        const next = { type: 'PodScheduled', status: 'False', lastProbeTime: null, lastTransitionTime, reason: 'Unschedulable', message } as unknown as PodCondition;
        if (i >= 0) conditions[i] = next; else conditions.push(next);
        return { ...p, status: { ...p.status, conditions } } as KObject;
      }, { subresource: 'status' });
    } catch (e) {
      if (!(e instanceof Unchanged) && !isNotFound(e)) this.log(`scheduler: status of ${namespace}/${name}: ${String(e)}`);
    }
  }

  private track(p: Promise<void>): void {
    this.inflight.add(p);
    void p.finally(() => this.inflight.delete(p));
  }
}
