// TaintToleration (pkg/scheduler/framework/plugins/tainttoleration): a pod may not land on a node with
// a NoSchedule or NoExecute taint it does not tolerate; the message names the first such taint.
// Toleration matching is component-helpers/scheduling/corev1 ToleratesTaint.
import type { Taint, Toleration } from 'kubernetes-types/core/v1.js';
import type { Filter } from './types.js';
import { unresolvable } from './types.js';

export function tolerates(t: Toleration, taint: Taint): boolean {
  if (t.effect && t.effect !== taint.effect) return false;
  if (t.key && t.key !== taint.key) return false;
  switch (t.operator ?? 'Equal') {
    case 'Equal': return (t.value ?? '') === (taint.value ?? '');
    case 'Exists': return true;
    default: return false;
  }
}

export const toleratedBy = (tolerations: readonly Toleration[] | undefined, taint: Taint) => (tolerations ?? []).some((t) => tolerates(t, taint));

/** The first taint with one of the effects that no toleration matches. */
export function untoleratedTaint(taints: readonly Taint[], tolerations: readonly Toleration[] | undefined, effects: readonly string[]): Taint | undefined {
  return taints.find((taint) => effects.includes(taint.effect) && !toleratedBy(tolerations, taint));
}

const FILTERED_EFFECTS = ['NoSchedule', 'NoExecute'];

export const taintToleration: Filter = {
  name: 'TaintToleration',
  filter(p, node) {
    const taint = untoleratedTaint(node.taints, p.pod.spec?.tolerations, FILTERED_EFFECTS);
    return taint ? unresolvable(`node(s) had untolerated taint {${taint.key}: ${taint.value ?? ''}}`) : undefined;
  },
};
