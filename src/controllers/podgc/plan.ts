// Which pods the pod garbage collector removes (pkg/controller/podgc/gc_controller.go): terminated pods
// beyond --terminated-pod-gc-threshold (evicted first, then oldest), terminating pods on a NotReady
// node tainted out-of-service, pods bound to nodes that are gone, and terminating pods never bound.
// Pure: the controller confirms that a missing node is really gone before deleting its pods.
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import { TAINT_OUT_OF_SERVICE } from '../node-lifecycle/taints.js';

export const DEFAULT_TERMINATED_POD_GC_THRESHOLD = 12500; // kube-controller-manager's default
export const GC_CHECK_PERIOD_MS = 20_000; // as upstream gcCheckPeriod
export const QUARANTINE_MS = 40_000; // as upstream quarantineTime: how long a missing node may take to appear

const isTerminated = (p: Pod) => !['Pending', 'Running', 'Unknown'].includes(p.status?.phase ?? 'Pending');
const isEvicted = (p: Pod) => p.status?.phase === 'Failed' && p.status?.reason === 'Evicted';
const isNodeReady = (n: Node) => n.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;

/** byEvictionAndCreationTimestamp: evicted pods first, then by creation time, then by name. */
export function byEvictionAndCreation(a: Pod, b: Pod): number {
  const ea = isEvicted(a), eb = isEvicted(b);
  if (ea !== eb) return ea ? -1 : 1;
  const ta = Date.parse(a.metadata?.creationTimestamp ?? '') || 0, tb = Date.parse(b.metadata?.creationTimestamp ?? '') || 0;
  if (ta !== tb) return ta - tb;
  const na = a.metadata?.name ?? '', nb = b.metadata?.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** gcTerminated: the terminated pods over the threshold, in deletion order (threshold ≤ 0 disables). */
export function terminatedPodsToDelete<P extends Pod>(pods: readonly P[], threshold: number): P[] {
  if (threshold <= 0) return [];
  const terminated = pods.filter(isTerminated);
  const excess = terminated.length - threshold;
  if (excess <= 0) return [];
  return [...terminated].sort(byEvictionAndCreation).slice(0, excess);
}

/** gcTerminating: terminating pods on a node that is not Ready and carries the out-of-service taint. */
export function terminatingOutOfServicePods<P extends Pod>(pods: readonly P[], nodes: ReadonlyMap<string, Node>): P[] {
  return pods.filter((p) => {
    if (!p.metadata?.deletionTimestamp) return false;
    const node = nodes.get(p.spec?.nodeName ?? '');
    return !!node && !isNodeReady(node) && (node.spec?.taints ?? []).some((t) => t.key === TAINT_OUT_OF_SERVICE);
  }).sort(byEvictionAndCreation);
}

/** Names of nodes that pods are bound to but that the cache does not hold (candidates for quarantine). */
export function missingNodes(pods: readonly Pod[], nodes: ReadonlyMap<string, Node>): string[] {
  const out = new Set<string>();
  for (const p of pods) if (p.spec?.nodeName && !nodes.has(p.spec.nodeName)) out.add(p.spec.nodeName);
  return [...out];
}

/** gcOrphaned's victims: pods bound to nodes confirmed deleted. */
export function orphanedPods<P extends Pod>(pods: readonly P[], deletedNodes: ReadonlySet<string>): P[] {
  return pods.filter((p) => deletedNodes.has(p.spec?.nodeName ?? ''));
}

/** gcUnscheduledTerminating: terminating pods that were never bound (no kubelet will finish them). */
export function unscheduledTerminatingPods<P extends Pod>(pods: readonly P[]): P[] {
  return pods.filter((p) => !!p.metadata?.deletionTimestamp && !p.spec?.nodeName);
}
