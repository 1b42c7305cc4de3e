// Job conditions with the reasons and messages of v1.33 (job_controller.go newCondition,
// ensureJobConditionStatus, newSuccessCondition, newFailureCondition; batch/v1 types.go reasons).
// JobManagedBy and JobPodReplacementPolicy are on by default in v1.33, so delayTerminalCondition()
// holds: FailureTarget / SuccessCriteriaMet come first, Failed / Complete once no pod is terminating.
import type { Job, JobCondition } from 'kubernetes-types/batch/v1.js';
import { rfc3339 } from '../../util/clock.js';

export const BACKOFF_LIMIT_EXCEEDED = { reason: 'BackoffLimitExceeded', message: 'Job has reached the specified backoff limit' };
export const DEADLINE_EXCEEDED = { reason: 'DeadlineExceeded', message: 'Job was active longer than specified deadline' };
export const MAX_FAILED_INDEXES_EXCEEDED = { reason: 'MaxFailedIndexesExceeded', message: 'Job has exceeded the specified maximal number of failed indexes' };
export const FAILED_INDEXES = { reason: 'FailedIndexes', message: 'Job has failed indexes' };
/** JobSuccessPolicy is GA in v1.33: a Job that reaches its completions says so. */
export const COMPLETIONS_REACHED = { reason: 'CompletionsReached', message: 'Reached expected number of succeeded pods' };
export const REASON_POD_FAILURE_POLICY = 'PodFailurePolicy';
export const REASON_SUCCESS_POLICY = 'SuccessPolicy';

export type ConditionType = 'Complete' | 'Failed' | 'Suspended' | 'FailureTarget' | 'SuccessCriteriaMet';

export function newCondition(type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): JobCondition {
  const t = rfc3339(now);
  const c: JobCondition = { type, status, lastProbeTime: t, lastTransitionTime: t };
  if (reason) c.reason = reason; // omitempty, as the Go struct serialises
  if (message) c.message = message;
  return c;
}

export const findCondition = (list: readonly JobCondition[] | undefined, type: string) => (list ?? []).find((c) => c.type === type);

const isTrue = (job: Job, type: string) => findCondition(job.status?.conditions, type)?.status === 'True';

/** util.IsJobFinished: Complete or Failed is True. */
export const isJobFinished = (job: Job) => (job.status?.conditions ?? []).some((c) => (c.type === 'Complete' || c.type === 'Failed') && c.status === 'True');

export const hasSuccessCriteriaMet = (job: Job) => isTrue(job, 'SuccessCriteriaMet');

export const isSuspended = (job: Job) => job.spec?.suspend === true;

/**
 * ensureJobConditionStatus: replaces the condition of that type when status, reason or message
 * differ; appends it when missing unless it would be False. Returns the new list and whether it changed.
 */
export function ensureCondition(list: readonly JobCondition[] | undefined, type: ConditionType, status: 'True' | 'False', reason: string, message: string, now: number): [JobCondition[], boolean] {
  const cur = [...(list ?? [])];
  const i = cur.findIndex((c) => c.type === type);
  if (i >= 0) {
    const c = cur[i]!;
    if (c.status === status && (c.reason ?? '') === reason && (c.message ?? '') === message) return [cur, false];
    cur[i] = newCondition(type, status, reason, message, now);
    return [cur, true];
  }
  if (status === 'False') return [cur, false];
  return [[...cur, newCondition(type, status, reason, message, now)], true];
}

/** newFailureCondition: FailureTarget first (delayTerminalCondition), Failed later with the same reason. */
export const failureTarget = (r: { reason: string; message: string }, now: number) => newCondition('FailureTarget', 'True', r.reason, r.message, now);

/** newSuccessCondition: SuccessCriteriaMet first, Complete later with the same reason. */
export const successCriteriaMet = (now: number, r = COMPLETIONS_REACHED) => newCondition('SuccessCriteriaMet', 'True', r.reason, r.message, now);
