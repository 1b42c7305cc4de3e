// The DefaultTolerationSeconds admission plugin (plugin/pkg/admission/defaulttolerationseconds): on
// create and update of a pod, a toleration of node.kubernetes.io/not-ready:NoExecute and of
// node.kubernetes.io/unreachable:NoExecute (operator Exists, for --default-not-ready-toleration-seconds /
// --default-unreachable-toleration-seconds, 300 s each) is added unless the pod already tolerates that
// taint; so a pod rides out a short node outage before the taint eviction controller deletes it.
import type { PodSpec, Toleration } from 'kubernetes-types/core/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';

export interface DefaultTolerationSeconds {
  notReadySeconds: number;
  unreachableSeconds: number;
}

export const DEFAULT_TOLERATION_SECONDS = 300; // the flags' default in kube-apiserver
export const defaultTolerationSeconds: DefaultTolerationSeconds = { notReadySeconds: DEFAULT_TOLERATION_SECONDS, unreachableSeconds: DEFAULT_TOLERATION_SECONDS };

const NOT_READY = 'node.kubernetes.io/not-ready';
const UNREACHABLE = 'node.kubernetes.io/unreachable';

/** A toleration with this key (or no key) and effect NoExecute (or none) covers the taint, whatever its operator. */
const covers = (t: Toleration, key: string) => (t.key === key || !t.key) && (t.effect === 'NoExecute' || !t.effect);

export function addDefaultTolerations(spec: PodSpec, cfg: DefaultTolerationSeconds = defaultTolerationSeconds): void {
  const have = spec.tolerations ?? [];
  const extra: Toleration[] = [];
  if (!have.some((t) => covers(t, NOT_READY))) extra.push({ key: NOT_READY, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: cfg.notReadySeconds });
  if (!have.some((t) => covers(t, UNREACHABLE))) extra.push({ key: UNREACHABLE, operator: 'Exists', effect: 'NoExecute', tolerationSeconds: cfg.unreachableSeconds });
  if (extra.length) spec.tolerations = [...have, ...extra];
}

/** The plugin's Admit: pods only (their subresources are not passed here). */
export function admitDefaultTolerationSeconds(def: KindDef, obj: KObject, cfg: DefaultTolerationSeconds = defaultTolerationSeconds): void {
  if (def.kind !== 'Pod' || def.group !== '') return;
  addDefaultTolerations((obj.spec ??= {}) as PodSpec, cfg);
}
