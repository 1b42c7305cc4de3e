// ControllerRevision validation (pkg/apis/apps/validation/validation.go ValidateControllerRevision,
// ValidateControllerRevisionUpdate): a DNS-subdomain name, data required, revision not negative; data
// is immutable.
import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import { required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { immutableField, nonNegative } from '../../validation/field-rules.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';

function validateBody(cr: ControllerRevision): FieldError[] {
  const errs: FieldError[] = [];
  if (cr.data === undefined || cr.data === null) errs.push(required('data', 'data is mandatory'));
  errs.push(...nonNegative(cr.revision ?? 0, 'revision'));
  return errs;
}

export const validateControllerRevision = (obj: KObject): FieldError[] =>
  [...validateObjectMeta(obj.metadata, true, nameIsDNSSubdomain), ...validateBody(obj as KObject & ControllerRevision)];

export function validateControllerRevisionUpdate(obj: KObject, old: KObject): FieldError[] {
  const cr = obj as KObject & ControllerRevision;
  return [
    ...validateObjectMetaUpdate(obj.metadata, old.metadata),
    ...validateControllerRevision(obj),
    ...immutableField(cr.data, (old as KObject & ControllerRevision).data, 'data', rawExtension),
  ];
}

/** A RawExtension as Go's %#v prints it: the raw JSON bytes in hex. */
const rawExtension = (data: object) => {
  const bytes = [...new TextEncoder().encode(JSON.stringify(data))].map((b) => `0x${b.toString(16)}`);
  return `runtime.RawExtension{Raw:[]uint8{${bytes.join(', ')}}, Object:runtime.Object(nil)}`;
};
