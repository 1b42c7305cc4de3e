// resourceFieldRef values (pkg/api/v1/resource helpers ExtractContainerResourceValue): cpu rounded up
// to whole divisors in millicores, memory and ephemeral-storage in bytes; limits not set default to
// the node's allocatable (kubelet_resources.go defaultPodLimitsForDownwardAPI).
import type { Container, Pod, ResourceFieldSelector } from 'kubernetes-types/core/v1.js';
import { quantityValue } from '../../api/validation/quantity.js';
import { CreateContainerConfigError } from './config-error.js';

export type Allocatable = { cpu?: string; memory?: string; 'ephemeral-storage'?: string };

const q = (v: string | number | undefined): number => quantityValue(v) ?? 0;

export function resourceFieldValue(ref: ResourceFieldSelector, pod: Pod, container: Container, allocatable: Allocatable = {}): string {
  let c = container;
  if (ref.containerName) {
    const found = [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])].find((x) => x.name === ref.containerName);
    if (!found) throw new CreateContainerConfigError(`container ${ref.containerName} not found`);
    c = found;
  }
  const divisor = ref.divisor === undefined || q(ref.divisor) === 0 ? 1 : q(ref.divisor);
  const [kind, resource] = ref.resource.split('.', 2) as [string, string];
  const list = (kind === 'limits' ? c.resources?.limits : c.resources?.requests) as Record<string, string> | undefined;
  let value = list?.[resource];
  if (value === undefined && kind === 'limits') value = allocatable[resource as keyof Allocatable];
  if (resource === 'cpu' && (kind === 'limits' || kind === 'requests')) {
    // Quantity.MilliValue rounds up; the result is ceil(milli(value) / milli(divisor)).
    return String(Math.ceil(Math.ceil(q(value) * 1000 - 1e-9) / Math.ceil(divisor * 1000 - 1e-9)));
  }
  if ((resource === 'memory' || resource === 'ephemeral-storage' || resource.startsWith('hugepages-')) && (kind === 'limits' || kind === 'requests')) {
    return String(Math.ceil(Math.ceil(q(value) - 1e-9) / Math.ceil(divisor - 1e-9)));
  }
  throw new CreateContainerConfigError(`unsupported container resource : ${ref.resource}`);
}
