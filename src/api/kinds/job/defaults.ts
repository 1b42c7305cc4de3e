// Job defaulting (pkg/apis/batch/v1/defaults.go SetDefaults_Job) and the create/update strategy
// (pkg/registry/batch/job/strategy.go PrepareForCreate, generateSelector, PrepareForUpdate), as of v1.33.
import type { Job, JobSpec, PodFailurePolicy } from 'kubernetes-types/batch/v1.js';
import { defaultPodTemplateSpec } from '../../validation/pod-defaults.js';

export const CONTROLLER_UID_LABEL = 'batch.kubernetes.io/controller-uid';
export const JOB_NAME_LABEL = 'batch.kubernetes.io/job-name';
export const LEGACY_CONTROLLER_UID_LABEL = 'controller-uid';
export const LEGACY_JOB_NAME_LABEL = 'job-name';
const MAX_INT32 = 2147483647; // backoffLimit when backoffLimitPerIndex is set: failures count per index instead

/** Jobs whose metadata.labels came from the template, so they follow the labels the strategy adds to it. */
const labelsFromTemplate = new WeakSet<object>();

export function defaultJob(job: Job): void {
  const spec = (job.spec ??= { template: {} } as JobSpec);
  spec.template ??= {};
  defaultJobSpec(spec);
  const tplLabels = spec.template.metadata?.labels;
  const meta = (job.metadata ??= {});
  if (tplLabels && Object.keys(meta.labels ?? {}).length === 0) {
    // Upstream aliases the template's map; the labels generated below therefore show up on the Job too.
    meta.labels = { ...tplLabels };
    labelsFromTemplate.add(job);
  }
}

function defaultJobSpec(spec: JobSpec): void {
  if (spec.completions === undefined && spec.parallelism === undefined) {
    spec.completions = 1;
    spec.parallelism = 1;
  }
  spec.parallelism ??= 1;
  spec.backoffLimit ??= spec.backoffLimitPerIndex !== undefined ? MAX_INT32 : 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.podReplacementPolicy ??= spec.podFailurePolicy ? 'Failed' : 'TerminatingOrFailed';
  spec.manualSelector ??= false;
  defaultPodFailurePolicy(spec.podFailurePolicy);
  defaultPodTemplateSpec(spec.template);
}

/** SetDefaults_PodFailurePolicyOnPodConditionsPattern; also applies inside a CronJob's jobTemplate. */
export function defaultPodFailurePolicy(p: PodFailurePolicy | undefined): void {
  for (const rule of p?.rules ?? []) for (const pattern of rule.onPodConditions ?? []) pattern.status ||= 'True';
}

/** Strategy PrepareForCreate: generated selector and labels (metadata.uid is already set), cleared status. */
export function prepareJobForCreate(job: Job): void {
  const spec = job.spec as JobSpec;
  if (!spec.manualSelector) generateSelector(job);
  job.status = {}; // cleared; serialized as `status: {}`
  const meta = job.metadata ?? {};
  if (labelsFromTemplate.has(job) || Object.keys(meta.labels ?? {}).length === 0) {
    // Upstream re-defaults on every read: an unlabelled Job shows its template's (generated) labels.
    if (spec.template.metadata?.labels) meta.labels = { ...spec.template.metadata.labels };
  }
}

/** Adds the job-name and controller-uid labels the user did not set, and selects on the controller uid. */
function generateSelector(job: Job): void {
  const spec = job.spec as JobSpec;
  const tplMeta = (spec.template.metadata ??= {});
  const labels = (tplMeta.labels ??= {});
  const name = job.metadata?.name ?? '';
  const uid = job.metadata?.uid ?? '';
  // A user-set label is kept as is; validation then reports the conflict.
  for (const key of [LEGACY_JOB_NAME_LABEL, JOB_NAME_LABEL]) labels[key] ??= name;
  for (const key of [LEGACY_CONTROLLER_UID_LABEL, CONTROLLER_UID_LABEL]) labels[key] ??= uid;
  const selector = (spec.selector ??= {});
  const matchLabels = (selector.matchLabels ??= {});
  matchLabels[CONTROLLER_UID_LABEL] ??= uid;
}

/** Strategy PrepareForUpdate: the main resource cannot write status. */
export function prepareJobForUpdate(job: Job, old: Job): void {
  if (old.status === undefined) delete job.status;
  else job.status = old.status;
}
