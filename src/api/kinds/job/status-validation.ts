// Job status writes (pkg/apis/batch/validation/validation.go validateJobStatus, ValidateJobStatusUpdate), with the
// options pkg/registry/batch/job/strategy.go getStatusValidationOptions sets while JobManagedBy is on (v1.33):
// most transition rules apply only when the fields they look at change, so a stale status can still be fixed.
import type { Job, JobCondition, JobStatus } from 'kubernetes-types/batch/v1.js';
import { duplicate, invalidValue, required, type FieldError } from '../../errors.js';
import { validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { nonNegative } from '../../validation/field-rules.js';
import { failedIndexesOverlapCompleted, indexesTotal } from './policies-validation.js';

const isTrue = (conds: JobCondition[] | undefined, type: string) => (conds ?? []).some((c) => c.type === type && c.status === 'True');
const complete = (j: Job) => isTrue(j.status?.conditions, 'Complete');
const failed = (j: Job) => isTrue(j.status?.conditions, 'Failed');
const failureTarget = (j: Job) => isTrue(j.status?.conditions, 'FailureTarget');
const successCriteriaMet = (j: Job) => isTrue(j.status?.conditions, 'SuccessCriteriaMet');
const finished = (j: Job) => complete(j) || failed(j);
const same = (a: unknown, b: unknown) => JSON.stringify(a ?? null) === JSON.stringify(b ?? null);

export function validateJobStatusUpdate(job: Job, old: Job): FieldError[] {
  const errs = validateObjectMetaUpdate(job.metadata ?? {}, old.metadata ?? {});
  const s: JobStatus = job.status ?? {};
  const o: JobStatus = old.status ?? {};
  const spec = job.spec;
  const isIndexed = spec?.completionMode === 'Indexed';
  const changed = {
    finished: finished(old) !== finished(job),
    complete: complete(old) !== complete(job),
    failed: failed(old) !== failed(job),
    failureTarget: failureTarget(old) !== failureTarget(job),
    completedIndexes: (o.completedIndexes ?? '') !== (s.completedIndexes ?? ''),
    failedIndexes: !same(o.failedIndexes, s.failedIndexes),
    active: (o.active ?? 0) !== (s.active ?? 0),
    startTime: !same(o.startTime, s.startTime),
    completionTime: !same(o.completionTime, s.completionTime),
    uncounted: !same(o.uncountedTerminatedPods, s.uncountedTerminatedPods),
  };
  const p = 'status';
  errs.push(...nonNegative(s.active ?? 0, `${p}.active`), ...nonNegative(s.succeeded ?? 0, `${p}.succeeded`), ...nonNegative(s.failed ?? 0, `${p}.failed`));
  errs.push(...nonNegative(s.ready, `${p}.ready`), ...nonNegative(s.terminating, `${p}.terminating`));
  errs.push(...validateUncounted(s, `${p}.uncountedTerminatedPods`));
  if ((changed.complete || changed.failed) && complete(job) && failed(job)) {
    errs.push(invalidValue(`${p}.conditions`, undefined, 'cannot set Complete=True and Failed=true conditions'));
  }
  if ((changed.complete || changed.failureTarget) && complete(job) && failureTarget(job)) {
    errs.push(invalidValue(`${p}.conditions`, undefined, 'cannot set Complete=True and FailureTarget=true conditions'));
  }
  if ((changed.complete || changed.completionTime) && s.completionTime && !complete(job)) {
    errs.push(invalidValue(`${p}.completionTime`, s.completionTime, 'cannot set completionTime when there is no Complete=True condition'));
  }
  if ((changed.complete || changed.completionTime) && !s.completionTime && complete(job)) {
    errs.push(required(`${p}.completionTime`, 'completionTime is required for Complete jobs'));
  }
  if ((changed.startTime || changed.completionTime) && s.startTime && s.completionTime && Date.parse(s.completionTime) < Date.parse(s.startTime)) {
    errs.push(invalidValue(`${p}.completionTime`, s.completionTime, 'completionTime cannot be set before startTime'));
  }
  if ((changed.finished || changed.active) && (s.active ?? 0) > 0 && finished(job)) {
    errs.push(invalidValue(`${p}.active`, s.active, 'active>0 is invalid for finished job'));
  }
  if ((changed.finished || changed.startTime) && !s.startTime && finished(job)) {
    errs.push(required(`${p}.startTime`, 'startTime is required for finished job'));
  }
  const uncounted = (s.uncountedTerminatedPods?.failed?.length ?? 0) + (s.uncountedTerminatedPods?.succeeded?.length ?? 0);
  if ((changed.finished || changed.uncounted) && finished(job) && uncounted > 0) {
    errs.push(invalidValue(`${p}.uncountedTerminatedPods`, s.uncountedTerminatedPods, 'uncountedTerminatedPods needs to be empty for finished job'));
  }
  if (changed.completedIndexes && spec?.completions !== undefined) {
    const r = indexesTotal(s.completedIndexes ?? '', spec.completions);
    if (typeof r === 'string') errs.push(invalidValue(`${p}.completedIndexes`, s.completedIndexes, `error parsing completedIndexes: ${r}`));
  }
  if (changed.failedIndexes && spec?.completions !== undefined && spec.backoffLimitPerIndex !== undefined && s.failedIndexes !== undefined) {
    const r = indexesTotal(s.failedIndexes, spec.completions);
    if (typeof r === 'string') errs.push(invalidValue(`${p}.failedIndexes`, s.failedIndexes, `error parsing failedIndexes: ${r}`));
  }
  if (changed.completedIndexes && (s.completedIndexes ?? '') !== '' && !isIndexed) {
    errs.push(invalidValue(`${p}.completedIndexes`, s.completedIndexes, 'cannot set non-empty completedIndexes when non-indexed completion mode'));
  }
  if (changed.failedIndexes && spec?.backoffLimitPerIndex === undefined && s.failedIndexes !== undefined) {
    errs.push(invalidValue(`${p}.failedIndexes`, s.failedIndexes, 'cannot set non-null failedIndexes when backoffLimitPerIndex is null'));
  }
  if ((changed.failedIndexes || changed.completedIndexes) && spec?.completions !== undefined && s.failedIndexes !== undefined) {
    const overlap = failedIndexesOverlapCompleted(s.completedIndexes ?? '', s.failedIndexes, spec.completions);
    if (overlap) errs.push(invalidValue(`${p}.failedIndexes`, s.failedIndexes, overlap));
  }
  if (successCriteriaMet(job) && failed(job)) errs.push(invalidValue(`${p}.conditions`, undefined, 'cannot set SuccessCriteriaMet=True and Failed=true conditions'));
  if (successCriteriaMet(job) && failureTarget(job)) errs.push(invalidValue(`${p}.conditions`, undefined, 'cannot set SuccessCriteriaMet=True and FailureTarget=true conditions'));
  if (spec?.successPolicy && !successCriteriaMet(job) && complete(job)) {
    errs.push(invalidValue(`${p}.conditions`, undefined, 'cannot set Complete=True for Job with SuccessPolicy unless SuccessCriteriaMet=True'));
  }
  errs.push(...validateTransitions(job, old));
  return errs;
}

/** ValidateJobStatusUpdate's comparisons with the previous status. */
function validateTransitions(job: Job, old: Job): FieldError[] {
  const errs: FieldError[] = [];
  const s: JobStatus = job.status ?? {};
  const o: JobStatus = old.status ?? {};
  for (const type of ['Failed', 'Complete', 'FailureTarget']) {
    if (isTrue(o.conditions, type) && !isTrue(s.conditions, type)) {
      errs.push(invalidValue('status.conditions', undefined, `cannot disable the terminal ${type}=True condition`));
    }
  }
  if ((s.failed ?? 0) < (o.failed ?? 0)) errs.push(invalidValue('status.failed', s.failed ?? 0, 'cannot decrease the failed counter'));
  // Elastic Indexed Jobs may scale down, and lose succeeded indexes with it.
  const isIndexed = job.spec?.completionMode === 'Indexed';
  const mayDecrease = isIndexed && job.spec?.completions === job.spec?.parallelism;
  if (!mayDecrease && (s.succeeded ?? 0) < (o.succeeded ?? 0)) {
    errs.push(invalidValue('status.succeeded', s.succeeded ?? 0, 'cannot decrease the succeeded counter'));
  }
  if (s.completionTime && o.completionTime && s.completionTime !== o.completionTime) {
    errs.push(invalidValue('status.completionTime', s.completionTime, 'completionTime cannot be mutated'));
  }
  if (o.startTime && !same(o.startTime, s.startTime) && !job.spec?.suspend) {
    errs.push(required('status.startTime', 'startTime cannot be removed for unsuspended job'));
  }
  if (successCriteriaMet(old) && !successCriteriaMet(job)) {
    errs.push(invalidValue('status.conditions', undefined, 'cannot disable the SuccessCriteriaMet=True condition'));
  }
  if (complete(old) && !successCriteriaMet(old) && successCriteriaMet(job)) {
    errs.push(invalidValue('status.conditions', undefined, 'cannot set SuccessCriteriaMet=True for Job already has Complete=true conditions'));
  }
  return errs;
}

function validateUncounted(s: JobStatus, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  for (const kind of ['succeeded', 'failed'] as const) {
    (s.uncountedTerminatedPods?.[kind] ?? []).forEach((uid, i) => {
      const p = `${path}.${kind}[${i}]`;
      if (uid === '') errs.push(invalidValue(p, uid, 'must not be empty'));
      else if (seen.has(uid)) errs.push(duplicate(p, uid));
      else seen.add(uid);
    });
  }
  return errs;
}
