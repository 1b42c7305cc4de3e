// The ReplicaSet engine (pkg/controller/replicaset/replica_set.go), one instance per kind: ReplicaSets,
// and ReplicationControllers read through conversion.ts. Handlers only enqueue `namespace/name` and
// note observed creations/deletions; sync gathers from the caches, claims pods, plans, then applies.
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { labelSelectorAsSelector, isEverything, matches } from '../../api/meta/label-selector.js';
import { controllerRef, newControllerRef } from '../../api/meta/owners.js';
import { isNotFound } from '../../client/api-client.js';
import { Informer, objectKey } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import { Expectations, UidExpectations } from '../shared/expectations.js';
import { adoptPatch, claimPods, releasePatch } from './claim.js';
import { asReplicas, type ReplicaKind, type Replicas } from './conversion.js';
import { isPodActive, isPodReady } from './pod-ranking.js';
import { planReplicas, podFromTemplate, slowStartBatches } from './plan.js';
import { namespaceTerminating, type ReplicaControl } from './replica-control.js';
import { calculateStatus, requeueAfterMs, statusToWrite, type ManageError } from './status.js';

export type PodObject = KObject & Pod;

/** Pod indexes the engines share (one pod informer serves both kinds). */
export const BY_CONTROLLER = 'controller-uid';
export const ORPHANS_BY_NAMESPACE = 'orphans-by-namespace';

export function addPodIndexes(pods: Informer<PodObject>): void {
  pods.addIndex(BY_CONTROLLER, (p) => { const r = controllerRef(p); return r ? [r.uid] : []; });
  pods.addIndex(ORPHANS_BY_NAMESPACE, (p) => (controllerRef(p) ? [] : [p.metadata.namespace ?? 'default']));
}

const OWNERS_BY_NAMESPACE = 'namespace';
/**
 * A sync reads every pod of its owner (claims, status): with thousands of pods, syncing on each pod
 * status change would keep the event loop the API server shares busy. Pod changes that cannot alter
 * what to create or delete are batched this long, as the Job controller's syncJobBatchPeriod does;
 * creations and deletions that complete an owner's expectations sync it at once.
 */
export const POD_EVENT_BATCH_MS = 500;

/** Same object, same spec (generation), same deletion state: only status or metadata moved. */
const statusOnly = (old: KObject, cur: KObject): boolean =>
  old.metadata.uid === cur.metadata.uid && old.metadata.generation === cur.metadata.generation &&
  !old.metadata.deletionTimestamp === !cur.metadata.deletionTimestamp;
const podKey = (p: Pod) => `${p.metadata?.namespace ?? ''}/${p.metadata?.name ?? ''}`;
const labelsEqual = (a: Pod, b: Pod) => JSON.stringify(a.metadata?.labels ?? {}) === JSON.stringify(b.metadata?.labels ?? {});

export class ReplicaSetEngine {
  readonly queue: WorkQueue;
  readonly expectations: Expectations;
  private readonly deletions = new UidExpectations();

  constructor(
    readonly kind: ReplicaKind,
    readonly owners: Informer,
    readonly pods: Informer<PodObject>,
    private readonly control: ReplicaControl,
    private readonly clock: Clock,
    private readonly log: (m: string) => void,
    opts: { timers?: Timers } = {},
  ) {
    this.expectations = new Expectations(clock);
    this.queue = new WorkQueue((key) => this.sync(key), { timers: opts.timers, onError: (key, err) => this.log(`${kind.kind} ${key}: ${String(err)}`) });
    owners.addIndex(OWNERS_BY_NAMESPACE, (o) => [o.metadata.namespace ?? 'default']);
    owners.addHandlers({
      onAdd: (o) => this.queue.add(objectKey(o)),
      onUpdate: (old, cur) => {
        if (old.metadata.uid !== cur.metadata.uid) this.ownerDeleted(old);
        // A status write (most often this controller's own, after each sync) cannot change what to
        // create or delete: batched like pod status changes, else every sync of a large ReplicaSet
        // would trigger the next one. A spec change or a deletion is looked at now.
        if (statusOnly(old, cur)) this.queue.addAfter(objectKey(cur), POD_EVENT_BATCH_MS);
        else this.queue.add(objectKey(cur));
      },
      onDelete: (o) => this.ownerDeleted(o),
    });
    pods.addHandlers({
      onAdd: (p) => this.podAdded(p),
      onUpdate: (old, cur) => this.podUpdated(old, cur),
      onDelete: (p) => this.podDeleted(p),
    });
  }

  stop(): void { this.queue.stop(); }

  private ownerDeleted(o: KObject): void {
    const key = objectKey(o);
    this.expectations.forget(key); // a recreated owner of the same name starts clean
    this.deletions.forget(key);
    this.queue.add(key);
  }

  /** resolveControllerRef: by kind and name, then the uid must match. */
  private resolveOwner(namespace: string | undefined, ref: { kind: string; name: string; uid: string } | undefined): KObject | undefined {
    if (!ref || ref.kind !== this.kind.kind) return undefined;
    const o = this.owners.get(`${namespace ?? 'default'}/${ref.name}`);
    return o && o.metadata.uid === ref.uid ? o : undefined;
  }

  /** getPodReplicaSets: owners in the pod's namespace whose selector matches (orphans only). */
  private matchingOwners(p: Pod): KObject[] {
    return this.owners.byIndex(OWNERS_BY_NAMESPACE, p.metadata?.namespace ?? 'default').filter((o) => {
      try {
        const sel = labelSelectorAsSelector(asReplicas(o, this.kind).selector);
        return !isEverything(sel) && matches(sel, p.metadata?.labels);
      } catch { return false; }
    });
  }

  private podAdded(p: PodObject): void {
    if (p.metadata.deletionTimestamp) return this.podDeleted(p); // seen already terminating: not a creation
    const ref = controllerRef(p);
    if (ref) {
      const owner = this.resolveOwner(p.metadata.namespace, ref);
      if (!owner) return;
      const key = objectKey(owner);
      this.expectations.creationObserved(key);
      this.enqueueAfterPodChange(key);
      return;
    }
    for (const o of this.matchingOwners(p)) this.queue.add(objectKey(o));
  }

  /** At once when the owner may act again (its expectations are met), else batched. */
  private enqueueAfterPodChange(key: string): void {
    if (this.expectations.satisfied(key)) this.queue.add(key);
    else this.queue.addAfter(key, POD_EVENT_BATCH_MS);
  }

  private podUpdated(old: PodObject, cur: PodObject): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return; // a resync
    const labelChanged = !labelsEqual(old, cur);
    if (cur.metadata.deletionTimestamp) {
      // A graceful deletion: replace the pod now rather than when the kubelet finally removes it.
      this.podDeleted(cur);
      if (labelChanged) this.podDeleted(old);
      return;
    }
    const curRef = controllerRef(cur), oldRef = controllerRef(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const prev = this.resolveOwner(old.metadata.namespace, oldRef);
      if (prev) this.queue.add(objectKey(prev));
    }
    if (curRef) {
      const owner = this.resolveOwner(cur.metadata.namespace, curRef);
      if (!owner) return;
      const key = objectKey(owner);
      // Its labels or owner changed: claims may change, look now; a status change only moves counts.
      if (labelChanged || refChanged) this.queue.add(key);
      else this.queue.addAfter(key, POD_EVENT_BATCH_MS);
      // A pod that just became ready turns available minReadySeconds later; look again then (+1 s for skew).
      const minReady = asReplicas(owner, this.kind).minReadySeconds;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(key, (minReady + 1) * 1000);
      return;
    }
    if (labelChanged || refChanged) for (const o of this.matchingOwners(cur)) this.queue.add(objectKey(o));
  }

  private podDeleted(p: PodObject): void {
    const owner = this.resolveOwner(p.metadata.namespace, controllerRef(p));
    if (!owner) return; // nobody waits for an orphan's deletion
    const key = objectKey(owner);
    this.observeDeletion(key, podKey(p));
    this.enqueueAfterPodChange(key);
  }

  /** UIDTrackingControllerExpectations.DeletionObserved: each pod we deleted counts once. */
  private observeDeletion(key: string, pk: string): void {
    if (!this.deletions.isPending(key, pk)) return;
    this.deletions.observed(key, pk);
    this.expectations.deletionObserved(key);
  }

  /** Active pods this owner controls plus orphans in its namespace (the only pods a claim can touch). */
  private candidates(rs: Replicas): PodObject[] {
    const owned = this.pods.byIndex(BY_CONTROLLER, rs.uid);
    const orphans = this.pods.byIndex(ORPHANS_BY_NAMESPACE, rs.namespace);
    return [...owned, ...orphans].filter(isPodActive);
  }

  /**
   * Pods of the ReplicaSets sharing this one's controller (a Deployment's), for the node co-location
   * rank; none for a lone ReplicaSet or an RC. Upstream lists them by selector; their owned pods are the same set.
   */
  private relatedPods(rs: Replicas): Pod[] {
    const ref = controllerRef(rs.original);
    if (!ref) return [];
    return this.owners.byIndex(OWNERS_BY_NAMESPACE, rs.namespace)
      .filter((o) => controllerRef(o)?.uid === ref.uid)
      .flatMap((o) => this.pods.byIndex(BY_CONTROLLER, o.metadata.uid ?? ''));
  }

  async sync(key: string): Promise<number | undefined> {
    const obj = this.owners.get(key);
    if (!obj) { this.expectations.forget(key); this.deletions.forget(key); return undefined; }
    const rs = asReplicas(obj, this.kind);
    const canChange = this.expectations.satisfied(key); // before reading pods
    let selector;
    try { selector = labelSelectorAsSelector(rs.selector); } catch (e) {
      this.log(`${this.kind.kind} ${key}: invalid selector: ${(e as Error).message}`);
      return undefined;
    }
    const claims = claimPods(rs, selector, this.candidates(rs));
    const adopted = await this.applyClaims(rs, claims.adopt, claims.release);
    const active = [...claims.owned, ...adopted];
    const plan = planReplicas(rs, active, this.relatedPods(rs), canChange, this.clock.now());
    const manageErr = await this.manage(key, rs, plan.create, plan.remove);
    const status = calculateStatus(rs, active, manageErr, this.clock.now());
    const write = statusToWrite(rs, status);
    if (write) await this.control.updateStatus(rs, write);
    if (manageErr) throw new Error(manageErr.message);
    return requeueAfterMs(rs, status, manageErr);
  }

  /** ClaimPods' writes: adoptions (after a fresh read shows the owner is not being deleted) and releases. */
  private async applyClaims(rs: Replicas, adopt: PodObject[], release: PodObject[]): Promise<PodObject[]> {
    const errors: unknown[] = [];
    const adopted: PodObject[] = [];
    if (adopt.length) {
      const fresh = await this.control.getOwner(rs.namespace, rs.name);
      if (fresh.metadata.uid !== rs.uid) throw new Error(`original ${this.kind.kind} ${rs.namespace}/${rs.name} is gone: got uid ${fresh.metadata.uid}, wanted ${rs.uid}`);
      if (fresh.metadata.deletionTimestamp) throw new Error(`${this.kind.kind} ${rs.namespace}/${rs.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
      const ref = newControllerRef(rs.original, { apiVersion: this.kind.apiVersion, kind: this.kind.kind });
      await Promise.all(adopt.map(async (p) => {
        try {
          await this.control.patchPod(rs.namespace, p.metadata.name!, adoptPatch(p, ref));
          adopted.push(p);
        } catch (e) { if (!isNotFound(e)) errors.push(e); }
      }));
    }
    await Promise.all(release.map(async (p) => {
      try {
        await this.control.patchPod(rs.namespace, p.metadata.name!, releasePatch(p, rs.uid));
      } catch (e) {
        // Gone, or no longer ours / recreated (Invalid): nothing to release.
        const reason = (e as { reason?: string }).reason;
        if (!isNotFound(e) && reason !== 'Invalid') errors.push(e);
      }
    }));
    if (errors.length) throw errors[0];
    return adopted;
  }

  /** manageReplicas' writes: creations in slow-start batches, deletions all at once; expectations first. */
  private async manage(key: string, rs: Replicas, create: number, remove: PodObject[]): Promise<ManageError | undefined> {
    if (create > 0) {
      this.expectations.expect(key, create, 0);
      const ref = newControllerRef(rs.original, { apiVersion: this.kind.apiVersion, kind: this.kind.kind });
      const owner = this.eventTarget(rs);
      let created = 0;
      let err: unknown;
      for (const size of slowStartBatches(create)) {
        const results = await Promise.allSettled(Array.from({ length: size }, () =>
          this.control.createPod(owner, podFromTemplate(rs.template, rs.namespace, rs.name, ref))));
        const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected' && !namespaceTerminating(r.reason));
        created += size - failed.length;
        if (failed.length) { err = failed[0]!.reason; break; }
      }
      // Creations never attempted (or failed) will not be observed.
      for (let i = created; i < create; i++) this.expectations.creationObserved(key);
      return err === undefined ? undefined : { message: (err as Error).message };
    }
    if (remove.length) {
      this.expectations.expect(key, 0, remove.length);
      this.deletions.expect(key, remove.map(podKey));
      const owner = this.eventTarget(rs);
      let err: unknown;
      await Promise.all(remove.map(async (p) => {
        try {
          await this.control.deletePod(owner, rs.namespace, p.metadata.name!);
        } catch (e) {
          this.observeDeletion(key, podKey(p));
          if (!isNotFound(e)) err ??= e;
        }
      }));
      return err === undefined ? undefined : { message: (err as Error).message };
    }
    return undefined;
  }

  /** Events name the RS or RC itself, with its own apiVersion and kind. */
  private eventTarget(rs: Replicas): KObject {
    return { ...rs.original, apiVersion: this.kind.apiVersion, kind: this.kind.kind };
  }
}
