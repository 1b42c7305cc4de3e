// syncJob's sequence of decide-then-write steps (job_controller.go syncJob, manageJob,
// deleteActivePods, deleteJobPods, trackJobStatusAndRemoveFinalizers, flushUncountedAndRemoveFinalizers):
// each decision comes from plan.ts / tracking.ts; the writes, their expectations and the counts
// they change (active, ready, terminating) are here.
import type { JobCondition } from 'kubernetes-types/batch/v1.js';
import { labelSelectorAsSelector } from '../../api/meta/label-selector.js';
import { newControllerRef } from '../../api/meta/owners.js';
import { isNotFound } from '../../client/api-client.js';
import type { WorkQueue } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import type { Expectations, UidExpectations } from '../shared/expectations.js';
import { adoptPatch, claimPods, releasePatch } from '../replicaset/claim.js';
import { slowStartBatches } from '../replicaset/plan.js';
import { namespaceTerminating } from '../replicaset/replica-control.js';
import type { BackoffStore } from './backoff.js';
import type { JobControl, JobObject } from './job-control.js';
import { afterManage, assessJob, planManage, type SyncState } from './plan.js';
import { podForJob } from './pod-template.js';
import { hasTrackingFinalizer, isPodReady, removeFinalizerPatch, TRACKING_FINALIZER, type PodObject } from './pods.js';
import { cleanUncounted, enactFinished, planTracking, statusForWrite } from './tracking.js';

/**
 * As upstream syncJobBatchPeriod: pod events within a second collapse into one sync, and
 * enqueueSyncJobWithDelay never waits less than that.
 */
export const SYNC_BATCH_MS = 1000;
const JOB_GVK = { apiVersion: 'batch/v1', kind: 'Job' };

interface Deleted { deleted: number; deletedReady: number; err?: unknown }

export class SyncWrites {
  constructor(
    private readonly control: JobControl,
    private readonly expectations: Expectations,
    private readonly finalizers: UidExpectations,
    private readonly backoffs: BackoffStore,
    private readonly clock: Clock,
    private readonly queue: WorkQueue,
    private readonly backoffBaseMs: number,
  ) {}

  /**
   * getPodsForJob: the pods it controls whose labels still match, plus matching orphans it adopts
   * (with the tracking finalizer); controlled pods that stopped matching are released.
   */
  async podsForJob(job: JobObject, owned: PodObject[], orphans: PodObject[]): Promise<PodObject[]> {
    const selector = labelSelectorAsSelector(job.spec?.selector);
    const owner = { uid: job.metadata.uid ?? '', namespace: job.metadata.namespace ?? 'default', deleting: !!job.metadata.deletionTimestamp };
    const claims = claimPods(owner, selector, [...owned, ...orphans]);
    const errors: unknown[] = [];
    const adopted: PodObject[] = [];
    if (claims.adopt.length) {
      const fresh = await this.control.getJob(owner.namespace, job.metadata.name ?? '');
      if (fresh.metadata.uid !== owner.uid) throw new Error(`original Job ${owner.namespace}/${job.metadata.name} is gone: got uid ${fresh.metadata.uid}, wanted ${owner.uid}`);
      if (fresh.metadata.deletionTimestamp) throw new Error(`Job ${owner.namespace}/${job.metadata.name} has just been deleted at ${fresh.metadata.deletionTimestamp}`);
      const ref = newControllerRef(job, JOB_GVK);
      await Promise.all(claims.adopt.map(async (p) => {
        try {
          const patch = adoptPatch(p, ref) as { metadata: Record<string, unknown> };
          await this.control.patchPod(owner.namespace, p.metadata.name ?? '', { metadata: { ...patch.metadata, finalizers: [TRACKING_FINALIZER] } });
          adopted.push(hasTrackingFinalizer(p) ? p : { ...p, metadata: { ...p.metadata, finalizers: [...(p.metadata.finalizers ?? []), TRACKING_FINALIZER] } });
        } catch (e) { if (!isNotFound(e)) errors.push(e); }
      }));
    }
    await Promise.all(claims.release.map(async (p) => {
      try { await this.control.patchPod(owner.namespace, p.metadata.name ?? '', releasePatch(p, owner.uid)); } catch (e) {
        if (!isNotFound(e) && (e as { reason?: string }).reason !== 'Invalid') errors.push(e);
      }
    }));
    if (errors.length) throw errors[0];
    return [...claims.owned, ...adopted];
  }

  async syncJob(key: string, cached: JobObject, pods: PodObject[], satisfied: boolean): Promise<void> {
    const now = this.clock.now();
    const st = assessJob(cached, { pods, expectedRmFinalizers: new Set(this.finalizers.pendingUids(key)), backoff: this.backoffs.get(key), now });
    if (st.deadlineInMs !== undefined) this.queue.addAfter(key, st.deadlineInMs);
    const job = st.job as JobObject & SyncState['job'];
    let manageErr: unknown;
    let suspendChanged = false;
    if (st.finished) {
      // The Job failed or met its success criteria: stop what runs (finalizers stay until counted).
      const r = await this.deleteActivePods(job, st.active);
      if (r.deleted !== st.active.length || !satisfied) st.finished = undefined; // pods may still be uncounted
      this.deletedCounts(st, r);
      manageErr = r.err;
    } else {
      let managed = false;
      if (satisfied && !job.metadata.deletionTimestamp) { manageErr = await this.manage(key, st); managed = true; }
      const after = afterManage(st, managed, this.clock.now());
      st.finished = after.finished;
      if (after.event) {
        suspendChanged = true;
        job.status.conditions = after.conditions;
        if (after.startTime) job.status.startTime = after.startTime;
        this.control.event(job, 'Normal', after.event.reason, after.event.message);
      }
    }
    const s = job.status;
    const needsUpdate = suspendChanged || st.activeCount !== (s.active ?? 0) || st.ready !== s.ready || st.terminating !== s.terminating;
    s.active = st.activeCount;
    s.ready = st.ready;
    s.terminating = st.terminating;
    try { await this.track(key, st, needsUpdate); } catch (e) { throw new Error(`tracking status: ${(e as Error).message}`); }
    if (manageErr !== undefined) throw manageErr;
  }

  private deletedCounts(st: SyncState, r: Deleted): void {
    st.activeCount -= r.deleted;
    st.terminating += r.deleted;
    st.ready -= r.deletedReady;
  }

  /** manageJob's writes; returns the first error. */
  private async manage(key: string, st: SyncState): Promise<unknown> {
    const job = st.job as JobObject;
    const plan = planManage(st, this.clock.now(), this.backoffBaseMs);
    if (plan.action === 'none') return undefined;
    if (plan.action === 'wait') {
      this.queue.addAfter(key, Math.max(plan.afterMs, SYNC_BATCH_MS));
      st.activeCount = 0; // as upstream manageJob returns 0 active while backing off
      return undefined;
    }
    if (plan.action === 'delete') {
      this.expectations.expect(key, 0, plan.pods.length);
      const r = await this.deleteJobPods(key, job, plan.pods);
      this.deletedCounts(st, r);
      return r.err;
    }
    this.expectations.expect(key, plan.count, 0);
    st.activeCount += plan.count;
    const ref = newControllerRef(job, JOB_GVK);
    const indexes = [...plan.indexes];
    let remaining = plan.count;
    let err: unknown;
    for (const size of slowStartBatches(plan.count)) {
      const batch = Array.from({ length: size }, () => (indexes.length ? indexes.shift() : undefined));
      const results = await Promise.allSettled(batch.map((ix) => this.control.createPod(job, podForJob(job, ix, ref, ix === undefined ? undefined : plan.annotations?.get(ix)))));
      let failed = 0;
      for (const r of results) {
        if (r.status === 'fulfilled' || namespaceTerminating(r.reason)) continue;
        this.expectations.creationObserved(key); // a failed create is never observed
        st.activeCount--;
        failed++;
        err ??= r.reason;
      }
      remaining -= size;
      if (failed && remaining > 0) {
        // Slow start: after a failing batch the rest is not attempted (nor expected) in this sync.
        for (let i = 0; i < remaining; i++) this.expectations.creationObserved(key);
        st.activeCount -= remaining;
        break;
      }
    }
    return err;
  }

  /** deleteJobPods: finalizer first (they are not counted), then the pod; failures lower expectations. */
  private async deleteJobPods(key: string, job: JobObject, pods: PodObject[]): Promise<Deleted> {
    const out: Deleted = { deleted: pods.length, deletedReady: 0 };
    const fail = (e: unknown) => {
      this.expectations.deletionObserved(key);
      if (!isNotFound(e)) { out.deleted--; out.err ??= e; }
    };
    await Promise.all(pods.map(async (p) => {
      const ns = p.metadata.namespace ?? 'default', name = p.metadata.name ?? '';
      const patch = removeFinalizerPatch(p);
      if (patch) {
        try { await this.control.patchPod(ns, name, patch); } catch (e) { fail(new Error(`removing completion finalizer: ${(e as Error).message}`, { cause: e })); return; }
      }
      try { await this.control.deletePod(job, ns, name); } catch (e) { fail(e); }
      if (isPodReady(p)) out.deletedReady++;
    }));
    return out;
  }

  /** deleteActivePods: DELETE only; the finalizers come off once the pods are counted. */
  private async deleteActivePods(job: JobObject, pods: PodObject[]): Promise<Deleted> {
    const out: Deleted = { deleted: pods.length, deletedReady: 0 };
    await Promise.all(pods.map(async (p) => {
      try { await this.control.deletePod(job, p.metadata.namespace ?? 'default', p.metadata.name ?? ''); } catch (e) {
        if (!isNotFound(e)) { out.deleted--; out.err ??= e; }
      }
      if (isPodReady(p)) out.deletedReady++;
    }));
    return out;
  }

  /** trackJobStatusAndRemoveFinalizers with flushUncountedAndRemoveFinalizers. */
  private async track(key: string, st: SyncState, needsUpdate: boolean): Promise<void> {
    const plan = planTracking(st, needsUpdate, this.clock.now());
    let job = st.job as JobObject;
    let needsFlush = plan.needsFlush;
    if (needsFlush) {
      job = await this.writeStatus(job);
      this.backoffs.set(key, st.backoff);
      needsFlush = false;
    }
    let rmErr: unknown;
    if (plan.removeFinalizer.length) {
      const uids = plan.removeFinalizer.map((p) => p.metadata.uid ?? '');
      this.finalizers.expect(key, uids);
      await Promise.all(plan.removeFinalizer.map(async (p) => {
        const patch = removeFinalizerPatch(p);
        if (!patch) return;
        try {
          await this.control.patchPod(p.metadata.namespace ?? 'default', p.metadata.name ?? '', patch);
        } catch (e) {
          this.finalizers.observed(key, p.metadata.uid ?? ''); // no update will come for it
          if (!isNotFound(e)) { rmErr ??= e; return; }
        }
        plan.withFinalizer.delete(p.metadata.uid ?? '');
      }));
    }
    if (cleanUncounted(job.status!, plan.withFinalizer)) needsFlush = true;
    if (rmErr !== undefined) {
      if (needsFlush) await this.writeStatus(job); // keep the partial progress
      throw rmErr;
    }
    const finished = !plan.reachedMax && enactFinished(job.status!, plan.terminal, st.terminating, this.clock.now());
    if (finished || needsFlush) {
      job = await this.writeStatus(job);
      if (finished) this.recordFinished(job, plan.terminal!);
    }
  }

  private async writeStatus(job: JobObject): Promise<JobObject> {
    const stored = await this.control.updateStatus({ ...job, status: statusForWrite(job.status ?? {}) });
    const copy = structuredClone(stored);
    copy.status ??= {};
    return copy;
  }

  /** recordJobFinished's events. */
  private recordFinished(job: JobObject, cond: JobCondition): void {
    if (cond.type === 'Complete') {
      const completions = job.spec?.completions;
      if (completions !== undefined && (job.status?.succeeded ?? 0) > completions) {
        this.control.event(job, 'Warning', 'TooManySucceededPods', 'Too many succeeded pods running after completion count reached');
      }
      this.control.event(job, 'Normal', 'Completed', 'Job completed');
    } else this.control.event(job, 'Warning', cond.reason ?? '', cond.message ?? '');
  }
}
