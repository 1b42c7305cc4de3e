// CronJob validation, as pkg/apis/batch/validation/validation.go (ValidateCronJobCreate, ValidateCronJobUpdate,
// validateCronJobSpec, validateScheduleFormat, validateTimeZone) in v1.33.
import type { CronJob, CronJobSpec } from 'kubernetes-types/batch/v1.js';
import { invalidValue, notSupported, required, type FieldError } from '../../errors.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { nonNegative } from '../../validation/field-rules.js';
import { validateJobTemplateSpec } from '../job/validation.js';
import { scheduleError } from './schedule.js';
import { loadLocationError } from './time-zone.js';

/** The controller appends `-<minutes since epoch>` (11 characters) to name Jobs, which are DNS labels (63). */
const MAX_NAME_LENGTH = 63 - 11;

// IANA naming rules (https://data.iana.org/time-zones/theory.html#naming), digits and '+' tolerated for legacy names.
const TIME_ZONE_PART = /^[A-Za-z.\-_0-9+]{1,14}$/;

export function validateCronJobCreate(cj: CronJob): FieldError[] {
  const meta = cj.metadata ?? {};
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain);
  errs.push(...validateCronJobSpec(cj.spec as CronJobSpec, undefined, 'spec'));
  if ((meta.name ?? '').length > MAX_NAME_LENGTH) {
    errs.push(invalidValue('metadata.name', meta.name, `must be no more than ${MAX_NAME_LENGTH} characters`));
  }
  return errs;
}

/** Update skips the name length rule, so that old long-named CronJobs can still be changed and deleted. */
export function validateCronJobUpdate(cj: CronJob, old: CronJob): FieldError[] {
  const errs = validateObjectMetaUpdate(cj.metadata ?? {}, old.metadata ?? {});
  errs.push(...validateCronJobSpec(cj.spec as CronJobSpec, old.spec, 'spec'));
  return errs;
}

function validateCronJobSpec(spec: CronJobSpec, old: CronJobSpec | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const schedule = spec.schedule ?? '';
  if (schedule.length === 0) errs.push(required(`${path}.schedule`));
  else errs.push(...validateSchedule(schedule, (old?.schedule ?? '').includes('TZ'), spec.timeZone, `${path}.schedule`));
  errs.push(...nonNegative(spec.startingDeadlineSeconds, `${path}.startingDeadlineSeconds`));
  if (!old || old.timeZone !== spec.timeZone) errs.push(...validateTimeZone(spec.timeZone, `${path}.timeZone`));
  const policy = spec.concurrencyPolicy ?? '';
  if (policy === '') errs.push(required(`${path}.concurrencyPolicy`));
  else if (!['Allow', 'Forbid', 'Replace'].includes(policy)) errs.push(notSupported(`${path}.concurrencyPolicy`, policy, ['Allow', 'Forbid', 'Replace']));
  errs.push(...validateJobTemplateSpec(spec.jobTemplate ?? {}, `${path}.jobTemplate`));
  errs.push(...nonNegative(spec.successfulJobsHistoryLimit, `${path}.successfulJobsHistoryLimit`));
  errs.push(...nonNegative(spec.failedJobsHistoryLimit, `${path}.failedJobsHistoryLimit`));
  return errs;
}

/** TZ=/CRON_TZ= is only tolerated on CronJobs that already had it (the timeZone field replaced it). */
function validateSchedule(schedule: string, allowTZ: boolean, timeZone: string | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const err = scheduleError(schedule);
  if (err) errs.push(invalidValue(path, schedule, err));
  if (allowTZ && schedule.includes('TZ') && timeZone !== undefined) {
    errs.push(invalidValue(path, schedule, 'cannot use both timeZone field and TZ or CRON_TZ in schedule'));
  } else if (!allowTZ && schedule.includes('TZ')) {
    errs.push(invalidValue(path, schedule, 'cannot use TZ or CRON_TZ in schedule, use timeZone field instead'));
  }
  return errs;
}

function validateTimeZone(tz: string | undefined, path: string): FieldError[] {
  if (tz === undefined) return [];
  if (tz.length === 0) return [invalidValue(path, tz, 'timeZone must be nil or non-empty string')];
  for (const part of tz.split('/')) {
    if (part === '.' || part === '..' || part.startsWith('-') || !TIME_ZONE_PART.test(part)) {
      return [invalidValue(path, tz, `unknown time zone ${tz}`)];
    }
  }
  const errs: FieldError[] = [];
  if (tz.toLowerCase() === 'local') errs.push(invalidValue(path, tz, 'timeZone must be an explicit time zone as defined in https://www.iana.org/time-zones'));
  const loadErr = loadLocationError(tz);
  if (loadErr) errs.push(invalidValue(path, tz, loadErr));
  return errs;
}

/** Status writes are not validated upstream (cronJobStatusStrategy.ValidateUpdate returns nil). */
export function validateCronJobStatusUpdate(): FieldError[] {
  return [];
}
