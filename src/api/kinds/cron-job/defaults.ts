// CronJob defaulting (pkg/apis/batch/v1/defaults.go SetDefaults_CronJob, plus the type-level defaults that
// reach into jobTemplate: pod template and pod failure policy patterns; the Job-level ones do not) and
// strategy (pkg/registry/batch/cronjob/strategy.go).
import type { CronJob, CronJobSpec } from 'kubernetes-types/batch/v1.js';
import { defaultPodTemplateSpec } from '../../validation/pod-defaults.js';
import { defaultPodFailurePolicy } from '../job/defaults.js';

export function defaultCronJob(cj: CronJob): void {
  const spec = (cj.spec ??= { schedule: '', jobTemplate: {} } as CronJobSpec);
  spec.concurrencyPolicy ||= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  spec.jobTemplate ??= {};
  // A Go struct value: serialized even when empty.
  spec.jobTemplate.metadata ??= {};
  const jobSpec = spec.jobTemplate.spec;
  if (jobSpec) {
    jobSpec.template ??= {};
    defaultPodFailurePolicy(jobSpec.podFailurePolicy);
    defaultPodTemplateSpec(jobSpec.template);
  }
}

export function prepareCronJobForCreate(cj: CronJob): void {
  cj.status = {}; // cleared; serialized as `status: {}`
}

export function prepareCronJobForUpdate(cj: CronJob, old: CronJob): void {
  if (old.status === undefined) delete cj.status;
  else cj.status = old.status;
}
