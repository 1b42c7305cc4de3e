// The DaemonSet controller (pkg/controller/daemon/daemon_controller.go syncDaemonSet, updateDaemonSet,
// syncNodes; update.go constructHistory, cleanupHistory). sync gathers from the caches, claims pods,
// builds the history, plans purely (manage.ts, rolling-update.ts, status.ts) and applies the plan.
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { labelSelectorAsSelector } from '../../api/meta/label-selector.js';
import { controllerRef, newControllerRef } from '../../api/meta/owners.js';
import { isNotFound } from '../../client/api-client.js';
import { objectKey, type Informer } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import { adoptPatch, claimPods, releasePatch } from '../replicaset/claim.js';
import { slowStartBatches } from '../replicaset/plan.js';
import { namespaceTerminating } from '../replicaset/replica-control.js';
import { Expectations } from '../shared/expectations.js';
import { Backoff } from './backoff.js';
import type { DaemonControl, DaemonSetObject, RevisionObject } from './daemon-control.js';
import { DaemonSetHandlers, DS_BY_NAMESPACE } from './handlers.js';
import { classifyHistory, newRevision, revisionsToPrune } from './history.js';
import { nodesToDaemonPods, planManage } from './manage.js';
import { createPodTemplate, HASH_LABEL, nodeNameAffinity, targetNodeName } from './pod-template.js';
import { planRollingUpdate } from './rolling-update.js';
import { countStatus, nextStatus } from './status.js';

export type PodObject = KObject & Pod;
export type NodeObject = KObject & Node;

export const BURST_REPLICAS = 250; // as upstream BurstReplicas: bounds one sync's API burst
const GVK = { apiVersion: 'apps/v1', kind: 'DaemonSet' };
const BY_CONTROLLER = 'controller-uid';
const ORPHANS_BY_NAMESPACE = 'orphans-by-namespace';

export interface DaemonSetInformers {
  daemonSets: Informer<DaemonSetObject>;
  pods: Informer<PodObject>;
  nodes: Informer<NodeObject>;
  revisions: Informer<RevisionObject>;
}

/** Indexes the controller reads through; add before the informers start. */
export function addIndexes(inf: DaemonSetInformers): void {
  inf.daemonSets.addIndex(DS_BY_NAMESPACE, (o) => [o.metadata.namespace ?? 'default']);
  for (const i of [inf.pods, inf.revisions] as Array<Informer<KObject>>) {
    i.addIndex(BY_CONTROLLER, (o) => { const r = controllerRef(o); return r ? [r.uid] : []; });
    i.addIndex(ORPHANS_BY_NAMESPACE, (o) => (controllerRef(o) ? [] : [o.metadata.namespace ?? 'default']));
  }
}

export class DaemonSetController {
  readonly queue: WorkQueue;
  readonly expectations: Expectations;
  readonly backoff: Backoff;
  private readonly handlers: DaemonSetHandlers;

  constructor(private readonly inf: DaemonSetInformers, private readonly control: DaemonControl, private readonly clock: Clock,
    private readonly log: (m: string) => void, opts: { timers?: Timers } = {}) {
    this.expectations = new Expectations(clock);
    this.backoff = new Backoff(clock);
    this.queue = new WorkQueue((key) => this.sync(key), { timers: opts.timers, onError: (key, err) => this.log(`DaemonSet ${key}: ${String(err)}`) });
    const h = (this.handlers = new DaemonSetHandlers(inf.daemonSets, this.queue, this.expectations));
    inf.daemonSets.addHandlers({
      onAdd: (o) => this.queue.add(objectKey(o)),
      onUpdate: (old, cur) => { if (old.metadata.uid !== cur.metadata.uid) h.daemonSetDeleted(old); this.queue.add(objectKey(cur)); },
      onDelete: (o) => h.daemonSetDeleted(o),
    });
    inf.pods.addHandlers({ onAdd: (p) => h.podAdded(p), onUpdate: (a, b) => h.podUpdated(a, b), onDelete: (p) => h.podDeleted(p) });
    inf.revisions.addHandlers({ onAdd: (r) => h.historyAdded(r), onUpdate: (a, b) => h.historyUpdated(a, b), onDelete: (r) => h.historyDeleted(r) });
    inf.nodes.addHandlers({ onAdd: (n) => h.nodeAdded(n), onUpdate: (a, b) => h.nodeUpdated(a, b), onDelete: () => h.nodeDeleted() });
  }

  stop(): void { this.queue.stop(); }

  async sync(key: string): Promise<number | undefined> {
    const ds = this.inf.daemonSets.get(key);
    if (!ds) { this.expectations.forget(key); return undefined; }
    const sel = ds.spec?.selector;
    if (!sel || Object.keys(sel.matchLabels ?? {}).length + (sel.matchExpressions ?? []).length === 0) {
      this.control.event(ds, 'Warning', 'SelectingAll', 'This daemon set is selecting all pods. A non-empty selector is required.');
      return undefined;
    }
    // Being deleted: its revisions may already be gone, so its status cannot be trusted.
    if (ds.metadata.deletionTimestamp) return undefined;
    const nodes = [...this.inf.nodes.list()];
    const { cur, old } = await this.constructHistory(ds);
    const hash = cur.metadata?.labels?.[HASH_LABEL] ?? '';
    // Claimed once per sync: upstream claims at each step, but within one sync the cache is the same.
    const ns = ds.metadata.namespace ?? 'default';
    const pods = await this.claimed(ds, this.inf.pods, (name, body) => this.control.patchPod(ns, name, body, 'strategic'));
    if (!this.expectations.satisfied(key)) return this.updateStatus(ds, nodes, pods, hash, false);
    let err: unknown;
    let requeue: number | undefined;
    try { requeue = await this.updateDaemonSet(key, ds, nodes, pods, hash, old); } catch (e) { err = e; }
    let statusRequeue: number | undefined;
    try { statusRequeue = await this.updateStatus(ds, nodes, pods, hash, true); } catch (e) {
      if (!err) throw e;
      this.log(`DaemonSet ${key}: failed to update status: ${String(e)}`);
    }
    if (err) throw err;
    return minDefined(requeue, statusRequeue);
  }

  private async updateDaemonSet(key: string, ds: DaemonSetObject, nodes: Node[], pods: Pod[], hash: string, old: ControllerRevision[]): Promise<number | undefined> {
    const plan = planManage(ds, nodes, byNode(pods), hash, this.clock.now(), this.backoff);
    for (const e of plan.events) this.control.event(ds, e.type, e.reason, e.message);
    for (const k of plan.backoffNext) this.backoff.next(k);
    await this.syncNodes(key, ds, plan.remove, plan.create, hash);
    if (this.expectations.satisfied(key) && ds.spec?.updateStrategy?.type === 'RollingUpdate') {
      const step = planRollingUpdate(ds, nodes, byNode(pods), hash, this.clock.now());
      await this.syncNodes(key, ds, step.remove, step.create, hash);
    }
    await this.cleanupHistory(ds, pods, old);
    return plan.requeueAfter;
  }

  /** getDaemonPods + ClaimPods: owned pods still matching, plus matching orphans adopted now. */
  private async claimed<T extends KObject>(ds: DaemonSetObject, informer: Informer<T>, patch: (name: string, body: unknown) => Promise<void>): Promise<T[]> {
    const ns = ds.metadata.namespace ?? 'default';
    const candidates = [...informer.byIndex(BY_CONTROLLER, ds.metadata.uid!), ...informer.byIndex(ORPHANS_BY_NAMESPACE, ns)];
    const owner = { uid: ds.metadata.uid!, namespace: ns, deleting: Boolean(ds.metadata.deletionTimestamp) };
    const claims = claimPods(owner, labelSelectorAsSelector(ds.spec?.selector), candidates as Array<T & Pod>);
    if (claims.adopt.length) {
      // RecheckDeletionTimestamp: adopt only for a DaemonSet a fresh read shows alive and the same.
      const fresh = await this.control.getDaemonSet(ns, ds.metadata.name!);
      if (fresh.metadata.uid !== ds.metadata.uid) throw new Error(`original DaemonSet ${ns}/${ds.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${ds.metadata.uid}`);
      if (fresh.metadata.deletionTimestamp) throw new Error(`DaemonSet ${ns}/${ds.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
    }
    const ref = newControllerRef(ds, GVK);
    const adopted: T[] = [];
    await Promise.all(claims.adopt.map(async (o) => {
      try { await patch(o.metadata.name!, adoptPatch(o, ref)); adopted.push(o); } catch (e) { if (!isNotFound(e)) throw e; }
    }));
    await Promise.all(claims.release.map(async (o) => {
      try { await patch(o.metadata.name!, releasePatch(o, ds.metadata.uid!)); } catch (e) {
        if (!isNotFound(e) && (e as { reason?: string }).reason !== 'Invalid') throw e;
      }
    }));
    return [...claims.owned, ...adopted];
  }

  /** syncNodes: expectations first, creations in slow-start batches, then deletions. */
  private async syncNodes(key: string, ds: DaemonSetObject, remove: string[], create: string[], hash: string): Promise<void> {
    const createN = Math.min(create.length, BURST_REPLICAS);
    const deleteN = Math.min(remove.length, BURST_REPLICAS);
    if (createN === 0 && deleteN === 0) return;
    this.expectations.expect(key, createN, deleteN);
    const errors: unknown[] = [];
    const template = createPodTemplate(ds, hash);
    const ref = newControllerRef(ds, GVK);
    let pos = 0;
    for (const size of slowStartBatches(createN)) {
      const results = await Promise.allSettled(create.slice(pos, pos + size).map((node) => this.control.createPod(ds, podFor(ds, template, node, ref))));
      pos += size;
      const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected' && !namespaceTerminating(r.reason));
      for (const f of failed) { this.expectations.creationObserved(key); errors.push(f.reason); }
      if (failed.length) {
        for (let i = pos; i < createN; i++) this.expectations.creationObserved(key); // never attempted: never observed
        break;
      }
    }
    await Promise.all(remove.slice(0, deleteN).map(async (name) => {
      try { await this.control.deletePod(ds, name); } catch (e) {
        this.expectations.deletionObserved(key);
        if (!isNotFound(e)) errors.push(e);
      }
    }));
    if (errors.length) throw errors[0];
  }

  private async updateStatus(ds: DaemonSetObject, nodes: Node[], pods: Pod[], hash: string, observe: boolean): Promise<number | undefined> {
    const counts = countStatus(ds, nodes, byNode(pods), hash, this.clock.now());
    const status = nextStatus(ds, counts, observe);
    if (status) await this.control.updateStatus(ds, status);
    // Resync after minReadySeconds as a last line of defence against clock skew.
    const minReady = ds.spec?.minReadySeconds ?? 0;
    return minReady > 0 && counts.numberReady !== counts.numberAvailable ? minReady * 1000 : undefined;
  }

  /** constructHistory: label old revisions, find or create the current one, deduplicate, renumber. */
  private async constructHistory(ds: DaemonSetObject): Promise<{ cur: ControllerRevision; old: ControllerRevision[] }> {
    const ns = ds.metadata.namespace ?? 'default';
    const revisions: RevisionObject[] = [];
    for (const r of await this.claimed(ds, this.inf.revisions, (name, body) => this.control.patchRevision(ns, name, body))) {
      if (r.metadata.labels?.[HASH_LABEL]) { revisions.push(r); continue; }
      // Older revisions lack the hash label: their name stands in for it, so no hash collision can matter.
      revisions.push(await this.control.updateRevision({ ...r, metadata: { ...r.metadata, labels: { ...r.metadata.labels, [HASH_LABEL]: r.metadata.name! } } }));
    }
    const { current, old, nextRevision } = classifyHistory(ds, revisions);
    let cur: ControllerRevision;
    if (!current.length) cur = await this.snapshot(ds, nextRevision);
    else {
      cur = current[0]!;
      if (current.length > 1) await this.dedup(ds, cur, current.slice(1));
      if ((cur.revision ?? 0) < nextRevision) cur = await this.control.updateRevision({ ...(cur as RevisionObject), revision: nextRevision });
    }
    return { cur, old };
  }

  /** snapshot: create `<ds>-<hash>`; a name taken by another template bumps collisionCount and retries. */
  private async snapshot(ds: DaemonSetObject, revision: number): Promise<ControllerRevision> {
    const cr = newRevision(ds, revision, newControllerRef(ds, GVK));
    try {
      return await this.control.createRevision(cr);
    } catch (e) {
      if ((e as { reason?: string }).reason !== 'AlreadyExists') throw e;
      const ns = ds.metadata.namespace ?? 'default';
      const existing = await this.control.getRevision(ns, cr.metadata!.name!);
      if (classifyHistory(ds, [existing]).current.length) return existing;
      const fresh = await this.control.getDaemonSet(ns, ds.metadata.name!);
      if ((fresh.status?.collisionCount ?? undefined) !== (ds.status?.collisionCount ?? undefined)) {
        throw new Error(`found a stale collision count (${ds.status?.collisionCount}, expected ${fresh.status?.collisionCount}) of DaemonSet "${ds.metadata.name}" while processing; will retry until it is updated`);
      }
      await this.control.updateStatus(fresh, { ...fresh.status!, collisionCount: (fresh.status?.collisionCount ?? 0) + 1 });
      throw e;
    }
  }

  /** dedupCurHistories: pods move to the kept revision's hash, the duplicates go. */
  private async dedup(ds: DaemonSetObject, keep: ControllerRevision, dups: ControllerRevision[]): Promise<void> {
    const hash = keep.metadata?.labels?.[HASH_LABEL] ?? '';
    const ns = ds.metadata.namespace ?? 'default';
    const pods = await this.claimed(ds, this.inf.pods, (name, body) => this.control.patchPod(ns, name, body, 'strategic'));
    for (const p of pods) {
      if (p.metadata?.labels?.[HASH_LABEL] !== hash) await this.control.patchPod(ns, p.metadata!.name!, { metadata: { labels: { [HASH_LABEL]: hash } } }, 'merge');
    }
    for (const d of dups) await this.control.deleteRevision(ns, d.metadata!.name!);
  }

  private async cleanupHistory(ds: DaemonSetObject, pods: Pod[], old: ControllerRevision[]): Promise<void> {
    const live = new Set<string>();
    for (const list of byNode(pods, true).values()) for (const p of list) { const h = p.metadata?.labels?.[HASH_LABEL]; if (h) live.add(h); }
    const ns = ds.metadata.namespace ?? 'default';
    for (const name of revisionsToPrune(old, ds.spec?.revisionHistoryLimit ?? 10, live)) await this.control.deleteRevision(ns, name);
  }
}

const byNode = (pods: readonly Pod[], includeDeletedTerminal = false) => nodesToDaemonPods(pods, targetNodeName, includeDeletedTerminal);

const minDefined = (a?: number, b?: number) => (a === undefined ? b : b === undefined ? a : Math.min(a, b));

/** GetPodFromTemplate, aimed at one node through its required node affinity. */
function podFor(ds: DaemonSet, template: ReturnType<typeof createPodTemplate>, node: string, ref: ReturnType<typeof newControllerRef>): KObject {
  const spec = structuredClone(template.spec!);
  spec.affinity = nodeNameAffinity(spec.affinity, node);
  const m = template.metadata ?? {};
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      generateName: `${ds.metadata?.name}-`, namespace: ds.metadata?.namespace,
      labels: { ...m.labels },
      ...(m.annotations ? { annotations: { ...m.annotations } } : {}),
      ...(m.finalizers ? { finalizers: [...m.finalizers] } : {}),
      ownerReferences: [ref],
    },
    spec,
  };
}
