// Builders and a recording control for the Job controller's tests: Jobs with v1.33 defaults, pods in
// any state (finished at a given second, with or without the tracking finalizer, indexed, with an exit
// code, conditions or annotations), a JobControl that records every write instead of making it, and
// decide(): one sync's pure decisions, as the plan tables assert them.
import type { JobSpec, JobStatus } from 'kubernetes-types/batch/v1.js';
import type { ContainerStatus, PodCondition } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { rfc3339 } from '../../util/clock.js';
import { NO_BACKOFF, type BackoffRecord } from './backoff.js';
import { COMPLETION_INDEX } from './indexes.js';
import type { JobControl, JobObject } from './job-control.js';
import { afterManage, assessJob, planManage, type SyncState } from './plan.js';
import { isPodReady, TRACKING_FINALIZER, type PodObject } from './pods.js';
import { enactFinished, planTracking, statusForWrite } from './tracking.js';

export const T0 = Date.parse('2026-11-24T10:30:00Z');
export const JOB_UID = 'job-uid';
export const at = (sec: number) => rfc3339(T0 + sec * 1000);

export type JobOpts = Partial<Pick<JobSpec, 'parallelism' | 'completions' | 'backoffLimit' | 'activeDeadlineSeconds' | 'suspend' | 'completionMode'
  | 'podReplacementPolicy' | 'podFailurePolicy' | 'successPolicy' | 'backoffLimitPerIndex' | 'maxFailedIndexes'>> & {
  restartPolicy?: 'Never' | 'OnFailure';
  status?: JobStatus;
  generation?: number;
  /** Leave completions unset (the Job completes on its first success). */
  noCompletions?: boolean;
};

export function job(o: JobOpts = {}): JobObject {
  const labels = { 'batch.kubernetes.io/controller-uid': JOB_UID, 'batch.kubernetes.io/job-name': 'pi', 'controller-uid': JOB_UID, 'job-name': 'pi' };
  const spec: JobSpec = {
    parallelism: o.parallelism ?? 1,
    // As the API server defaults them: backoffLimitPerIndex lifts backoffLimit to maxInt32, a podFailurePolicy
    // makes podReplacementPolicy Failed.
    backoffLimit: o.backoffLimit ?? (o.backoffLimitPerIndex !== undefined ? 2147483647 : 6),
    completionMode: o.completionMode ?? 'NonIndexed',
    suspend: o.suspend ?? false,
    podReplacementPolicy: o.podReplacementPolicy ?? (o.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed'),
    manualSelector: false,
    selector: { matchLabels: { 'batch.kubernetes.io/controller-uid': JOB_UID } },
    template: {
      metadata: { labels },
      spec: { restartPolicy: o.restartPolicy ?? 'Never', containers: [{ name: 'pi', image: 'perl:5.34.0', command: ['perl', '-e', 'print 1'] }] },
    },
  };
  if (!o.noCompletions) spec.completions = o.completions ?? 1;
  if (o.activeDeadlineSeconds !== undefined) spec.activeDeadlineSeconds = o.activeDeadlineSeconds;
  if (o.podFailurePolicy) spec.podFailurePolicy = o.podFailurePolicy;
  if (o.successPolicy) spec.successPolicy = o.successPolicy;
  if (o.backoffLimitPerIndex !== undefined) spec.backoffLimitPerIndex = o.backoffLimitPerIndex;
  if (o.maxFailedIndexes !== undefined) spec.maxFailedIndexes = o.maxFailedIndexes;
  return {
    apiVersion: 'batch/v1', kind: 'Job',
    metadata: { name: 'pi', namespace: 'default', uid: JOB_UID, generation: o.generation ?? 1, resourceVersion: '7', labels },
    spec,
    status: o.status ?? {},
  };
}

export interface PodOpts {
  phase?: 'Pending' | 'Running' | 'Succeeded' | 'Failed';
  /** Default true: the pod is not yet counted. */
  finalizer?: boolean;
  ready?: boolean;
  /** Seconds after T0 at which its container finished. */
  finishedAt?: number;
  restarts?: number;
  deleting?: boolean;
  index?: number;
  node?: string;
  created?: number;
  owner?: string | null;
  /** The container's exit code when it finished (default 1 when Failed, else 0). */
  exitCode?: number;
  /** Pod conditions besides Ready (e.g. DisruptionTarget). */
  conditions?: PodCondition[];
  annotations?: Record<string, string>;
}

export function pod(name: string, o: PodOpts = {}): PodObject {
  const phase = o.phase ?? 'Running';
  const conditions: PodCondition[] = [...(o.ready ? [{ type: 'Ready', status: 'True', lastTransitionTime: at(0) }] : []), ...(o.conditions ?? [])];
  const terminated = o.finishedAt !== undefined || phase === 'Succeeded' || phase === 'Failed';
  const cs: ContainerStatus = {
    name: 'pi', image: 'perl:5.34.0', imageID: '', ready: !!o.ready, restartCount: o.restarts ?? 0,
    state: terminated ? { terminated: { exitCode: o.exitCode ?? (phase === 'Failed' ? 1 : 0), finishedAt: at(o.finishedAt ?? 0) } } : { running: { startedAt: at(0) } },
  };
  const owner = o.owner === undefined ? JOB_UID : o.owner;
  const labels: Record<string, string> = { 'batch.kubernetes.io/controller-uid': JOB_UID, 'job-name': 'pi' };
  if (o.index !== undefined) labels[COMPLETION_INDEX] = String(o.index);
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: 'default', uid: `uid-${name}`, resourceVersion: '1', labels, creationTimestamp: at(o.created ?? 0),
      ...(o.index !== undefined || o.annotations ? { annotations: { ...(o.index !== undefined ? { [COMPLETION_INDEX]: String(o.index) } : {}), ...o.annotations } } : {}),
      ...(o.finalizer === false ? {} : { finalizers: [TRACKING_FINALIZER] }),
      ...(owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name: 'pi', uid: owner, controller: true, blockOwnerDeletion: true }] } : {}),
      ...(o.deleting ? { deletionTimestamp: at(0), deletionGracePeriodSeconds: 30 } : {}),
    },
    spec: { containers: [{ name: 'pi', image: 'perl:5.34.0' }], ...(o.node === '' ? {} : { nodeName: o.node ?? 'node-1' }) },
    status: { phase, conditions, containerStatuses: [cs] },
  };
}

/** Records every write; `fail` makes matching calls throw. Created pods get names `<generateName>0000n`. */
export class RecordingJobControl implements JobControl {
  readonly calls: string[] = [];
  readonly created: KObject[] = [];
  readonly statuses: JobStatus[] = [];
  readonly events: string[] = [];
  fail: { create?: Error; delete?: Error; patch?: Error } = {};
  fresh?: JobObject;
  private n = 0;
  private rv = 7;

  async createPod(_job: JobObject, p: KObject): Promise<void> {
    this.calls.push('create');
    if (this.fail.create) { this.events.push(`Warning FailedCreate Error creating: ${this.fail.create.message}`); throw this.fail.create; }
    const name = `${p.metadata.generateName}${String(++this.n).padStart(5, '0')}`;
    this.created.push(p);
    this.events.push(`Normal SuccessfulCreate Created pod: ${name}`);
  }

  async deletePod(_job: JobObject, _ns: string, name: string): Promise<void> {
    this.calls.push(`delete ${name}`);
    if (this.fail.delete) throw this.fail.delete;
    this.events.push(`Normal SuccessfulDelete Deleted pod: ${name}`);
  }

  async patchPod(_ns: string, name: string, patch: unknown): Promise<void> {
    this.calls.push(`patch ${name} ${JSON.stringify(patch)}`);
    if (this.fail.patch) throw this.fail.patch;
  }

  async getJob(): Promise<JobObject> { return this.fresh!; }

  async updateStatus(j: JobObject): Promise<JobObject> {
    this.calls.push('status');
    this.statuses.push(structuredClone(j.status ?? {}));
    return { ...structuredClone(j), metadata: { ...j.metadata, resourceVersion: String(++this.rv) } };
  }

  event(_job: JobObject, type: string, reason: string, message: string): void { this.events.push(`${type} ${reason} ${message}`); }
}

/** The failure back-off base the plan tests use (upstream's default, 10 s). */
export const BASE = 10_000;

export interface DecideOpts { now?: number; backoff?: BackoffRecord; expectedRm?: string[]; managed?: boolean }

/** One sync's decisions as the controller makes them, assuming every write succeeds. */
export function decide(o: JobOpts, pods: PodObject[], opts: DecideOpts = {}) {
  const now = opts.now ?? T0;
  const st: SyncState = assessJob(job(o), { pods, expectedRmFinalizers: new Set(opts.expectedRm ?? []), backoff: opts.backoff ?? NO_BACKOFF, now });
  let manage = '';
  let event: string | undefined;
  let annotations: Record<number, Record<string, string>> | undefined;
  if (st.finished) {
    manage = st.active.length ? `delete ${st.active.map((p) => p.metadata.name).join(',')}` : '';
    st.terminating += st.active.length;
    st.ready -= st.active.filter(isPodReady).length;
    st.activeCount = 0;
  } else {
    const plan = planManage(st, now, BASE);
    if (plan.action === 'create') manage = plan.indexes.length ? `create ${plan.indexes.join(',')}` : `create ${plan.count}`;
    if (plan.action === 'create' && plan.annotations) annotations = Object.fromEntries(plan.annotations);
    if (plan.action === 'delete') {
      manage = `delete ${plan.pods.map((p) => p.metadata.name).join(',')}`;
      st.activeCount -= plan.pods.length;
      st.terminating += plan.pods.length;
      st.ready -= plan.pods.filter(isPodReady).length;
    }
    if (plan.action === 'wait') { manage = `wait ${plan.afterMs}`; st.activeCount = 0; }
    if (plan.action === 'create') st.activeCount += plan.count;
    const after = afterManage(st, opts.managed ?? true, now);
    st.finished = after.finished;
    if (after.event) { event = after.event.reason; st.job.status.conditions = after.conditions; if (after.startTime) st.job.status.startTime = after.startTime; }
  }
  const condition = st.finished ? `${st.finished.type}/${st.finished.reason ?? ''}` : undefined;
  Object.assign(st.job.status, { active: st.activeCount, ready: st.ready, terminating: st.terminating });
  const tracking = planTracking(st, false, now);
  const finished = enactFinished(st.job.status, tracking.terminal, st.terminating, now);
  return {
    condition, message: st.finished?.message, manage, annotations, event, deadlineInMs: st.deadlineInMs, finished,
    removeFinalizer: tracking.removeFinalizer.map((p) => p.metadata.name).join(','),
    status: statusForWrite(st.job.status),
    conditions: (st.job.status.conditions ?? []).map((c) => `${c.type}=${c.status}/${c.reason ?? ''}`),
  };
}
