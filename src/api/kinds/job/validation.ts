// Job validation, as pkg/apis/batch/validation/validation.go (ValidateJob, validateJobSpec, ValidateJobUpdate)
// with the options pkg/registry/batch/job/strategy.go passes in v1.33.
import type { Job, JobSpec, JobTemplateSpec } from 'kubernetes-types/batch/v1.js';
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { invalidValue, notSupported, required, tooLong, type FieldError } from '../../errors.js';
import { validateLabelSelector } from '../../validation/labels.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { isDNS1123Label, isDNS1123Subdomain, nameIsDNSSubdomain, regexError } from '../../validation/names.js';
import { validatePodTemplateSpec } from '../../validation/pod-spec.js';
import { goLabelSelector, goStringMap, goStruct, withGoValue } from '../../validation/go-value.js';
import { immutableField, nonNegative } from '../../validation/field-rules.js';
import { labelSelectorMatches } from '../../meta/label-selector.js';
import { CONTROLLER_UID_LABEL, JOB_NAME_LABEL, LEGACY_CONTROLLER_UID_LABEL, LEGACY_JOB_NAME_LABEL } from './defaults.js';
import { validatePodFailurePolicy, validatePodReplacementPolicy, validateSuccessPolicy } from './policies-validation.js';

const MAX_PARALLELISM_FOR_INDEXED_JOB = 100_000;
const MAX_FAILED_INDEXES_FOR_INDEXED_JOB = 100_000;
const COMPLETIONS_SOFT_LIMIT = 100_000; // above it, backoffLimitPerIndex needs the tighter limits below
const PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS = 10_000;
const MAX_MANAGED_BY_LENGTH = 63;
const HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";

export interface JobValidationOptions {
  /** nodeSelector, tolerations, affinity, labels, annotations and schedulingGates may change (suspended, never started). */
  allowMutableSchedulingDirectives: boolean;
  /** Require the batch.kubernetes.io/ labels too (always on create; on update only if the old Job had them). */
  requirePrefixedLabels: boolean;
}

const CREATE_OPTIONS: JobValidationOptions = { allowMutableSchedulingDirectives: false, requirePrefixedLabels: true };

export function validateJob(job: Job, opts: JobValidationOptions = CREATE_OPTIONS): FieldError[] {
  const meta = job.metadata ?? {};
  const spec = job.spec as JobSpec;
  const errs = validateObjectMeta(meta, true, nameIsDNSSubdomain);
  errs.push(...validateGeneratedSelector(job, opts.requirePrefixedLabels));
  errs.push(...validateJobSpec(spec, 'spec'));
  if (spec.completionMode === 'Indexed' && spec.completions !== undefined && spec.completions > 0) {
    // Indexed pods get the hostname `<job>-<index>`; a name that cannot make one would stall the Job later.
    const hostname = `${meta.name ?? ''}-${spec.completions - 1}`;
    if (isDNS1123Label(hostname).length > 0) {
      errs.push(invalidValue('metadata.name', meta.name, `will not able to create pod with invalid DNS label: ${hostname}`));
    }
  }
  return errs;
}

/** The generated selector and labels must still be the ones PrepareForCreate put there. */
function validateGeneratedSelector(job: Job, requirePrefixed: boolean): FieldError[] {
  const spec = job.spec as JobSpec;
  if (spec.manualSelector || !spec.selector) return [];
  const errs: FieldError[] = [];
  const uid = job.metadata?.uid ?? '';
  const name = job.metadata?.name ?? '';
  if (!uid) errs.push(required('metadata.uid'));
  const expected: Record<string, string> = {};
  const want: Array<[string, string]> = [[LEGACY_CONTROLLER_UID_LABEL, uid], [LEGACY_JOB_NAME_LABEL, name]];
  if (requirePrefixed) want.push([CONTROLLER_UID_LABEL, uid], [JOB_NAME_LABEL, name]);
  for (const [key, value] of want) {
    errs.push(...hasLabel(spec.template, 'spec.template.metadata', key, value));
    expected[key] = value;
  }
  if (labelSelectorMatches(spec.selector, expected) === false) {
    errs.push(withGoValue(invalidValue('spec.selector', undefined, '`selector` not auto-generated'), goLabelSelector(spec.selector)));
  }
  return errs;
}

/** ValidateHasLabel (pkg/apis/core/validation). */
function hasLabel(tpl: PodTemplateSpec, path: string, key: string, value: string): FieldError[] {
  const labels = tpl.metadata?.labels ?? {};
  const field = `${path}.labels[${key}]`;
  if (!(key in labels)) return [required(field, `must be '${value}'`)];
  if (labels[key] !== value) return [withGoValue(invalidValue(field, undefined, `must be '${value}'`), goStringMap(labels))];
  return [];
}

/** ValidateJobSpec: the spec rules plus a selector that must match the template. */
export function validateJobSpec(spec: JobSpec, path: string): FieldError[] {
  const errs = validateJobSpecFields(spec, path);
  if (!spec.selector) errs.push(required(`${path}.selector`));
  else errs.push(...validateLabelSelector(spec.selector, `${path}.selector`));
  const labels = spec.template?.metadata?.labels;
  if (labelSelectorMatches(spec.selector, labels) === false) {
    errs.push(withGoValue(invalidValue(`${path}.template.metadata.labels`, undefined, '`selector` does not match template `labels`'), goStringMap(labels)));
  }
  return errs;
}

/** ValidateJobTemplateSpec, for a CronJob's jobTemplate: the selector is always generated later. */
export function validateJobTemplateSpec(tpl: JobTemplateSpec, path: string): FieldError[] {
  const spec = (tpl.spec ?? { template: {} }) as JobSpec;
  const errs = validateJobSpecFields(spec, `${path}.spec`);
  if (spec.selector) {
    errs.push(withGoValue(invalidValue(`${path}.spec.selector`, undefined, '`selector` will be auto-generated'), goLabelSelector(spec.selector)));
  }
  if (spec.manualSelector) errs.push(notSupported(`${path}.spec.manualSelector`, true, ['nil', 'false']));
  return errs;
}

/** validateJobSpec, in upstream's order (the order of the causes in a 422). */
function validateJobSpecFields(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  errs.push(...nonNegative(spec.parallelism, `${path}.parallelism`));
  errs.push(...nonNegative(spec.completions, `${path}.completions`));
  errs.push(...nonNegative(spec.activeDeadlineSeconds, `${path}.activeDeadlineSeconds`));
  errs.push(...nonNegative(spec.backoffLimit, `${path}.backoffLimit`));
  errs.push(...nonNegative(spec.ttlSecondsAfterFinished, `${path}.ttlSecondsAfterFinished`));
  errs.push(...nonNegative(spec.backoffLimitPerIndex, `${path}.backoffLimitPerIndex`));
  if (spec.maxFailedIndexes !== undefined) {
    errs.push(...nonNegative(spec.maxFailedIndexes, `${path}.maxFailedIndexes`));
    if (spec.backoffLimitPerIndex === undefined) errs.push(required(`${path}.backoffLimitPerIndex`, 'when maxFailedIndexes is specified'));
  }
  if (spec.managedBy !== undefined) {
    errs.push(...domainPrefixedPath(spec.managedBy, `${path}.managedBy`));
    if (spec.managedBy.length > MAX_MANAGED_BY_LENGTH) errs.push(tooLong(`${path}.managedBy`, undefined, MAX_MANAGED_BY_LENGTH));
  }
  errs.push(...validateCompletionMode(spec, path));
  if (spec.podFailurePolicy) errs.push(...validatePodFailurePolicy(spec, `${path}.podFailurePolicy`));
  if (spec.successPolicy) {
    if (spec.completionMode !== 'Indexed') {
      errs.push(withGoValue(invalidValue(`${path}.successPolicy`, undefined, 'requires indexed completion mode'), goStruct('batch.SuccessPolicy', spec.successPolicy)));
    } else {
      errs.push(...validateSuccessPolicy(spec, `${path}.successPolicy`));
    }
  }
  errs.push(...validatePodReplacementPolicy(spec, `${path}.podReplacementPolicy`));
  const template = spec.template ?? {};
  errs.push(...validatePodTemplateSpec(template, `${path}.template`));
  // An unset restartPolicy has been defaulted to Always, hence "Required" for both.
  const rp = template.spec?.restartPolicy ?? '';
  const rpPath = `${path}.template.spec.restartPolicy`;
  if (rp === 'Always' || rp === '') errs.push(required(rpPath, 'valid values: "OnFailure", "Never"'));
  else if (rp !== 'OnFailure' && rp !== 'Never') errs.push(notSupported(rpPath, rp, ['OnFailure', 'Never']));
  else if (spec.podFailurePolicy && rp !== 'Never') errs.push(invalidValue(rpPath, rp, 'only "Never" is supported when podFailurePolicy is specified'));
  return errs;
}

function validateCompletionMode(spec: JobSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const mode = spec.completionMode;
  if (mode !== undefined && mode !== 'NonIndexed' && mode !== 'Indexed') {
    errs.push(notSupported(`${path}.completionMode`, mode, ['NonIndexed', 'Indexed']));
  }
  if (mode === 'Indexed') {
    const { completions, parallelism, maxFailedIndexes: maxFailed } = spec;
    if (completions === undefined) errs.push(required(`${path}.completions`, 'when completion mode is Indexed'));
    if (parallelism !== undefined && parallelism > MAX_PARALLELISM_FOR_INDEXED_JOB) {
      errs.push(invalidValue(`${path}.parallelism`, parallelism, `must be less than or equal to ${MAX_PARALLELISM_FOR_INDEXED_JOB} when completion mode is Indexed`));
    }
    if (completions !== undefined && maxFailed !== undefined && maxFailed > completions) {
      errs.push(invalidValue(`${path}.maxFailedIndexes`, maxFailed, 'must be less than or equal to completions'));
    }
    if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES_FOR_INDEXED_JOB) {
      errs.push(invalidValue(`${path}.maxFailedIndexes`, maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES_FOR_INDEXED_JOB}`));
    }
    if (completions !== undefined && completions > COMPLETIONS_SOFT_LIMIT && spec.backoffLimitPerIndex !== undefined) {
      const why = `when completions are above ${COMPLETIONS_SOFT_LIMIT} and used with backoff limit per index`;
      if (maxFailed === undefined) errs.push(required(`${path}.maxFailedIndexes`, `must be specified when completions is above ${COMPLETIONS_SOFT_LIMIT}`));
      if (parallelism !== undefined && parallelism > PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS) {
        errs.push(invalidValue(`${path}.parallelism`, parallelism, `must be less than or equal to ${PARALLELISM_LIMIT_FOR_HIGH_COMPLETIONS} ${why}`));
      }
      if (maxFailed !== undefined && maxFailed > MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS) {
        errs.push(invalidValue(`${path}.maxFailedIndexes`, maxFailed, `must be less than or equal to ${MAX_FAILED_INDEXES_LIMIT_FOR_HIGH_COMPLETIONS} ${why}`));
      }
    }
  }
  if (mode === undefined || mode === 'NonIndexed') {
    if (spec.backoffLimitPerIndex !== undefined) errs.push(invalidValue(`${path}.backoffLimitPerIndex`, spec.backoffLimitPerIndex, 'requires indexed completion mode'));
    if (spec.maxFailedIndexes !== undefined) errs.push(invalidValue(`${path}.maxFailedIndexes`, spec.maxFailedIndexes, 'requires indexed completion mode'));
  }
  return errs;
}

/** IsDomainPrefixedPath (apimachinery pkg/util/validation/validation.go). */
function domainPrefixedPath(v: string, path: string): FieldError[] {
  if (v.length === 0) return [required(path)];
  const slash = v.indexOf('/');
  const host = slash < 0 ? '' : v.slice(0, slash);
  const rest = slash < 0 ? '' : v.slice(slash + 1);
  if (!host || !rest) return [invalidValue(path, v, 'must be a domain-prefixed path (such as "acme.io/foo")')];
  const errs = isDNS1123Subdomain(host).map((m) => invalidValue(path, host, m));
  if (!new RegExp(`^${HTTP_PATH_FMT}$`).test(rest)) errs.push(invalidValue(path, rest, regexError('Invalid path', HTTP_PATH_FMT)));
  return errs;
}

/** Update rules: strategy ValidateUpdate runs the create rules and then ValidateJobUpdate. */
export function validateJobUpdate(job: Job, old: Job): FieldError[] {
  const oldLabels = old.spec?.template?.metadata?.labels ?? {};
  const opts: JobValidationOptions = {
    allowMutableSchedulingDirectives: old.spec?.suspend === true && !old.status?.startTime,
    requirePrefixedLabels: JOB_NAME_LABEL in oldLabels && CONTROLLER_UID_LABEL in oldLabels,
  };
  const spec = job.spec as JobSpec;
  const oldSpec = old.spec as JobSpec;
  const errs = validateJob(job, opts);
  errs.push(...validateObjectMetaUpdate(job.metadata ?? {}, old.metadata ?? {}));
  errs.push(...validateJobSpec(spec, 'spec'));
  errs.push(...validateCompletionsUpdate(spec, oldSpec));
  errs.push(...immutableField(spec.selector, oldSpec.selector, 'spec.selector', goLabelSelector));
  errs.push(...validateTemplateUpdate(spec, oldSpec, opts.allowMutableSchedulingDirectives));
  errs.push(...immutableField(spec.completionMode, oldSpec.completionMode, 'spec.completionMode'));
  errs.push(...immutableField(spec.podFailurePolicy, oldSpec.podFailurePolicy, 'spec.podFailurePolicy', (v: object) => goStruct('batch.PodFailurePolicy', v)));
  errs.push(...immutableField(spec.backoffLimitPerIndex, oldSpec.backoffLimitPerIndex, 'spec.backoffLimitPerIndex'));
  errs.push(...immutableField(spec.managedBy, oldSpec.managedBy, 'spec.managedBy'));
  errs.push(...immutableField(spec.successPolicy, oldSpec.successPolicy, 'spec.successPolicy', (v: object) => goStruct('batch.SuccessPolicy', v)));
  return errs;
}

/** Elastic Indexed Jobs (GA in v1.31): completions may change only together with an equal parallelism. */
function validateCompletionsUpdate(spec: JobSpec, old: JobSpec): FieldError[] {
  if (spec.completionMode !== 'Indexed') return immutableField(spec.completions, old.completions, 'spec.completions');
  if (spec.completions === old.completions || spec.completions === undefined) return [];
  if (spec.completions !== spec.parallelism) {
    return [invalidValue('spec.completions', spec.completions, 'can only be modified in tandem with spec.parallelism')];
  }
  return [];
}

function validateTemplateUpdate(spec: JobSpec, old: JobSpec, allowScheduling: boolean): FieldError[] {
  const tpl = spec.template ?? {};
  let oldTpl: PodTemplateSpec = old.template ?? {};
  if (allowScheduling) {
    // Compare against the old template with the mutable directives taken from the new one.
    const copy = structuredClone(oldTpl);
    const newSpec = tpl.spec ?? { containers: [] };
    const oldSpec = (copy.spec ??= { containers: [] });
    const newAff = newSpec.affinity;
    if (!newAff && oldSpec.affinity) {
      delete oldSpec.affinity.nodeAffinity;
      if (Object.keys(oldSpec.affinity).length === 0) delete oldSpec.affinity;
    } else if (newAff && !oldSpec.affinity) {
      oldSpec.affinity = newAff.nodeAffinity ? { nodeAffinity: newAff.nodeAffinity } : {};
    } else if (newAff && oldSpec.affinity) {
      oldSpec.affinity.nodeAffinity = newAff.nodeAffinity;
    }
    oldSpec.nodeSelector = newSpec.nodeSelector;
    oldSpec.tolerations = newSpec.tolerations;
    oldSpec.schedulingGates = newSpec.schedulingGates;
    const meta = (copy.metadata ??= {});
    meta.annotations = tpl.metadata?.annotations;
    meta.labels = tpl.metadata?.labels;
    oldTpl = copy;
  }
  return immutableField(tpl, oldTpl, 'spec.template', (v: object) => goStruct('core.PodTemplateSpec', v));
}
