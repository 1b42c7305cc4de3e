// The pods a DaemonSet creates (pkg/controller/daemon/util/daemonset_util.go): the template plus
// the daemon tolerations, the controller-revision-hash and pod-template-generation labels, and a
// required node affinity on metadata.name so the default scheduler binds the pod to its node.
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { Affinity, Pod, PodSpec, PodTemplateSpec, Toleration } from 'kubernetes-types/core/v1.js';

export const HASH_LABEL = 'controller-revision-hash'; // apps.DefaultDaemonSetUniqueLabelKey
export const GENERATION_LABEL = 'pod-template-generation'; // extensions.DaemonSetTemplateGenerationKey
export const TEMPLATE_GENERATION_ANNOTATION = 'deprecated.daemonset.template.generation';

/** GetTemplateGeneration: the annotation's integer, undefined when absent or unparsable. */
export function templateGeneration(ds: DaemonSet): number | undefined {
  const v = ds.metadata?.annotations?.[TEMPLATE_GENERATION_ANNOTATION];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}

const exists = (key: string, effect: string): Toleration => ({ key, operator: 'Exists', effect });

/**
 * AddOrUpdateDaemonPodTolerations: daemon pods survive node problems and cordons, so they tolerate
 * not-ready/unreachable NoExecute forever (no tolerationSeconds) and the condition taints NoSchedule.
 */
export function daemonTolerations(spec: Pick<PodSpec, 'hostNetwork'>): Toleration[] {
  const t = [
    exists('node.kubernetes.io/not-ready', 'NoExecute'),
    exists('node.kubernetes.io/unreachable', 'NoExecute'),
    exists('node.kubernetes.io/disk-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/memory-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/pid-pressure', 'NoSchedule'),
    exists('node.kubernetes.io/unschedulable', 'NoSchedule'),
  ];
  if (spec.hostNetwork) t.push(exists('node.kubernetes.io/network-unavailable', 'NoSchedule'));
  return t;
}

/** Toleration.MatchToleration: same key, operator, value and effect. */
const sameToleration = (a: Toleration, b: Toleration) =>
  (a.key ?? '') === (b.key ?? '') && (a.operator ?? '') === (b.operator ?? '') && (a.value ?? '') === (b.value ?? '') && (a.effect ?? '') === (b.effect ?? '');

/** AddOrUpdateTolerationInPodSpec for each daemon toleration: a matching one is replaced in place, else appended. */
export function withDaemonTolerations(spec: PodSpec): Toleration[] {
  const out = [...(spec.tolerations ?? [])];
  for (const t of daemonTolerations(spec)) {
    const i = out.findIndex((o) => sameToleration(o, t));
    if (i >= 0) out[i] = t; else out.push(t);
  }
  return out;
}

/** CreatePodTemplate: a copy with the daemon tolerations and the generation and hash labels. */
export function createPodTemplate(ds: DaemonSet, hash: string): PodTemplateSpec {
  const tpl = structuredClone(ds.spec?.template ?? {}) as PodTemplateSpec & { spec: PodSpec };
  tpl.spec ??= { containers: [] };
  tpl.spec.tolerations = withDaemonTolerations(tpl.spec);
  const labels = { ...tpl.metadata?.labels };
  const gen = templateGeneration(ds);
  if (gen !== undefined) labels[GENERATION_LABEL] = String(gen);
  if (hash) labels[HASH_LABEL] = hash;
  tpl.metadata = { ...tpl.metadata, labels };
  return tpl;
}

/** ReplaceDaemonSetPodNodeNameNodeAffinity: the required terms become one matchFields term naming the node. */
export function nodeNameAffinity(affinity: Affinity | undefined, nodeName: string): Affinity {
  const required = { nodeSelectorTerms: [{ matchFields: [{ key: 'metadata.name', operator: 'In', values: [nodeName] }] }] };
  const na = affinity?.nodeAffinity;
  return { ...affinity, nodeAffinity: { ...na, requiredDuringSchedulingIgnoredDuringExecution: { ...na?.requiredDuringSchedulingIgnoredDuringExecution, ...required } } };
}

/** GetTargetNodeName: spec.nodeName, else the metadata.name In [one node] of a pending pod's affinity. */
export function targetNodeName(pod: Pod): string | undefined {
  if (pod.spec?.nodeName) return pod.spec.nodeName;
  const terms = pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  for (const term of terms) {
    for (const f of term.matchFields ?? []) {
      if (f.key === 'metadata.name' && f.operator === 'In') return f.values?.length === 1 ? f.values[0] : undefined;
    }
  }
  return undefined;
}

/** IsPodUpdated: the pod carries the current hash, or the current template generation. */
export function isPodUpdated(pod: Pod, hash: string, generation: number | undefined): boolean {
  const labels = pod.metadata?.labels ?? {};
  return (generation !== undefined && labels[GENERATION_LABEL] === String(generation)) || (hash !== '' && labels[HASH_LABEL] === hash);
}
