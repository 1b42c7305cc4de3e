// ReplicationController validation (pkg/apis/core/validation/validation.go ValidateReplicationController,
// ValidatePodTemplateSpecForRC).
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, notSupported, required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { nonNegative } from '../../validation/field-rules.js';
import { goStringMap, withGoValue } from '../../validation/go-value.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { validatePodTemplateSpec } from '../../validation/pod-spec.js';
import type { RCObject } from './defaults.js';

function validateTemplate(tpl: PodTemplateSpec | undefined, selector: Record<string, string>, path: string): FieldError[] {
  if (!tpl) return [required(path)];
  const errs: FieldError[] = [];
  const labels = tpl.metadata?.labels ?? {};
  const keys = Object.keys(selector);
  if (keys.length > 0 && !keys.every((k) => labels[k] === selector[k])) {
    errs.push(withGoValue(invalidValue(`${path}.metadata.labels`, undefined, '`selector` does not match template `labels`'), goStringMap(tpl.metadata?.labels)));
  }
  errs.push(...validatePodTemplateSpec(tpl, path));
  const rp = tpl.spec?.restartPolicy ?? '';
  if (rp !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, rp, ['Always']));
  if (tpl.spec?.activeDeadlineSeconds != null) {
    errs.push(forbiddenField(`${path}.spec.activeDeadlineSeconds`, 'activeDeadlineSeconds in ReplicationController is not Supported'));
  }
  return errs;
}

function validateSpec(rc: RCObject): FieldError[] {
  const spec = rc.spec ?? {};
  const selector = spec.selector ?? {};
  return [
    ...nonNegative(spec.minReadySeconds, 'spec.minReadySeconds'),
    ...(Object.keys(selector).length === 0 ? [required('spec.selector')] : []),
    ...nonNegative(spec.replicas, 'spec.replicas'),
    ...validateTemplate(spec.template, selector, 'spec.template'),
  ];
}

export function validateReplicationController(obj: KObject): FieldError[] {
  const rc = obj as RCObject;
  return [...validateObjectMeta(rc.metadata, true, nameIsDNSSubdomain), ...validateSpec(rc)];
}

export function validateReplicationControllerUpdate(obj: KObject, old: KObject): FieldError[] {
  return [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(obj as RCObject)];
}
