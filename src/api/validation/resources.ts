// Container resource requirements, as pkg/apis/core/validation/validation.go
// (validateResourceRequirements, validateContainerResourceName, ValidateResourceQuantityValue).
import type { ResourceRequirements } from 'kubernetes-types/core/v1.js';
import { invalidValue, required, type FieldError } from '../errors.js';
import { isQualifiedName } from './labels.js';
import { compareQuantities, quantityValue } from './quantity.js';

const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
/** Unprefixed names core knows (helper.IsStandardResourceName), beyond the container ones. */
const STANDARD_RESOURCES = new Set([...CONTAINER_RESOURCES, 'requests.cpu', 'requests.memory', 'requests.ephemeral-storage',
  'limits.cpu', 'limits.memory', 'limits.ephemeral-storage', 'pods', 'services', 'replicationcontrollers', 'resourcequotas',
  'secrets', 'configmaps', 'persistentvolumeclaims', 'requests.storage', 'services.nodeports', 'services.loadbalancers']);

const isHugePages = (name: string) => name.startsWith('hugepages-');
const isNative = (name: string) => !name.includes('/') || name.includes('kubernetes.io/');
/** Native resources other than hugepages may be requested below their limit (helper.IsOvercommitAllowed). */
const overcommitAllowed = (name: string) => isNative(name) && !isHugePages(name);
const isExtended = (name: string) => !isNative(name) && !name.startsWith('requests.') && isQualifiedName(`requests.${name}`).length === 0;

function validateResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalidValue(path, name, m));
  if (errs.length) return errs;
  if (!name.includes('/') && !STANDARD_RESOURCES.has(name) && !isHugePages(name)) {
    errs.push(invalidValue(path, name, 'must be a standard resource type or fully qualified'));
  }
  if (!name.includes('/')) {
    if (!CONTAINER_RESOURCES.has(name) && !isHugePages(name)) errs.push(invalidValue(path, name, 'must be a standard resource for containers'));
  } else if (!isNative(name) && !isExtended(name)) {
    errs.push(invalidValue(path, name, "doesn't follow extended resource name standard"));
  }
  return errs;
}

function validateQuantity(name: string, q: string | number, path: string): FieldError[] {
  const v = quantityValue(q);
  if (v === undefined) return [];
  const errs: FieldError[] = [];
  if (v < 0) errs.push(invalidValue(path, String(q), 'must be greater than or equal to 0'));
  if (isExtended(name) && !Number.isInteger(v)) errs.push(invalidValue(path, String(q), 'must be an integer'));
  return errs;
}

export function validateResourceRequirements(r: ResourceRequirements | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const limits = r?.limits ?? {};
  const requests = r?.requests ?? {};
  for (const [name, q] of Object.entries(limits)) {
    errs.push(...validateResourceName(name, `${path}.limits[${name}]`), ...validateQuantity(name, q, `${path}.limits[${name}]`));
  }
  for (const [name, q] of Object.entries(requests)) {
    const p = `${path}.requests[${name}]`;
    errs.push(...validateResourceName(name, p), ...validateQuantity(name, q, p));
    const limit = limits[name];
    if (limit !== undefined) {
      const cmp = compareQuantities(q, limit);
      if (cmp !== 0 && !overcommitAllowed(name)) {
        errs.push(invalidValue(`${path}.requests`, String(q), `must be equal to ${name} limit of ${limit}`));
      } else if (cmp > 0) {
        errs.push(invalidValue(`${path}.requests`, String(q), `must be less than or equal to ${name} limit of ${limit}`));
      }
    } else if (!overcommitAllowed(name)) {
      errs.push(required(`${path}.limits`, 'Limit must be set for non overcommitable resources'));
    }
  }
  return errs;
}
