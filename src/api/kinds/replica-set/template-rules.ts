// The pod template rules shared by ReplicaSet and DaemonSet (pkg/apis/apps/validation/validation.go
// ValidatePodTemplateSpecForReplicaSet, ValidateDaemonSetSpec): a valid template whose pods run forever.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import { forbiddenField, notSupported, type FieldError } from '../../errors.js';
import { validatePodTemplateSpec } from '../../validation/pod-spec.js';

export function validateRestartAlwaysTemplate(tpl: PodTemplateSpec, path: string, kindName: string): FieldError[] {
  const errs = validatePodTemplateSpec(tpl, path);
  const rp = tpl.spec?.restartPolicy ?? '';
  // restartPolicy has had its first-order validation in validatePodTemplateSpec.
  if (rp !== 'Always') errs.push(notSupported(`${path}.spec.restartPolicy`, rp, ['Always']));
  if (tpl.spec?.activeDeadlineSeconds !== undefined) {
    errs.push(forbiddenField(`${path}.spec.activeDeadlineSeconds`, `activeDeadlineSeconds in ${kindName} is not Supported`));
  }
  return errs;
}
