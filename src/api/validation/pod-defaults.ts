// PodSpec defaults, as pkg/apis/core/v1/defaults.go.
import type { PodSpec, PodTemplateSpec } from 'kubernetes-types/core/v1.js';

export function defaultPodSpec(spec: PodSpec): void {
  void spec;
}

export function defaultPodTemplateSpec(tpl: PodTemplateSpec): void {
  if (tpl.spec) defaultPodSpec(tpl.spec);
}
