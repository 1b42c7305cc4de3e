// Lease validation (pkg/apis/coordination/validation/validation.go ValidateLease, ValidateLeaseSpec).
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import { invalidValue, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';

function validateSpec(lease: KObject & Lease): FieldError[] {
  const errs: FieldError[] = [];
  const d = lease.spec?.leaseDurationSeconds;
  if (d != null && d <= 0) errs.push(invalidValue('spec.leaseDurationSeconds', d, 'must be greater than 0'));
  const t = lease.spec?.leaseTransitions;
  if (t != null && t < 0) errs.push(invalidValue('spec.leaseTransitions', t, 'must be greater than or equal to 0'));
  return errs;
}

export const validateLease = (obj: KObject): FieldError[] =>
  [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validateSpec(obj as KObject & Lease)];

export const validateLeaseUpdate = (obj: KObject, old: KObject): FieldError[] =>
  [...validateObjectMetaUpdate(obj.metadata, old.metadata), ...validateSpec(obj as KObject & Lease)];
