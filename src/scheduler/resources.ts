// Pod requests and node allocatable as the scheduler counts them (pkg/scheduler/framework/types.go
// Resource; component-helpers resource.PodRequests): containers add up, an init container needs
// its own request plus the sidecars started before it, and the pod needs the larger of the two;
// overhead is added on top.
import type { Container, Node, Pod } from 'kubernetes-types/core/v1.js';
import { quantityValue } from '../api/validation/quantity.js';

export interface Resources {
  milliCPU: number;
  memory: number;
  ephemeralStorage: number;
  /** Extended resources (example.com/foo), hugepages-*. */
  scalar: Record<string, number>;
}

export const emptyResources = (): Resources => ({ milliCPU: 0, memory: 0, ephemeralStorage: 0, scalar: {} });

const DEFAULT_MILLI_CPU_REQUEST = 100; // as schedutil.DefaultMilliCPURequest: only for scoring
const DEFAULT_MEMORY_REQUEST = 200 * 1024 * 1024; // as schedutil.DefaultMemoryRequest

type ResourceList = Record<string, string | number> | undefined;

const isScalar = (name: string) => name.startsWith('hugepages-') || (name.includes('/') && !name.startsWith('kubernetes.io/')) || name.startsWith('attachable-volumes-');

/** A ResourceList as numbers: cpu in millicores (rounded up, as MilliValue), the rest rounded up to integers. */
export function toResources(list: ResourceList): Resources {
  const r = emptyResources();
  for (const [name, q] of Object.entries(list ?? {})) {
    const v = quantityValue(q as string) ?? 0;
    if (name === 'cpu') r.milliCPU = Math.ceil(v * 1000);
    else if (name === 'memory') r.memory = Math.ceil(v);
    else if (name === 'ephemeral-storage') r.ephemeralStorage = Math.ceil(v);
    else if (isScalar(name)) r.scalar[name] = Math.ceil(v);
  }
  return r;
}

export function addTo(into: Resources, r: Resources, sign = 1): void {
  into.milliCPU += sign * r.milliCPU;
  into.memory += sign * r.memory;
  into.ephemeralStorage += sign * r.ephemeralStorage;
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = (into.scalar[k] ?? 0) + sign * v;
}

function maxInto(into: Resources, r: Resources): void {
  into.milliCPU = Math.max(into.milliCPU, r.milliCPU);
  into.memory = Math.max(into.memory, r.memory);
  into.ephemeralStorage = Math.max(into.ephemeralStorage, r.ephemeralStorage);
  for (const [k, v] of Object.entries(r.scalar)) into.scalar[k] = Math.max(into.scalar[k] ?? 0, v);
}

const requestsOf = (c: Container) => toResources(c.resources?.requests as ResourceList);

/** What a pod asks of a node (PodRequests, without pod-level resources). */
export function podRequests(pod: Pod): Resources {
  const sum = emptyResources();
  for (const c of pod.spec?.containers ?? []) addTo(sum, requestsOf(c));
  const sidecars = emptyResources();
  const initMax = emptyResources();
  for (const c of pod.spec?.initContainers ?? []) {
    const req = requestsOf(c);
    if (c.restartPolicy === 'Always') { addTo(sidecars, req); maxInto(initMax, sidecars); continue; }
    const withSidecars = emptyResources();
    addTo(withSidecars, sidecars);
    addTo(withSidecars, req);
    maxInto(initMax, withSidecars);
  }
  addTo(sum, sidecars);
  maxInto(sum, initMax);
  if (pod.spec?.overhead) addTo(sum, toResources(pod.spec.overhead as ResourceList));
  return sum;
}

/** CPU and memory with a floor per container, so pods without requests still spread (scoring only). */
export function podNonZeroRequests(pod: Pod): { milliCPU: number; memory: number } {
  let milliCPU = 0;
  let memory = 0;
  for (const c of pod.spec?.containers ?? []) {
    const req = (c.resources?.requests ?? {}) as Record<string, string>;
    milliCPU += req.cpu !== undefined ? requestsOf(c).milliCPU : DEFAULT_MILLI_CPU_REQUEST;
    memory += req.memory !== undefined ? requestsOf(c).memory : DEFAULT_MEMORY_REQUEST;
  }
  return { milliCPU, memory };
}

export interface Allocatable extends Resources { pods: number }

export function nodeAllocatable(node: Node): Allocatable {
  const list = node.status?.allocatable as ResourceList;
  return { ...toResources(list), pods: Math.floor(quantityValue((list ?? {}).pods as string) ?? 0) };
}
