// The taint eviction controller (pkg/controller/tainteviction/taint_eviction.go, run as its own
// "taint-eviction-controller" since SeparateTaintEvictionController): a pod on a node with a NoExecute
// taint it does not tolerate is deleted at once; one that tolerates every such taint for a limited
// time is deleted when the shortest tolerationSeconds has passed since the taint was seen; one that
// tolerates forever stays. Removing the taints cancels scheduled deletions.
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { isNotFound, type ApiClient } from '../../client/api-client.js';
import { objectKey, type Informer } from '../../client/informer.js';
import { realTimers, type Timers } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import { tolerates } from '../../scheduler/filters/taint-toleration.js';
import { PODS_BY_NODE, type NodeObject, type PodObject, type Recorder } from './objects.js';
import { TAINT_DISRUPTION, withPodCondition } from './pod-conditions.js';

export const TAINT_EVICTION_CONTROLLER = 'taint-eviction-controller';
const DELETE_RETRIES = 5; // as upstream `retries`

const noExecuteTaints = (taints: readonly Taint[] | undefined) => (taints ?? []).filter((t) => t.effect === 'NoExecute');

/** GetMatchingTolerations: whether every taint is tolerated, and the first toleration used for each. */
export function matchingTolerations(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { all: boolean; used: Toleration[] } {
  const used: Toleration[] = [];
  for (const taint of taints) {
    const t = (tolerations ?? []).find((x) => tolerates(x, taint));
    if (!t) return { all: false, used: [] };
    used.push(t);
  }
  return { all: true, used };
}

/** getMinTolerationTime in ms: 0 when any is ≤ 0 (or none are used), -1 when all are forever. */
export function minTolerationMs(used: readonly Toleration[]): number {
  if (used.length === 0) return 0;
  let min = Infinity;
  for (const t of used) {
    if (t.tolerationSeconds === undefined || t.tolerationSeconds === null) continue;
    if (t.tolerationSeconds <= 0) return 0;
    min = Math.min(min, t.tolerationSeconds);
  }
  return min === Infinity ? -1 : min * 1000;
}

/** What to do with one pod given its node's NoExecute taints (processPodOnNode), scheduled work aside. */
export function evictionDecision(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined): { kind: 'cancel' } | { kind: 'now' } | { kind: 'after'; ms: number } {
  if (taints.length === 0) return { kind: 'cancel' };
  const { all, used } = matchingTolerations(taints, tolerations);
  if (!all) return { kind: 'now' };
  const ms = minTolerationMs(used);
  return ms < 0 ? { kind: 'cancel' } : { kind: 'after', ms };
}

/** A scheduled deletion (TimedWorker); `fired` once it ran, kept so the pod is not deleted twice. */
interface Work { createdAt: number; fireAt: number; handle?: unknown; fired: boolean }

export class TaintEvictionController {
  private readonly taintedNodes = new Map<string, Taint[]>();
  private readonly work = new Map<string, Work>();
  private readonly timers: Timers;
  private readonly running = new Set<Promise<void>>();

  constructor(
    private readonly client: ApiClient,
    private readonly nodes: Informer<NodeObject>,
    private readonly pods: Informer<PodObject>,
    private readonly recorder: Recorder,
    private readonly clock: Clock,
    private readonly log: (m: string) => void,
    opts: { timers?: Timers } = {},
  ) {
    this.timers = opts.timers ?? realTimers;
    nodes.addHandlers({
      onAdd: (n) => this.handleNodeUpdate(n.metadata.name!),
      onUpdate: (o, n) => { if (JSON.stringify(noExecuteTaints(o.spec?.taints)) !== JSON.stringify(noExecuteTaints(n.spec?.taints))) this.handleNodeUpdate(n.metadata.name!); },
      onDelete: (n) => this.handleNodeUpdate(n.metadata.name!),
    });
    pods.addHandlers({
      onAdd: (p) => this.handlePodUpdate(objectKey(p), p.spec?.nodeName ?? ''),
      onUpdate: (o, p) => {
        if (o.spec?.nodeName === p.spec?.nodeName && JSON.stringify(o.spec?.tolerations ?? []) === JSON.stringify(p.spec?.tolerations ?? [])) return;
        this.handlePodUpdate(objectKey(p), p.spec?.nodeName ?? '');
      },
      onDelete: (p) => this.handlePodUpdate(objectKey(p), p.spec?.nodeName ?? ''),
    });
  }

  stop(): void {
    for (const w of this.work.values()) if (w.handle !== undefined) this.timers.clearTimeout(w.handle);
    this.work.clear();
  }

  /** Resolves once every deletion started so far has finished (tests). */
  async idle(): Promise<void> { while (this.running.size) await Promise.all([...this.running]); }

  /** When the pod's deletion is scheduled (tests, describe). */
  scheduledAt(podKey: string): number | undefined { const w = this.work.get(podKey); return w && !w.fired ? w.fireAt : undefined; }

  private handleNodeUpdate(name: string): void {
    const node = this.nodes.get(name);
    const taints = node ? noExecuteTaints(node.spec?.taints) : [];
    if (taints.length) this.taintedNodes.set(name, taints); else this.taintedNodes.delete(name);
    if (!node) return;
    const pods = this.pods.byIndex(PODS_BY_NODE, name);
    if (taints.length === 0) {
      for (const p of pods) this.cancelWithEvent(objectKey(p));
      return;
    }
    const now = this.clock.now();
    for (const p of pods) this.processPodOnNode(objectKey(p), p.spec?.tolerations, taints, now);
  }

  private handlePodUpdate(key: string, nodeName: string): void {
    const pod = this.pods.get(key);
    if (!pod) { this.cancelWithEvent(key); return; }
    if (pod.spec?.nodeName !== nodeName || !nodeName) return;
    const taints = this.taintedNodes.get(nodeName);
    if (!taints) return; // untainted node (or deleted): nothing scheduled to keep
    this.processPodOnNode(key, pod.spec?.tolerations, taints, this.clock.now());
  }

  private processPodOnNode(key: string, tolerations: readonly Toleration[] | undefined, taints: readonly Taint[], now: number): void {
    const d = evictionDecision(taints, tolerations);
    if (d.kind === 'cancel') { this.cancelWithEvent(key); return; }
    if (d.kind === 'now') { this.cancelWithEvent(key); this.addWork(key, now, now); return; }
    const scheduled = this.work.get(key);
    let start = now;
    if (scheduled) {
      start = scheduled.createdAt;
      if (start + d.ms < now + d.ms) return; // keeps the earlier deadline it already has
      this.cancelWithEvent(key);
    }
    this.addWork(key, start, start + d.ms);
  }

  private addWork(key: string, createdAt: number, fireAt: number): void {
    if (this.work.has(key)) return; // already scheduled, or deleted already
    const w: Work = { createdAt, fireAt, fired: false };
    this.work.set(key, w);
    const fire = () => {
      w.handle = undefined;
      w.fired = true;
      const p = this.deletePod(key, w).finally(() => this.running.delete(p));
      this.running.add(p);
    };
    const delay = fireAt - this.clock.now();
    if (delay <= 0) fire(); else w.handle = this.timers.setTimeout(fire, delay);
  }

  /** CancelWork: true when work existed (even one that already ran), which earns the event. */
  private cancelWithEvent(key: string): void {
    const w = this.work.get(key);
    if (!w) return;
    if (w.handle !== undefined) this.timers.clearTimeout(w.handle);
    this.work.delete(key);
    const [namespace, name] = key.split('/');
    this.recorder.event(podRef(namespace!, name!), 'Normal', 'TaintManagerEviction', `Cancelling deletion of Pod ${key}`);
  }

  private async deletePod(key: string, w: Work): Promise<void> {
    const [namespace, name] = key.split('/') as [string, string];
    this.log(`${TAINT_EVICTION_CONTROLLER}: deleting pod ${key}`);
    this.recorder.event(podRef(namespace, name), 'Normal', 'TaintManagerEviction', `Marking for deletion Pod ${key}`);
    const def = this.client.kind('', 'Pod');
    let err: unknown;
    for (let i = 0; i < DELETE_RETRIES; i++) {
      try {
        const pod = await this.client.get(def, namespace, name);
        const status = withPodCondition(pod.status as PodObject['status'], TAINT_DISRUPTION, this.clock.now());
        if (status) await this.client.updateStatus(def, { ...pod, status });
        await this.client.delete(def, namespace, name);
        return;
      } catch (e) {
        err = e;
        if (isNotFound(e)) break;
      }
    }
    // A failed deletion may be tried again when the pod or node next changes.
    if (this.work.get(key) === w) this.work.delete(key);
    if (!isNotFound(err)) this.log(`${TAINT_EVICTION_CONTROLLER}: deleting pod ${key}: ${String(err)}`);
  }
}

const podRef = (namespace: string, name: string) => ({ apiVersion: 'v1', kind: 'Pod', metadata: { namespace, name } });
