// PodSpec validation, as pkg/apis/core/validation/validation.go (ValidatePodSpec, ValidatePodTemplateSpec),
// in upstream's order so multi-error messages list causes as kube-apiserver does.
import type { PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, notSupported, required, type FieldError } from '../errors.js';
import { validateContainers, validateInitContainers } from './containers.js';
import { isValidLabelValue, validateLabelName, validateLabels } from './labels.js';
import { inclusiveRangeError, isDNS1123Subdomain } from './names.js';
import { validateAnnotations } from './object-meta.js';
import { dns1123LabelField } from './pod-rules.js';
import { validateVolumes } from './volumes.js';

const INT32_MAX = 2 ** 31 - 1;
export const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirst', 'ClusterFirstWithHostNet', 'Default', 'None'];
const TAINT_EFFECTS = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

function validateRestartPolicy(p: string | undefined, path: string): FieldError[] {
  if (!p) return [required(path)];
  return RESTART_POLICIES.includes(p) ? [] : [notSupported(path, p, RESTART_POLICIES)];
}

export function validateTolerations(tolerations: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (tolerations ?? []).forEach((t, i) => {
    const p = `${path}[${i}]`;
    if (t.key) errs.push(...validateLabelName(t.key, `${p}.key`));
    if (!t.key && t.operator !== 'Exists') {
      errs.push(invalidValue(`${p}.operator`, t.operator ?? '', 'operator must be Exists when `key` is empty, which means "match all values and all keys"'));
    }
    if (t.tolerationSeconds !== undefined && t.effect !== 'NoExecute') {
      errs.push(invalidValue(`${p}.effect`, t.effect ?? '', "effect must be 'NoExecute' when `tolerationSeconds` is set"));
    }
    if (!t.operator || t.operator === 'Equal') {
      const msgs = isValidLabelValue(t.value ?? '');
      if (msgs.length) errs.push(invalidValue(`${p}.operator`, t.value ?? '', msgs.join(';')));
    } else if (t.operator === 'Exists') {
      if (t.value) errs.push(invalidValue(`${p}.operator`, t, "value must be empty when `operator` is 'Exists'"));
    } else {
      errs.push(notSupported(`${p}.operator`, t.operator, ['Equal', 'Exists']));
    }
    if (t.effect && !TAINT_EFFECTS.includes(t.effect)) errs.push(notSupported(`${p}.effect`, t.effect, TAINT_EFFECTS));
  });
  return errs;
}

const subdomainField = (v: string | undefined, path: string): FieldError[] =>
  v ? isDNS1123Subdomain(v).map((m) => invalidValue(path, v, m)) : [];

export function validatePodSpec(spec: PodSpec, path: string): FieldError[] {
  const errs: FieldError[] = [];
  if (spec.terminationGracePeriodSeconds === undefined || spec.terminationGracePeriodSeconds === null) {
    errs.push(required(`${path}.terminationGracePeriodSeconds`));
  }
  const vols = validateVolumes(spec.volumes, `${path}.volumes`);
  errs.push(...vols.errs);
  const ctx = { volumes: vols.names, gracePeriod: spec.terminationGracePeriodSeconds ?? undefined };
  errs.push(...validateContainers(spec.containers, ctx, `${path}.containers`));
  errs.push(...validateInitContainers(spec.initContainers, spec.containers, ctx, `${path}.initContainers`));
  errs.push(...validateRestartPolicy(spec.restartPolicy, `${path}.restartPolicy`));
  if (!DNS_POLICIES.includes(spec.dnsPolicy ?? '')) errs.push(notSupported(`${path}.dnsPolicy`, spec.dnsPolicy ?? '', DNS_POLICIES));
  errs.push(...validateLabels(spec.nodeSelector, `${path}.nodeSelector`));
  (spec.imagePullSecrets ?? []).forEach((s, i) => {
    if (!s.name) errs.push(required(`${path}.imagePullSecrets[${i}].name`));
  });
  (spec.readinessGates ?? []).forEach((g, i) => errs.push(...validateLabelName(g.conditionType, `${path}.readinessGates[${i}].conditionType`)));
  errs.push(...subdomainField(spec.serviceAccountName, `${path}.serviceAccountName`));
  errs.push(...subdomainField(spec.nodeName, `${path}.nodeName`));
  const ads = spec.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null && (ads < 1 || ads > INT32_MAX)) {
    errs.push(invalidValue(`${path}.activeDeadlineSeconds`, ads, inclusiveRangeError(1, INT32_MAX)));
  }
  if (spec.hostname) errs.push(...dns1123LabelField(spec.hostname, `${path}.hostname`));
  if (spec.subdomain) errs.push(...dns1123LabelField(spec.subdomain, `${path}.subdomain`));
  errs.push(...validateTolerations(spec.tolerations, `${path}.tolerations`));
  errs.push(...subdomainField(spec.priorityClassName, `${path}.priorityClassName`));
  const pp = spec.preemptionPolicy;
  if (pp !== undefined && pp !== null && pp !== 'PreemptLowerPriority' && pp !== 'Never') {
    errs.push(notSupported(`${path}.preemptionPolicy`, pp, ['PreemptLowerPriority', 'Never']));
  }
  return errs;
}

/** Template labels, annotations and spec; controllers add their own restartPolicy/selector rules. */
export function validatePodTemplateSpec(tpl: PodTemplateSpec, path: string): FieldError[] {
  // Upstream reports template labels at `<path>.labels` (ValidatePodTemplateSpec), not `.metadata.labels`.
  const errs = [
    ...validateLabels(tpl.metadata?.labels, `${path}.labels`),
    ...validateAnnotations(tpl.metadata?.annotations, `${path}.annotations`),
    ...validatePodSpec(tpl.spec ?? { containers: [] }, `${path}.spec`),
  ];
  if (tpl.spec?.ephemeralContainers?.length) {
    errs.push(forbiddenField(`${path}.spec.ephemeralContainers`, 'ephemeral containers not allowed in pod template'));
  }
  return errs;
}
