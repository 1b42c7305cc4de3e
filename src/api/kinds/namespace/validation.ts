// Namespace validation (pkg/apis/core/validation/validation.go ValidateNamespace): names are DNS-1123 labels.
import { invalidValue, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { isQualifiedName } from '../../validation/labels.js';
import { nameIsDNSLabel } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';

const STANDARD_FINALIZERS = new Set(['kubernetes', 'orphan', 'foregroundDeletion']);

// Upstream reports spec finalizers under the unindexed `spec.finalizers` path.
function validateSpecFinalizers(finalizers: string[] | undefined): FieldError[] {
  const errs: FieldError[] = [];
  for (const f of finalizers ?? []) {
    errs.push(...isQualifiedName(f).map((m) => invalidValue('spec.finalizers', f, m)));
    if (f.split('/').length === 1 && !STANDARD_FINALIZERS.has(f)) {
      errs.push(invalidValue('spec.finalizers', f, 'name is neither a standard finalizer name nor is it fully qualified'));
    }
  }
  return errs;
}

export function validateNamespace(obj: KObject): FieldError[] {
  const spec = obj.spec as { finalizers?: string[] } | undefined;
  return [...validateObjectMeta(obj.metadata, false, nameIsDNSLabel), ...validateSpecFinalizers(spec?.finalizers)];
}

export function validateNamespaceUpdate(obj: KObject, old: KObject): FieldError[] {
  return validateObjectMetaUpdate(obj.metadata, old.metadata);
}
