// ConfigMap validation (pkg/apis/core/validation/validation.go ValidateConfigMap, ValidateConfigMapUpdate).
import { isDeepStrictEqual } from 'node:util';
import type { ConfigMap } from 'kubernetes-types/core/v1.js';
import { forbiddenField, invalidValue, tooLong, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { byteLength, nameIsDNSSubdomain } from '../../validation/names.js';
import { validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';
import { isConfigMapKey } from '../../validation/pod-rules.js';

/** As upstream core.MaxSecretSize, which also bounds config maps: 1 MiB of data. */
export const MAX_DATA_SIZE = 1024 * 1024;
const IMMUTABLE = 'field is immutable when `immutable` is set';

type ConfigMapObject = KObject & ConfigMap;

export function validateConfigMap(obj: KObject): FieldError[] {
  const cm = obj as ConfigMapObject;
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let size = 0;
  for (const [k, v] of Object.entries(cm.data ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalidValue(`data[${k}]`, k, m)));
    if (cm.binaryData && k in cm.binaryData) errs.push(invalidValue(`data[${k}]`, k, 'duplicate of key present in binaryData'));
    size += byteLength(v);
  }
  for (const [k, v] of Object.entries(cm.binaryData ?? {})) {
    errs.push(...isConfigMapKey(k).map((m) => invalidValue(`binaryData[${k}]`, k, m)));
    size += Buffer.from(v, 'base64').length;
  }
  if (size > MAX_DATA_SIZE) errs.push(tooLong('', '', MAX_DATA_SIZE));
  return errs;
}

export function validateConfigMapUpdate(obj: KObject, oldObj: KObject): FieldError[] {
  const cm = obj as ConfigMapObject;
  const old = oldObj as ConfigMapObject;
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable) {
    if (!cm.immutable) errs.push(forbiddenField('immutable', IMMUTABLE));
    if (!isDeepStrictEqual(cm.data ?? {}, old.data ?? {})) errs.push(forbiddenField('data', IMMUTABLE));
    if (!isDeepStrictEqual(cm.binaryData ?? {}, old.binaryData ?? {})) errs.push(forbiddenField('binaryData', IMMUTABLE));
  }
  return [...errs, ...validateConfigMap(cm)];
}
