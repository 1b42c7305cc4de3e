// Pod validation on create and update (pkg/apis/core/validation/validation.go ValidatePodCreate,
// ValidatePodUpdate): the spec is immutable apart from a few fields.
import { isDeepStrictEqual } from 'node:util';
import type { PodSpec, Toleration } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { validatePodSpec } from '../../validation/pod-spec.js';
import type { PodObject } from './defaults.js';

const INT32_MAX = 2 ** 31 - 1;
const UPDATABLE = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
].join(',');

function validateMetadataAndSpec(pod: PodObject): FieldError[] {
  return [
    ...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain),
    ...validatePodSpec(pod.spec ?? { containers: [] }, 'spec'),
  ];
}

export function validatePod(obj: KObject): FieldError[] {
  const pod = obj as PodObject;
  const errs = validateMetadataAndSpec(pod);
  // Ephemeral containers are only added through the ephemeralcontainers subresource.
  if (pod.spec?.ephemeralContainers?.length) errs.push(forbiddenField('spec.ephemeralContainers', 'cannot be set on create'));
  if (pod.spec?.nodeName && pod.spec.schedulingGates?.length) {
    errs.push(forbiddenField('spec.nodeName', 'cannot be set until all schedulingGates have been cleared'));
  }
  return errs;
}

/** New tolerations may be added; existing ones may only lower their tolerationSeconds (validateOnlyAddedTolerations). */
function onlyAddedTolerations(now: Toleration[] | undefined, old: Toleration[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const o of old ?? []) {
    const found = (now ?? []).some((n) => {
      const { tolerationSeconds: ns, ...nr } = n;
      const { tolerationSeconds: os, ...or } = o;
      if (!isDeepStrictEqual({ ...nr, operator: nr.operator || 'Equal' }, { ...or, operator: or.operator || 'Equal' })) return false;
      return os === undefined ? ns === undefined : ns !== undefined && ns <= os;
    });
    if (!found) errs.push(forbiddenField(path, 'existing toleration can not be modified except its tolerationSeconds'));
  }
  return errs;
}

/** A short Go-flavoured diff in place of upstream's cmp.Diff, naming the fields that changed. */
function specDiff(old: PodSpec, now: PodSpec): string {
  const keys = [...new Set([...Object.keys(old), ...Object.keys(now)])].sort();
  const go = (k: string) => k.charAt(0).toUpperCase() + k.slice(1);
  const lines = keys.flatMap((k) => {
    const a = (old as unknown as Record<string, unknown>)[k];
    const b = (now as unknown as Record<string, unknown>)[k];
    if (isDeepStrictEqual(a, b)) return [];
    return [...(a === undefined ? [] : [`- \t${go(k)}: ${JSON.stringify(a)},`]), ...(b === undefined ? [] : [`+ \t${go(k)}: ${JSON.stringify(b)},`])];
  });
  return `  core.PodSpec{\n${lines.join('\n')}\n  }\n`;
}

function validateSpecUpdate(now: PodSpec, old: PodSpec): FieldError[] {
  const errs: FieldError[] = [];
  for (const [key, path] of [['containers', 'spec.containers'], ['initContainers', 'spec.initContainers']] as const) {
    // Adding or removing containers stops the check here, as upstream's ValidateContainerUpdates.
    if ((now[key]?.length ?? 0) !== (old[key]?.length ?? 0)) {
      return [forbiddenField(path, 'pod updates may not add or remove containers')];
    }
  }
  const ads = now.activeDeadlineSeconds;
  if (ads !== undefined && ads !== null) {
    if (ads < 0 || ads > INT32_MAX) return [invalidValue('spec.activeDeadlineSeconds', ads, `must be between 0 and ${INT32_MAX}, inclusive`)];
    if (old.activeDeadlineSeconds != null && old.activeDeadlineSeconds < ads) {
      return [invalidValue('spec.activeDeadlineSeconds', ads, 'must be less than or equal to previous value')];
    }
  } else if (old.activeDeadlineSeconds != null) {
    errs.push(invalidValue('spec.activeDeadlineSeconds', null, 'must not update from a positive integer to nil value'));
  }
  errs.push(...onlyAddedTolerations(now.tolerations, old.tolerations, 'spec.tolerations'));
  if (isDeepStrictEqual(now, old)) return errs;

  const munged: PodSpec = structuredClone(now);
  munged.containers = munged.containers.map((c, i) => ({ ...c, image: old.containers[i]!.image }));
  if (munged.initContainers) munged.initContainers = munged.initContainers.map((c, i) => ({ ...c, image: old.initContainers![i]!.image }));
  for (const key of ['activeDeadlineSeconds', 'schedulingGates', 'tolerations'] as const) {
    if (old[key] === undefined) delete munged[key];
    else (munged as unknown as Record<string, unknown>)[key] = old[key];
  }
  const oldGrace = old.terminationGracePeriodSeconds;
  if (oldGrace != null && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) munged.terminationGracePeriodSeconds = oldGrace;
  if (!isDeepStrictEqual(munged, old)) {
    errs.push(forbiddenField('spec', `pod updates may not change fields other than ${UPDATABLE}\n${specDiff(old, munged)}`));
  }
  return errs;
}

export function validatePodUpdate(obj: KObject, oldObj: KObject): FieldError[] {
  const pod = obj as PodObject;
  const old = oldObj as PodObject;
  return [
    ...validateObjectMetaUpdate(pod.metadata, old.metadata),
    ...validateMetadataAndSpec(pod),
    ...validateSpecUpdate(pod.spec ?? { containers: [] }, old.spec ?? { containers: [] }),
  ];
}
