// Container env and envFrom validation, as pkg/apis/core/validation/validation.go
// (ValidateEnv, validateEnvVarValueFrom, validateObjectFieldSelector, ValidateEnvFrom).
import type { ConfigMapKeySelector, EnvFromSource, EnvVar, ObjectFieldSelector, SecretKeySelector } from 'kubernetes-types/core/v1.js';
import { invalidValue, notSupported, required, type FieldError } from '../errors.js';
import { isQualifiedName } from './labels.js';
import { isDNS1123Subdomain } from './names.js';
import { isConfigMapKey, isRelaxedEnvVarName } from './pod-rules.js';

/** Field paths an env var may read (validEnvDownwardAPIFieldPathExpressions), sorted as upstream lists them. */
const ENV_FIELD_PATHS = [
  'metadata.name', 'metadata.namespace', 'metadata.uid', 'spec.nodeName', 'spec.serviceAccountName',
  'status.hostIP', 'status.hostIPs', 'status.podIP', 'status.podIPs',
];
/** Everything pods/v1 ConvertDownwardAPIFieldLabel knows; the rest fail conversion. */
const CONVERTIBLE = new Set([...ENV_FIELD_PATHS, 'metadata.annotations', 'metadata.labels', 'spec.restartPolicy', 'spec.schedulerName', 'status.phase']);
const CONTAINER_RESOURCES = ['limits.cpu', 'limits.ephemeral-storage', 'limits.memory', 'requests.cpu', 'requests.ephemeral-storage', 'requests.memory'];

export function validateObjectFieldSelector(fs: ObjectFieldSelector, allowed: string[], path: string): FieldError[] {
  if (!fs.apiVersion) return [required(`${path}.apiVersion`)];
  if (!fs.fieldPath) return [required(`${path}.fieldPath`)];
  const m = /^(metadata\.(?:annotations|labels))\['(.*)'\]$/.exec(fs.fieldPath);
  const base = m ? m[1]! : fs.fieldPath;
  if (fs.apiVersion !== 'v1' || !CONVERTIBLE.has(base)) {
    const why = fs.apiVersion !== 'v1' ? `unsupported pod version: ${fs.apiVersion}` : `field label not supported: ${fs.fieldPath}`;
    return [invalidValue(`${path}.fieldPath`, fs.fieldPath, `error converting fieldPath: ${why}`)];
  }
  if (m) {
    const key = base === 'metadata.annotations' ? m[2]!.toLowerCase() : m[2]!;
    return isQualifiedName(key).map((msg) => invalidValue(path, key, msg));
  }
  if (!allowed.includes(base)) return [notSupported(`${path}.fieldPath`, base, allowed)];
  return [];
}

function validateKeySelector(s: ConfigMapKeySelector | SecretKeySelector, path: string): FieldError[] {
  const errs = isDNS1123Subdomain(s.name ?? '').map((m) => invalidValue(`${path}.name`, s.name ?? '', m));
  if (!s.key) errs.push(required(`${path}.key`));
  else errs.push(...isConfigMapKey(s.key).map((m) => invalidValue(`${path}.key`, s.key, m)));
  return errs;
}

function validateValueFrom(ev: EnvVar, path: string): FieldError[] {
  const from = ev.valueFrom;
  if (!from) return [];
  const errs: FieldError[] = [];
  let sources = 0;
  if (from.fieldRef) { sources++; errs.push(...validateObjectFieldSelector(from.fieldRef, ENV_FIELD_PATHS, `${path}.fieldRef`)); }
  if (from.resourceFieldRef) {
    sources++;
    const r = from.resourceFieldRef.resource;
    if (!r) errs.push(required(`${path}.resourceFieldRef.resource`));
    else if (!CONTAINER_RESOURCES.includes(r) && !/^(limits|requests)\.hugepages-/.test(r)) {
      errs.push(notSupported(`${path}.resourceFieldRef.resource`, r, CONTAINER_RESOURCES));
    }
  }
  if (from.configMapKeyRef) { sources++; errs.push(...validateKeySelector(from.configMapKeyRef, `${path}.configMapKeyRef`)); }
  if (from.secretKeyRef) { sources++; errs.push(...validateKeySelector(from.secretKeyRef, `${path}.secretKeyRef`)); }
  if (sources === 0) errs.push(invalidValue(path, '', 'must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'));
  else if (ev.value) errs.push(invalidValue(path, '', 'may not be specified when `value` is not empty'));
  else if (sources > 1) errs.push(invalidValue(path, '', 'may not have more than one field specified at a time'));
  return errs;
}

export function validateEnv(vars: EnvVar[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (vars ?? []).forEach((ev, i) => {
    const p = `${path}[${i}]`;
    if (!ev.name) errs.push(required(`${p}.name`));
    else errs.push(...isRelaxedEnvVarName(ev.name).map((m) => invalidValue(`${p}.name`, ev.name, m)));
    errs.push(...validateValueFrom(ev, `${p}.valueFrom`));
  });
  return errs;
}

export function validateEnvFrom(sources: EnvFromSource[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (sources ?? []).forEach((s, i) => {
    const p = `${path}[${i}]`;
    if (s.prefix) errs.push(...isRelaxedEnvVarName(s.prefix).map((m) => invalidValue(`${p}.prefix`, s.prefix, m)));
    let n = 0;
    for (const [key, ref] of [['configMapRef', s.configMapRef], ['secretRef', s.secretRef]] as const) {
      if (!ref) continue;
      n++;
      if (!ref.name) errs.push(required(`${p}.${key}.name`, 'name is required'));
      else errs.push(...isDNS1123Subdomain(ref.name).map((m) => invalidValue(`${p}.${key}.name`, ref.name, m)));
    }
    if (n === 0) errs.push(invalidValue(path, '', 'must specify one of: `configMapRef` or `secretRef`'));
    else if (n > 1) errs.push(invalidValue(path, '', 'may not have more than one field specified at a time'));
  });
  return errs;
}
