// Secret validation (pkg/apis/core/validation/validation.go ValidateSecret, ValidateSecretUpdate).
import { isDeepStrictEqual } from 'node:util';
import { forbiddenField, invalidValue, required, tooLong, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { isConfigMapKey } from '../../validation/pod-rules.js';
import type { SecretObject } from './defaults.js';

const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE = 'field is immutable when `immutable` is set';

/** Keys each built-in secret type must carry. */
const REQUIRED_KEYS: Record<string, string[]> = {
  'kubernetes.io/dockercfg': ['.dockercfg'],
  'kubernetes.io/dockerconfigjson': ['.dockerconfigjson'],
  'kubernetes.io/ssh-auth': ['ssh-privatekey'],
  'kubernetes.io/tls': ['tls.crt', 'tls.key'],
};

function validateType(s: SecretObject): FieldError[] {
  const data = s.data ?? {};
  const errs: FieldError[] = [];
  switch (s.type) {
    case 'kubernetes.io/service-account-token':
      if (!s.metadata.annotations?.['kubernetes.io/service-account.name']) {
        errs.push(required('metadata.annotations[kubernetes.io/service-account.name]'));
      }
      break;
    case 'kubernetes.io/basic-auth':
      if (!('username' in data) && !('password' in data)) {
        errs.push(required('data[username]'), required('data[password]'));
      }
      break;
    default:
      for (const key of REQUIRED_KEYS[s.type ?? ''] ?? []) if (!(key in data)) errs.push(required(`data[${key}]`));
  }
  return errs;
}

export function validateSecret(obj: KObject): FieldError[] {
  const s = obj as SecretObject;
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  let size = 0;
  for (const [k, v] of Object.entries(s.data ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalidValue(`data[${k}]`, k, m)));
    size += Buffer.from(v, 'base64').length;
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', '', MAX_SECRET_SIZE));
  return [...errs, ...validateType(s)];
}

export function validateSecretUpdate(obj: KObject, oldObj: KObject): FieldError[] {
  const s = obj as SecretObject;
  const old = oldObj as SecretObject;
  const errs = validateObjectMetaUpdate(s.metadata, old.metadata);
  errs.push(...validateImmutableField(s.type, old.type, 'type'));
  if (old.immutable) {
    if (!s.immutable) errs.push(forbiddenField('immutable', IMMUTABLE));
    if (!isDeepStrictEqual(s.data ?? {}, old.data ?? {})) errs.push(forbiddenField('data', IMMUTABLE));
  }
  return [...errs, ...validateSecret(s)];
}
