// Pod defaulting, the admission plugins that shape every created pod, and the create/update strategy
// (pkg/apis/core/v1/defaults.go; plugin/pkg/admission/{serviceaccount,priority};
// pkg/registry/core/pod/strategy.go).
import type { Container, Pod, PodSpec } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../object.js';
import { defaultPod } from '../../validation/pod-defaults.js';
import { quantityValue } from '../../validation/quantity.js';

export type PodObject = KObject & Pod & { spec: PodSpec };

/** Built-in priority classes (pkg/apis/scheduling SystemPriorityClasses). */
const SYSTEM_PRIORITIES: Record<string, number> = { 'system-node-critical': 2000001000, 'system-cluster-critical': 2000000000 };

export function defaultPodObject(obj: KObject): void {
  defaultPod(obj as PodObject);
}

/**
 * What mutating admission does to a new pod (no token volume: kubelite does not mount API credentials);
 * DefaultTolerationSeconds runs in the registry (apiserver/admission), as its seconds are server flags.
 */
export function admitPod(spec: PodSpec): void {
  if (!spec.serviceAccountName) spec.serviceAccountName = 'default';
  spec.serviceAccount = spec.serviceAccountName;
  spec.priority ??= SYSTEM_PRIORITIES[spec.priorityClassName ?? ''] ?? 0;
  spec.preemptionPolicy ??= 'PreemptLowerPriority';
}

const QOS_RESOURCES = ['cpu', 'memory'];

/** The pod's QoS class (pkg/apis/core/helper/qos GetPodQOS), from positive cpu/memory requests and limits. */
export function podQOSClass(spec: PodSpec): 'BestEffort' | 'Burstable' | 'Guaranteed' {
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const all: Container[] = [...(spec.containers ?? []), ...(spec.initContainers ?? [])];
  for (const c of all) {
    for (const [name, q] of Object.entries(c.resources?.requests ?? {})) {
      const v = quantityValue(q) ?? 0;
      if (QOS_RESOURCES.includes(name) && v > 0) requests.set(name, (requests.get(name) ?? 0) + v);
    }
    const found = new Set<string>();
    for (const [name, q] of Object.entries(c.resources?.limits ?? {})) {
      const v = quantityValue(q) ?? 0;
      if (QOS_RESOURCES.includes(name) && v > 0) { found.add(name); limits.set(name, (limits.get(name) ?? 0) + v); }
    }
    if (!QOS_RESOURCES.every((r) => found.has(r))) guaranteed = false;
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) {
    for (const [name, req] of requests) if (limits.get(name) !== req) { guaranteed = false; break; }
  }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}

/** Admission, then the strategy: a new pod's status is only Pending and its QoS class. */
export function preparePodForCreate(obj: KObject): void {
  const pod = obj as PodObject;
  pod.spec ??= { containers: [] };
  admitPod(pod.spec);
  (pod as { status?: unknown }).status = { phase: 'Pending', qosClass: podQOSClass(pod.spec) };
}

/** Writes to the main resource never change status (podStrategy.PrepareForUpdate). */
export function preparePodForUpdate(obj: KObject, old: KObject): void {
  if (old.status === undefined) delete obj.status;
  else obj.status = structuredClone(old.status);
}

/** Field labels for pods (pkg/registry/core/pod/strategy.go ToSelectableFields). */
export const podFieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  'spec.nodeName': (o) => (o as PodObject).spec?.nodeName ?? '',
  'spec.restartPolicy': (o) => (o as PodObject).spec?.restartPolicy ?? '',
  'spec.schedulerName': (o) => (o as PodObject).spec?.schedulerName ?? '',
  'spec.serviceAccountName': (o) => (o as PodObject).spec?.serviceAccountName ?? '',
  'spec.hostNetwork': (o) => String((o as PodObject).spec?.hostNetwork === true),
  'status.phase': (o) => (o as PodObject).status?.phase ?? '',
  // Only the first pod IP is selectable, as upstream.
  'status.podIP': (o) => (o as PodObject).status?.podIPs?.[0]?.ip ?? (o as PodObject).status?.podIP ?? '',
  'status.nominatedNodeName': (o) => (o as PodObject).status?.nominatedNodeName ?? '',
};
