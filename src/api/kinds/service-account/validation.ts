// ServiceAccount validation (pkg/apis/core/validation/validation.go ValidateServiceAccount).
import type { FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';

export const validateServiceAccount = (obj: KObject): FieldError[] => validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain);

export const validateServiceAccountUpdate = (obj: KObject, old: KObject): FieldError[] =>
  [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateServiceAccount(obj)];
