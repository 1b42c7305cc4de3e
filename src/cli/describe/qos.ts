// kubectl pkg/util/qos GetPodQOS: the status's qosClass, else computed from cpu/memory requests
// and limits (BestEffort with none, Guaranteed when every container limits both and requests equal limits).
import type { Pod, ResourceRequirements } from 'kubernetes-types/core/v1.js';
import { quantityValue } from '../../api/validation/quantity.js';

const QOS_RESOURCES = ['cpu', 'memory'];

export function podQos(pod: Pod): string {
  if (pod.status?.qosClass) return pod.status.qosClass;
  const requests = new Map<string, number>();
  const limits = new Map<string, number>();
  let guaranteed = true;
  const add = (into: Map<string, number>, list: ResourceRequirements['requests']) => {
    for (const [name, q] of Object.entries(list ?? {})) {
      const v = quantityValue(q) ?? 0;
      if (QOS_RESOURCES.includes(name) && v > 0) into.set(name, (into.get(name) ?? 0) + v);
    }
  };
  const limitsBoth = (list: ResourceRequirements['limits']) => QOS_RESOURCES.every((n) => (quantityValue(list?.[n]) ?? 0) > 0);
  const podLevel = (pod.spec as { resources?: ResourceRequirements } | undefined)?.resources;
  if (podLevel) {
    add(requests, podLevel.requests);
    if (podLevel.limits) { add(limits, podLevel.limits); if (!limitsBoth(podLevel.limits)) guaranteed = false; }
  } else {
    for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
      add(requests, c.resources?.requests);
      add(limits, c.resources?.limits);
      if (!limitsBoth(c.resources?.limits)) guaranteed = false;
    }
  }
  if (requests.size === 0 && limits.size === 0) return 'BestEffort';
  if (guaranteed) for (const [n, r] of requests) if (limits.get(n) !== r) { guaranteed = false; break; }
  return guaranteed && requests.size === limits.size ? 'Guaranteed' : 'Burstable';
}
