// ObjectMeta validation, as apimachinery pkg/api/validation/objectmeta.go.
import type { FieldError } from '../errors.js';
import type { ObjectMeta } from '../object.js';
import type { NameValidator } from './names.js';

export function validateObjectMeta(meta: ObjectMeta, namespaced: boolean, nameFn: NameValidator, path = 'metadata'): FieldError[] {
  void meta; void namespaced; void nameFn; void path;
  return [];
}

export function validateObjectMetaUpdate(meta: ObjectMeta, old: ObjectMeta, path = 'metadata'): FieldError[] {
  void meta; void old; void path;
  return [];
}
