// The CronJob controller, as pkg/controller/cronjob/cronjob_controllerv2.go (v1.33): informers on
// CronJobs and Jobs, a queue keyed `namespace/name` that each sync re-arms for the next schedule
// time, and a sync that gathers (cache, plus the two lookups upstream makes against the API server),
// plans purely (plan.ts), then writes: prune, replace, create, one status update.
import { isDeepStrictEqual } from 'node:util';
import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1.js';
import type { KindDef } from '../../api/kind.js';
import { controllerRef, isControlledBy } from '../../api/meta/owners.js';
import type { KObject } from '../../api/object.js';
import { isAlreadyExists, isNotFound, type ApiClient } from '../../client/api-client.js';
import { EventRecorder } from '../../client/events.js';
import { Informer, objectKey } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import { rfc3339, type Clock } from '../../util/clock.js';
import { jobReference } from './job-from-template.js';
import { activeWithoutJob, planCronJob, unexpectedJobs, withoutActive, type JobStart, type PlannedEvent } from './plan.js';
import { bindSchedule, formatSchedule, nextScheduleTimeDuration } from './schedule-times.js';

export const CRONJOB_CONTROLLER = 'cronjob-controller';
/** Index of Jobs by `namespace/<controller reference name>`: upstream matches children by that name alone. */
const BY_CONTROLLER_NAME = 'controllerName';

type Obj = KObject;
const asCronJob = (o: Obj) => o as unknown as CronJob;
const asJob = (o: Obj) => o as unknown as Job;
const errText = (e: unknown) => (e instanceof Error ? e.message : String(e));

function namespaceTerminating(e: unknown): boolean {
  const details = (e as { details?: { causes?: Array<{ type?: string; reason?: string }> } }).details;
  return !!details?.causes?.some((c) => c.type === 'NamespaceTerminating' || c.reason === 'NamespaceTerminating');
}

export interface CronJobControllerOptions {
  clock: Clock;
  log: (m: string) => void;
  /** The zone schedules without timeZone run in; the process's own by default, as time.Local. */
  defaultZone?: string;
  timers?: Timers;
}

export class CronJobController {
  readonly cronJobs: Informer<Obj>;
  readonly jobs: Informer<Obj>;
  readonly queue: WorkQueue;
  readonly recorder: EventRecorder;
  private readonly cronJobDef: KindDef;
  private readonly jobDef: KindDef;
  private readonly clock: Clock;
  private readonly log: (m: string) => void;
  private readonly defaultZone: string;

  constructor(private readonly client: ApiClient, opts: CronJobControllerOptions) {
    this.clock = opts.clock;
    this.log = opts.log;
    this.defaultZone = opts.defaultZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone;
    this.cronJobDef = client.kind('batch', 'CronJob');
    this.jobDef = client.kind('batch', 'Job');
    this.recorder = new EventRecorder(client, { component: CRONJOB_CONTROLLER }, opts.clock, { log: opts.log });
    this.queue = new WorkQueue((key) => this.sync(key), { timers: opts.timers, onError: (key, err) => this.log(`cronjob controller: ${key}: ${errText(err)}`) });
    this.cronJobs = new Informer(client, this.cronJobDef, { log: opts.log });
    this.jobs = new Informer(client, this.jobDef, { log: opts.log });
    this.jobs.addIndex(BY_CONTROLLER_NAME, (j) => {
      const ref = controllerRef(j);
      return ref ? [`${j.metadata.namespace}/${ref.name}`] : [];
    });
    this.cronJobs.addHandlers({
      onAdd: (cj) => this.queue.add(objectKey(cj)),
      onUpdate: (old, cur) => this.cronJobUpdated(asCronJob(old), cur),
      onDelete: (cj) => this.queue.add(objectKey(cj)),
    });
    this.jobs.addHandlers({
      onAdd: (j) => this.enqueueOwner(j),
      onUpdate: (old, cur) => {
        if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return; // a resync
        const oldRef = controllerRef(old), curRef = controllerRef(cur);
        if (oldRef && JSON.stringify(oldRef) !== JSON.stringify(curRef)) this.enqueueOwner(old);
        this.enqueueOwner(cur);
      },
      onDelete: (j) => this.enqueueOwner(j),
    });
  }

  async start(): Promise<void> {
    await this.jobs.start();
    await this.cronJobs.start();
  }

  stop(): void {
    this.queue.stop();
    this.cronJobs.stop();
    this.jobs.stop();
  }

  /** resolveControllerRef: the cached CronJob a Job's controller reference points at, uid and all. */
  private enqueueOwner(job: Obj): void {
    const ref = controllerRef(job);
    if (!ref || ref.kind !== 'CronJob') return;
    const cj = this.cronJobs.get(`${job.metadata.namespace}/${ref.name}`);
    if (cj && cj.metadata.uid === ref.uid) this.queue.add(objectKey(cj));
  }

  /** updateCronJob: a new schedule or zone re-arms the queue for its next time; anything else syncs now. */
  private cronJobUpdated(old: CronJob, curObj: Obj): void {
    const cur = asCronJob(curObj);
    const key = objectKey(curObj);
    if (old.spec?.schedule === cur.spec?.schedule && old.spec?.timeZone === cur.spec?.timeZone) return this.queue.add(key);
    const bound = bindSchedule(formatSchedule(cur).spec, this.defaultZone);
    if ('error' in bound) {
      this.recorder.event(curObj, 'Warning', 'UnParseableCronJobSchedule', `unparseable schedule for cronjob: ${cur.spec?.schedule}`);
      return;
    }
    this.queue.addAfter(key, Math.max(0, nextScheduleTimeDuration(cur, this.clock.now(), bound) ?? 0));
  }

  /** One CronJob: returns milliseconds until it should be looked at again, or undefined. */
  async sync(key: string): Promise<number | undefined> {
    const cached = this.cronJobs.get(key);
    if (!cached) return undefined;
    let obj: Obj = cached;
    const jobs = this.jobs.byIndex(BY_CONTROLLER_NAME, key).map(asJob);
    // An unfinished Job of ours missing from status.active may only mean our status write is not in the
    // cache yet: upstream reads the CronJob afresh before calling it unexpected.
    const unexpected = unexpectedJobs(asCronJob(obj), jobs);
    if (unexpected.length) {
      const fresh = await this.client.get(this.cronJobDef, cached.metadata.namespace, cached.metadata.name!).catch((e: unknown) => {
        if (isNotFound(e)) return undefined;
        throw e;
      });
      if (!fresh) return undefined;
      const freshActive = new Set((asCronJob(fresh).status?.active ?? []).map((r) => r.uid));
      if (unexpected.some((j) => freshActive.has(j.metadata?.uid))) obj = fresh;
    }
    const cj = asCronJob(obj);
    // An active Job missing from the cache may be a slow watch: only the API server can say it is gone.
    const goneActive = new Set<string>();
    for (const ref of activeWithoutJob(cj, jobs)) {
      try {
        await this.client.get(this.jobDef, ref.namespace, ref.name ?? '');
      } catch (e) {
        if (!isNotFound(e)) throw e;
        goneActive.add(ref.uid ?? '');
      }
    }
    const plan = planCronJob({ cronJob: cj, jobs, now: this.clock.now(), defaultZone: this.defaultZone, goneActive });

    for (const j of plan.prune) await this.deleteJob(obj, j.metadata?.namespace, j.metadata?.name ?? '');
    for (const ev of plan.events) this.record(obj, ev);
    const state = { status: plan.status };
    let requeue = plan.requeueAfterMs;
    let failure: unknown;
    if (plan.start) {
      try {
        requeue = await this.startJob(obj, plan.start, state);
      } catch (e) {
        failure = e;
        requeue = undefined;
      }
    }
    if (!isDeepStrictEqual(state.status, cj.status ?? {})) {
      await this.client.updateStatus(this.cronJobDef, { ...obj, status: state.status });
    }
    if (failure !== undefined) throw failure;
    return requeue;
  }

  private record(obj: Obj, ev: PlannedEvent): void {
    this.recorder.event(obj, ev.type, ev.reason, ev.message);
  }

  /** deleteJob (Background propagation, as upstream realJobControl): false, with a FailedDelete event, on error. */
  private async deleteJob(obj: Obj, namespace: string | undefined, name: string): Promise<boolean> {
    try {
      await this.client.delete(this.jobDef, namespace, name, { propagationPolicy: 'Background' });
    } catch (e) {
      this.recorder.event(obj, 'Warning', 'FailedDelete', `Deleted job: ${errText(e)}`);
      return false;
    }
    this.recorder.event(obj, 'Normal', 'SuccessfulDelete', `Deleted job ${name}`);
    return true;
  }

  /** Replace's deletions, then the create; status changes land in state even when a step fails. */
  private async startJob(obj: Obj, start: JobStart, state: { status: CronJobStatus }): Promise<number | undefined> {
    for (const ref of start.replace) {
      let job: Obj;
      try {
        job = await this.client.get(this.jobDef, ref.namespace, ref.name ?? '');
      } catch (e) {
        this.recorder.event(obj, 'Warning', 'FailedGet', `Get job: ${errText(e)}`);
        throw e;
      }
      if (!(await this.deleteJob(obj, job.metadata.namespace, job.metadata.name!))) {
        throw new Error(`could not replace job ${job.metadata.namespace}/${job.metadata.name}`);
      }
      state.status = withoutActive(state.status, job.metadata.uid);
    }
    let created: Obj;
    let existed = false;
    try {
      created = await this.client.create(this.jobDef, start.job as unknown as Obj);
    } catch (e) {
      if (namespaceTerminating(e)) throw e;
      if (!isAlreadyExists(e)) {
        this.recorder.event(obj, 'Warning', 'FailedCreate', `Error creating job: ${errText(e)}`);
        throw e;
      }
      // Ours from an earlier sync whose status write was lost: put it back in active. Anyone else's:
      // leave it, and (as upstream) do not requeue.
      created = await this.client.get(this.jobDef, start.job.metadata?.namespace, start.job.metadata?.name ?? '');
      if (!isControlledBy(created, obj.metadata.uid)) return undefined;
      if ((state.status.active ?? []).some((r) => r.uid === created.metadata.uid)) return undefined;
      existed = true;
    }
    if (existed) this.log(`cronjob controller: ${objectKey(obj)}: job ${created.metadata.name} already exists`);
    else this.recorder.event(obj, 'Normal', 'SuccessfulCreate', `Created job ${created.metadata.name}`);
    state.status = { ...state.status, active: [...(state.status.active ?? []), jobReference(asJob(created))], lastScheduleTime: rfc3339(start.scheduledTime) };
    return start.requeueAfterMs;
  }
}
