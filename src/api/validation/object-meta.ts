// ObjectMeta validation, as apimachinery pkg/api/validation/objectmeta.go, with core's extra
// finalizer-name rule (pkg/apis/core/validation/validation.go validateKubeFinalizerName).
import { isDeepStrictEqual } from 'node:util';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { forbiddenField, invalidValue, required, tooLong, type FieldError } from '../errors.js';
import type { ObjectMeta } from '../object.js';
import { FIELD_IMMUTABLE, nonNegative } from './field-rules.js';
import { isQualifiedName, validateLabels } from './labels.js';
import { byteLength, nameIsDNSLabel, type NameValidator } from './names.js';

/** As upstream TotalAnnotationSizeLimitB: all keys and values together. */
export const TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

/** Finalizers core accepts without a domain prefix (pkg/apis/core/helper IsStandardFinalizerName). */
const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

export function validateAnnotations(annotations: Record<string, string> | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let size = 0;
  for (const [k, v] of Object.entries(annotations ?? {})) {
    // Annotation keys are qualified names in any letter case.
    errs.push(...isQualifiedName(k.toLowerCase()).map((m) => invalidValue(path, k, m)));
    size += byteLength(k) + byteLength(String(v));
  }
  if (size > TOTAL_ANNOTATION_SIZE_LIMIT) errs.push(tooLong(path, '', TOTAL_ANNOTATION_SIZE_LIMIT));
  return errs;
}

/** v1 Events may not own anything (upstream BannedOwners). */
const BANNED_OWNERS = new Set(['/v1, Kind=Event']);

function validateOwnerReference(ref: OwnerReference, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const apiVersion = ref.apiVersion ?? '';
  const slash = apiVersion.indexOf('/');
  const group = slash < 0 ? '' : apiVersion.slice(0, slash);
  const version = slash < 0 ? apiVersion : apiVersion.slice(slash + 1);
  if (!version) errs.push(invalidValue(`${path}.apiVersion`, apiVersion, 'version must not be empty'));
  if (!ref.kind) errs.push(invalidValue(`${path}.kind`, ref.kind ?? '', 'must not be empty'));
  if (!ref.name) errs.push(invalidValue(`${path}.name`, ref.name ?? '', 'must not be empty'));
  if (!ref.uid) errs.push(invalidValue(`${path}.uid`, ref.uid ?? '', 'must not be empty'));
  const gvk = `${group}/${version}, Kind=${ref.kind ?? ''}`;
  if (BANNED_OWNERS.has(gvk)) errs.push(invalidValue(path, ref, `${gvk} is disallowed from being an owner`));
  return errs;
}

// Upstream reports each reference's errors under the list path itself, not an index.
export function validateOwnerReferences(refs: OwnerReference[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let firstController = '';
  for (const ref of refs ?? []) {
    errs.push(...validateOwnerReference(ref, path));
    if (ref.controller) {
      const cur = `${ref.kind}/${ref.name}`;
      if (firstController) {
        errs.push(invalidValue(path, refs, `Only one reference can have Controller set to true. Found "true" in references for ${firstController} and ${cur}`));
      } else firstController = cur;
    }
  }
  return errs;
}

export function validateFinalizers(finalizers: string[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const list = finalizers ?? [];
  for (const f of list) errs.push(...isQualifiedName(f).map((m) => invalidValue(path, f, m)));
  if (list.includes('orphan') && list.includes('foregroundDeletion')) {
    errs.push(invalidValue(path, list, 'finalizer orphan and foregroundDeletion cannot be both set'));
  }
  // Core's extra rule, reported per index (core ValidateObjectMeta → validateKubeFinalizerName).
  list.forEach((f, i) => {
    const p = `${path}[${i}]`;
    if (f.split('/').length === 1 && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalidValue(p, f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  });
  return errs;
}

/** Create-time rules. The registry has already turned generateName into a name when one was asked for. */
export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (meta.generateName) errs.push(...nameFn(meta.generateName, true).map((m) => invalidValue(`${path}.generateName`, meta.generateName, m)));
  if (!meta.name) errs.push(required(`${path}.name`, 'name or generateName is required'));
  else errs.push(...nameFn(meta.name, false).map((m) => invalidValue(`${path}.name`, meta.name, m)));
  if (namespaced) {
    if (!meta.namespace) errs.push(required(`${path}.namespace`));
    else errs.push(...nameIsDNSLabel(meta.namespace, false).map((m) => invalidValue(`${path}.namespace`, meta.namespace, m)));
  } else if (meta.namespace) {
    errs.push(forbiddenField(`${path}.namespace`, 'not allowed on this type'));
  }
  errs.push(...nonNegative(meta.generation, `${path}.generation`));
  errs.push(...common(meta, path));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}

function common(meta: ObjectMeta, path: string): FieldError[] {
  return [
    ...validateLabels(meta.labels, `${path}.labels`),
    ...validateAnnotations(meta.annotations, `${path}.annotations`),
    ...validateOwnerReferences(meta.ownerReferences, `${path}.ownerReferences`),
  ];
}

export function validateImmutableField(value: unknown, old: unknown, path: string): FieldError[] {
  return isDeepStrictEqual(value ?? null, old ?? null) ? [] : [invalidValue(path, value, FIELD_IMMUTABLE)];
}

/**
 * Update rules. Upstream also requires metadata.resourceVersion, but kube-apiserver fills it in for
 * unconditional updates before validating; the registry here does its own conflict check instead.
 */
export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  const errs: FieldError[] = [];
  if (old.deletionTimestamp) {
    const had = new Set(old.finalizers ?? []);
    const extra = [...new Set((meta.finalizers ?? []).filter((f) => !had.has(f)))].sort();
    if (extra.length) {
      errs.push(forbiddenField(`${path}.finalizers`, `no new finalizers can be added if the object is being deleted, found new finalizers []string{${extra.map((f) => JSON.stringify(f)).join(', ')}}`));
    }
  }
  if ((meta.generation ?? 0) < (old.generation ?? 0)) errs.push(invalidValue(`${path}.generation`, meta.generation ?? 0, 'must not be decremented'));
  errs.push(...validateImmutableField(meta.name, old.name, `${path}.name`));
  errs.push(...validateImmutableField(meta.namespace, old.namespace, `${path}.namespace`));
  errs.push(...validateImmutableField(meta.uid, old.uid, `${path}.uid`));
  errs.push(...validateImmutableField(meta.creationTimestamp, old.creationTimestamp, `${path}.creationTimestamp`));
  errs.push(...validateImmutableField(meta.deletionTimestamp, old.deletionTimestamp, `${path}.deletionTimestamp`));
  errs.push(...validateImmutableField(meta.deletionGracePeriodSeconds, old.deletionGracePeriodSeconds, `${path}.deletionGracePeriodSeconds`));
  errs.push(...common(meta, path));
  errs.push(...validateFinalizers(meta.finalizers, `${path}.finalizers`));
  return errs;
}
