// What one CronJob sync decides, as syncCronJob and cleanupFinishedJobs in
// pkg/controller/cronjob/cronjob_controllerv2.go (v1.33), without I/O: which finished Jobs to prune,
// what the status becomes, which events to record, whether to start a Job (and which active Jobs a
// Replace policy deletes first), and when to look again. The controller does the lookups the upstream
// sync makes mid-way (a fresh CronJob, missing active Jobs) before calling this.
import type { CronJob, CronJobStatus, Job } from 'kubernetes-types/batch/v1.js';
import type { ObjectReference } from 'kubernetes-types/core/v1.js';
import { loadLocationError } from '../../api/kinds/cron-job/time-zone.js';
import { rfc3339 } from '../../util/clock.js';
import { jobFromTemplate, jobName } from './job-from-template.js';
import { byJobStartTime, finishedCondition, isJobSucceeded } from './job-state.js';
import { bindSchedule, formatSchedule, nextScheduleTime, nextScheduleTimeDuration, type BoundSchedule } from './schedule-times.js';

export interface PlannedEvent { type: 'Normal' | 'Warning'; reason: string; message: string }

export interface PlanInput {
  cronJob: CronJob;
  /** Jobs whose controller reference names this CronJob (getJobsToBeReconciled). */
  jobs: readonly Job[];
  now: number;
  /** The zone a schedule without timeZone runs in: the controller manager's own (time.Local). */
  defaultZone: string;
  /** Active entries with no cached Job that the API server says are gone. */
  goneActive?: ReadonlySet<string>;
}

export interface JobStart {
  /** Active Jobs a Replace policy deletes before starting the next. */
  replace: ObjectReference[];
  job: Job;
  scheduledTime: number;
  /** When to look again once the Job is started (computed with the new lastScheduleTime). */
  requeueAfterMs?: number;
}

export interface CronJobPlan {
  /** Finished Jobs beyond the history limits, oldest first: deleted before anything else. */
  prune: Job[];
  events: PlannedEvent[];
  /** The status after pruning and observing the Jobs (before any start). */
  status: CronJobStatus;
  start?: JobStart;
  /** When to look again if nothing is started; undefined: only a change wakes the CronJob. */
  requeueAfterMs?: number;
}

const RFC1123Z_DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const RFC1123Z_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Go's time.RFC1123Z of a UTC instant, as the MissSchedule event prints it. */
export function rfc1123z(ms: number): string {
  const d = new Date(ms);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${RFC1123Z_DAYS[d.getUTCDay()]}, ${p(d.getUTCDate())} ${RFC1123Z_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())} +0000`;
}

/** Active entries without a Job in the cache: the controller asks the API server about each. */
export function activeWithoutJob(cj: CronJob, jobs: readonly Job[]): ObjectReference[] {
  const uids = new Set(jobs.map((j) => j.metadata?.uid));
  return (cj.status?.active ?? []).filter((r) => !uids.has(r.uid));
}

/** Unfinished Jobs of ours missing from status.active (a lagging cache, a crash, or kubectl create job --from). */
export function unexpectedJobs(cj: CronJob, jobs: readonly Job[]): Job[] {
  const active = new Set((cj.status?.active ?? []).map((r) => r.uid));
  return jobs.filter((j) => !active.has(j.metadata?.uid) && finishedCondition(j) === undefined);
}

/** deleteFromActiveList; an emptied list is dropped, as Go omits an empty slice. */
export function withoutActive(status: CronJobStatus, uid: string | undefined): CronJobStatus {
  const { active = [], ...rest } = status;
  const kept = active.filter((r) => r.uid !== uid);
  if (kept.length === active.length) return status;
  return kept.length ? { ...status, active: kept } : rest;
}

/** cleanupFinishedJobs: finished Jobs past successfulJobsHistoryLimit / failedJobsHistoryLimit, oldest first. */
export function jobsToPrune(cj: CronJob, jobs: readonly Job[]): Job[] {
  const succeededLimit = cj.spec?.successfulJobsHistoryLimit;
  const failedLimit = cj.spec?.failedJobsHistoryLimit;
  const excess = (list: Job[], limit: number | undefined) =>
    limit === undefined || limit === null ? [] : [...list].sort(byJobStartTime).slice(0, Math.max(0, list.length - limit));
  return [
    ...excess(jobs.filter((j) => finishedCondition(j) === 'Complete'), succeededLimit),
    ...excess(jobs.filter((j) => finishedCondition(j) === 'Failed'), failedLimit),
  ];
}

export function planCronJob(input: PlanInput): CronJobPlan {
  const { cronJob: cj, jobs, now } = input;
  const events: PlannedEvent[] = [];
  const prune = jobsToPrune(cj, jobs);
  let status: CronJobStatus = { ...(cj.status ?? {}) };
  for (const j of prune) status = withoutActive(status, j.metadata?.uid);

  const inActive = (uid: string | undefined) => (status.active ?? []).some((r) => r.uid === uid);
  for (const j of jobs) {
    const condition = finishedCondition(j);
    if (!inActive(j.metadata?.uid) && condition === undefined) {
      events.push({ type: 'Warning', reason: 'UnexpectedJob', message: `Saw a job that the controller did not create or forgot: ${j.metadata?.name}` });
    } else if (condition !== undefined) {
      if (inActive(j.metadata?.uid)) {
        status = withoutActive(status, j.metadata?.uid);
        events.push({ type: 'Normal', reason: 'SawCompletedJob', message: `Saw completed job: ${j.metadata?.name}, condition: ${condition}` });
      }
      const completed = j.status?.completionTime;
      if (isJobSucceeded(j) && completed && (!status.lastSuccessfulTime || Date.parse(completed) > Date.parse(status.lastSuccessfulTime))) {
        status = { ...status, lastSuccessfulTime: completed };
      }
    }
  }
  // An active Job that no longer exists would keep the CronJob "active" for ever.
  for (const ref of activeWithoutJob({ ...cj, status }, jobs)) {
    if (!input.goneActive?.has(ref.uid ?? '')) continue;
    events.push({ type: 'Normal', reason: 'MissingJob', message: `Active job went missing: ${ref.name}` });
    status = withoutActive(status, ref.uid);
  }

  const plan: CronJobPlan = { prune, events, status };
  if (cj.metadata?.deletionTimestamp) return plan;
  const tz = cj.spec?.timeZone;
  if (tz !== undefined && tz !== null) {
    const err = loadLocationError(tz);
    if (err) {
      events.push({ type: 'Warning', reason: 'UnknownTimeZone', message: `invalid timeZone: ${JSON.stringify(tz)}: ${err}` });
      return plan;
    }
  }
  if (cj.spec?.suspend) return plan;

  const formatted = formatSchedule(cj);
  if (formatted.tzInSchedule) {
    events.push({ type: 'Warning', reason: 'UnsupportedSchedule', message: `CRON_TZ or TZ used in schedule ${JSON.stringify(cj.spec?.schedule)} is not officially supported, see https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/ for more details` });
  }
  const bound = bindSchedule(formatted.spec, input.defaultZone);
  if ('error' in bound) {
    events.push({ type: 'Warning', reason: 'UnparseableSchedule', message: `unparseable schedule: ${JSON.stringify(cj.spec?.schedule)} : ${bound.error}` });
    return plan;
  }
  return planStart(cj, status, now, bound, plan);
}

/** The scheduling half of syncCronJob, on the status the observations produced. */
function planStart(cj: CronJob, status: CronJobStatus, now: number, sched: BoundSchedule, plan: CronJobPlan): CronJobPlan {
  const current: CronJob = { ...cj, status };
  const { events } = plan;
  const next = nextScheduleTime(current, now, sched);
  if (next.tooManyMissed) {
    events.push({ type: 'Warning', reason: 'TooManyMissedTimes', message: 'too many missed start times. Set or decrease .spec.startingDeadlineSeconds or check clock skew' });
  }
  if (next.time === undefined && next.error !== undefined) {
    events.push({ type: 'Warning', reason: 'InvalidSchedule', message: `invalid schedule: ${cj.spec?.schedule} : ${next.error}` });
    return plan;
  }
  const requeue = () => nextScheduleTimeDuration(current, now, sched);
  const scheduled = next.time;
  if (scheduled === undefined) return { ...plan, requeueAfterMs: requeue() };

  const deadline = cj.spec?.startingDeadlineSeconds;
  if (deadline !== undefined && deadline !== null && scheduled + deadline * 1000 < now) {
    events.push({ type: 'Warning', reason: 'MissSchedule', message: `Missed scheduled time to start a job: ${rfc1123z(scheduled)}` });
    return { ...plan, requeueAfterMs: requeue() };
  }
  const name = jobName(cj, scheduled);
  const lastSchedule = status.lastScheduleTime ? Date.parse(status.lastScheduleTime) : undefined;
  if ((status.active ?? []).some((r) => r.name === name && r.namespace === cj.metadata?.namespace) || lastSchedule === scheduled) {
    return { ...plan, requeueAfterMs: requeue() };
  }
  if (cj.spec?.concurrencyPolicy === 'Forbid' && (status.active ?? []).length > 0) {
    events.push({ type: 'Normal', reason: 'JobAlreadyActive', message: 'Not starting job because prior execution is running and concurrency policy is Forbid' });
    return { ...plan, requeueAfterMs: requeue() };
  }
  const replace = cj.spec?.concurrencyPolicy === 'Replace' ? [...(status.active ?? [])] : [];
  const started: CronJob = { ...cj, status: { ...status, lastScheduleTime: rfc3339(scheduled) } };
  return {
    ...plan,
    start: { replace, job: jobFromTemplate(cj, scheduled), scheduledTime: scheduled, requeueAfterMs: nextScheduleTimeDuration(started, now, sched) },
  };
}
