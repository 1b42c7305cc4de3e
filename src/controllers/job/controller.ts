// The Job controller (pkg/controller/job/job_controller.go): handlers only enqueue the Job's key
// (pod events and status-only Job updates batched by a second, as syncJobBatchPeriod) and note
// observed creations, deletions and finalizer removals; syncJob gathers from the caches, decides with
// plan.ts / tracking.ts, and writes through JobControl (sync-writes.ts). A second queue removes the
// tracking finalizer from pods whose Job is gone or finished (the orphan queue).
import type { Job } from 'kubernetes-types/batch/v1.js';
import { controllerRef } from '../../api/meta/owners.js';
import { isEverything, labelSelectorAsSelector, matches } from '../../api/meta/label-selector.js';
import { isNotFound } from '../../client/api-client.js';
import { Informer, objectKey } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import { Expectations, UidExpectations } from '../shared/expectations.js';
import { BackoffStore } from './backoff.js';
import { isJobFinished } from './conditions.js';
import type { JobControl, JobObject } from './job-control.js';
import { hasTrackingFinalizer, removeFinalizerPatch, type PodObject } from './pods.js';
import { SYNC_BATCH_MS, SyncWrites } from './sync-writes.js';

const API_BACKOFF = { baseDelayMs: 1000, maxDelayMs: 60_000 }; // as upstream DefaultJobApiBackOff / MaxJobApiBackOff
const JOB_CONTROLLER = 'kubernetes.io/job-controller'; // spec.managedBy value this controller serves (JobManagedBy, beta in v1.33)

export const BY_CONTROLLER = 'controller-uid';
export const ORPHANS_BY_NAMESPACE = 'orphans-by-namespace';

export function addPodIndexes(pods: Informer<PodObject>): void {
  pods.addIndex(BY_CONTROLLER, (p) => { const r = controllerRef(p); return r ? [r.uid] : []; });
  pods.addIndex(ORPHANS_BY_NAMESPACE, (p) => (controllerRef(p) ? [] : [p.metadata.namespace ?? 'default']));
}

const jobsByNamespace = 'namespace';

export interface JobControllerOptions { backoffBaseMs: number; timers?: Timers }

export class JobController {
  readonly queue: WorkQueue;
  readonly orphanQueue: WorkQueue;
  readonly expectations: Expectations;
  readonly finalizerExpectations = new UidExpectations();
  readonly backoffs = new BackoffStore();
  private readonly writes: SyncWrites;

  constructor(
    readonly jobs: Informer<JobObject>,
    readonly pods: Informer<PodObject>,
    private readonly control: JobControl,
    private readonly clock: Clock,
    private readonly log: (m: string) => void,
    opts: JobControllerOptions,
  ) {
    this.expectations = new Expectations(clock);
    this.queue = new WorkQueue((key) => this.sync(key), { ...API_BACKOFF, timers: opts.timers, onError: (key, err) => this.log(`job ${key}: ${String(err)}`) });
    this.orphanQueue = new WorkQueue((key) => this.syncOrphanPod(key), { ...API_BACKOFF, timers: opts.timers, onError: (key, err) => this.log(`job orphan pod ${key}: ${String(err)}`) });
    this.writes = new SyncWrites(control, this.expectations, this.finalizerExpectations, this.backoffs, clock, this.queue, opts.backoffBaseMs);
    jobs.addIndex(jobsByNamespace, (j) => [j.metadata.namespace ?? 'default']);
    jobs.addHandlers({
      onAdd: (j) => this.queue.add(objectKey(j)),
      onUpdate: (old, cur) => this.jobUpdated(old, cur),
      onDelete: (j) => this.jobDeleted(j),
    });
    pods.addHandlers({
      onAdd: (p) => this.podAdded(p),
      onUpdate: (old, cur) => this.podUpdated(old, cur),
      onDelete: (p) => this.podDeleted(p, true),
    });
  }

  stop(): void { this.queue.stop(); this.orphanQueue.stop(); }

  private batched(key: string): void { this.queue.addAfter(key, SYNC_BATCH_MS); }

  private jobUpdated(old: JobObject, cur: JobObject): void {
    const key = objectKey(cur);
    if (old.metadata.uid !== cur.metadata.uid) this.jobDeleted(old);
    // A spec change syncs at once; a status change (often our own write) waits for the batch.
    if (old.metadata.generation === cur.metadata.generation) this.batched(key);
    else this.queue.add(key);
    if (isJobFinished(cur)) this.cleanupPodFinalizers(cur); // a backstop: finished Jobs keep no finalizers
    const ads = cur.spec?.activeDeadlineSeconds;
    if (cur.status?.startTime && ads !== undefined && old.spec?.activeDeadlineSeconds !== ads) {
      this.queue.addAfter(key, ads * 1000 - (this.clock.now() - Date.parse(cur.status.startTime)));
    }
  }

  private jobDeleted(j: JobObject): void {
    this.queue.add(objectKey(j));
    this.cleanupPodFinalizers(j);
  }

  /** Pods the Job controlled that still hold the finalizer go to the orphan queue. */
  private cleanupPodFinalizers(j: Job): void {
    for (const p of this.pods.byIndex(BY_CONTROLLER, j.metadata?.uid ?? '')) {
      if (hasTrackingFinalizer(p)) this.orphanQueue.add(objectKey(p));
    }
  }

  /** resolveControllerRef: by kind and name, then the uid must match. */
  private resolveJob(namespace: string | undefined, ref: { kind: string; name: string; uid: string } | undefined): JobObject | undefined {
    if (!ref || ref.kind !== 'Job') return undefined;
    const j = this.jobs.get(`${namespace ?? 'default'}/${ref.name}`);
    return j && j.metadata.uid === ref.uid ? j : undefined;
  }

  /** getPodJobs: Jobs in the pod's namespace whose selector matches it (for orphans). */
  private matchingJobs(p: PodObject): JobObject[] {
    return this.jobs.byIndex(jobsByNamespace, p.metadata.namespace ?? 'default').filter((j) => {
      try {
        const sel = labelSelectorAsSelector(j.spec?.selector);
        return !isEverything(sel) && matches(sel, p.metadata.labels);
      } catch { return false; }
    });
  }

  private podAdded(p: PodObject): void {
    if (p.metadata.deletionTimestamp) return this.podDeleted(p, false); // seen already terminating: not a creation
    const ref = controllerRef(p);
    if (ref) {
      const job = this.resolveJob(p.metadata.namespace, ref);
      if (!job) return;
      const key = objectKey(job);
      this.expectations.creationObserved(key);
      this.batched(key);
      return;
    }
    if (hasTrackingFinalizer(p)) this.orphanQueue.add(objectKey(p));
    for (const j of this.matchingJobs(p)) this.batched(objectKey(j));
  }

  private podUpdated(old: PodObject, cur: PodObject): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return; // a resync
    if (cur.metadata.deletionTimestamp) return this.podDeleted(cur, false); // replace it now, not when it is gone
    // The finalizer may have been removed and re-added in between: what counts is the latest state.
    const finalizerRemoved = !hasTrackingFinalizer(cur);
    const curRef = controllerRef(cur), oldRef = controllerRef(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) {
      const prev = this.resolveJob(old.metadata.namespace, oldRef);
      if (prev) {
        if (finalizerRemoved) this.finalizerExpectations.observed(objectKey(prev), cur.metadata.uid ?? '');
        this.batched(objectKey(prev));
      }
    }
    if (curRef) {
      const job = this.resolveJob(cur.metadata.namespace, curRef);
      if (!job) return;
      if (finalizerRemoved) this.finalizerExpectations.observed(objectKey(job), cur.metadata.uid ?? '');
      this.batched(objectKey(job));
      return;
    }
    if (hasTrackingFinalizer(cur)) this.orphanQueue.add(objectKey(cur));
    const labelsChanged = JSON.stringify(cur.metadata.labels ?? {}) !== JSON.stringify(old.metadata.labels ?? {});
    if (labelsChanged || refChanged) for (const j of this.matchingJobs(cur)) this.batched(objectKey(j));
  }

  /** `final`: the pod is gone from the store; otherwise it has just been marked for deletion. */
  private podDeleted(p: PodObject, final: boolean): void {
    const ref = controllerRef(p);
    const finalizer = hasTrackingFinalizer(p);
    if (!ref) { if (finalizer) this.orphanQueue.add(objectKey(p)); return; }
    const job = this.resolveJob(p.metadata.namespace, ref);
    if (!job || isJobFinished(job)) { if (finalizer) this.orphanQueue.add(objectKey(p)); return; }
    const key = objectKey(job);
    this.expectations.deletionObserved(key);
    if (final || !finalizer) this.finalizerExpectations.observed(key, p.metadata.uid ?? '');
    this.batched(key);
  }

  /** syncOrphanPod: removes the finalizer unless the pod belongs to a running batch/v1 Job (adopted, or not ours). */
  async syncOrphanPod(key: string): Promise<void> {
    const pod = this.pods.get(key);
    if (!pod) return;
    const ref = controllerRef(pod);
    if (ref) {
      if (ref.kind !== 'Job' || ref.apiVersion !== 'batch/v1') return;
      const job = this.resolveJob(pod.metadata.namespace, ref);
      if (job && managedElsewhere(job)) return;
      if (job && !isJobFinished(job)) return;
    }
    const patch = removeFinalizerPatch(pod);
    if (!patch) return;
    try { await this.control.patchPod(pod.metadata.namespace ?? 'default', pod.metadata.name ?? '', patch); } catch (e) { if (!isNotFound(e)) throw e; }
  }

  async sync(key: string): Promise<void> {
    const cached = this.jobs.get(key);
    if (!cached) {
      this.expectations.forget(key);
      this.finalizerExpectations.forget(key);
      this.backoffs.remove(key);
      return;
    }
    if (managedElsewhere(cached)) return;
    // A finished Job is never worked on again.
    if (isJobFinished(cached)) { this.backoffs.remove(key); return; }
    const mode = cached.spec?.completionMode;
    if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
      this.control.event(cached, 'Warning', 'UnknownCompletionMode', 'Skipped Job sync because completion mode is unknown');
      return;
    }
    // Expectations are read before the pods: a pod that arrives in between waits for the next sync.
    const satisfied = this.expectations.satisfied(key);
    const pods = await this.writes.podsForJob(cached, this.pods.byIndex(BY_CONTROLLER, cached.metadata.uid ?? ''),
      this.pods.byIndex(ORPHANS_BY_NAMESPACE, cached.metadata.namespace ?? 'default'));
    await this.writes.syncJob(key, cached, pods, satisfied);
  }
}

/** spec.managedBy naming another controller: this one leaves the Job alone. */
export const managedElsewhere = (j: Job) => {
  const by = (j.spec as { managedBy?: string } | undefined)?.managedBy;
  return by !== undefined && by !== JOB_CONTROLLER;
};
