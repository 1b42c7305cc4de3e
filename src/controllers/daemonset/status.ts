// The DaemonSet status (daemon_controller.go updateDaemonSetStatus, storeDaemonSetStatus): per node
// that should run the pod, whether it has one, and whether the oldest is ready, available and of the
// current revision; pods on nodes that should not run one are misscheduled.
import type { DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1.js';
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import { nodeShouldRunDaemonPod } from './node-fit.js';
import { isPodUpdated, templateGeneration } from './pod-template.js';
import { byCreationTimestampAndPhase, isPodAvailable, isPodReady } from './pod-state.js';

export interface StatusCounts {
  desiredNumberScheduled: number;
  currentNumberScheduled: number;
  numberMisscheduled: number;
  numberReady: number;
  updatedNumberScheduled: number;
  numberAvailable: number;
  numberUnavailable: number;
}

export function countStatus(ds: DaemonSet, nodes: readonly Node[], byNode: ReadonlyMap<string, Pod[]>, hash: string, now: number): StatusCounts {
  const c: StatusCounts = { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberMisscheduled: 0, numberReady: 0, updatedNumberScheduled: 0, numberAvailable: 0, numberUnavailable: 0 };
  const gen = templateGeneration(ds);
  for (const node of nodes) {
    const pods = byNode.get(node.metadata?.name ?? '') ?? [];
    const { shouldRun } = nodeShouldRunDaemonPod(node, ds);
    if (!shouldRun) { if (pods.length) c.numberMisscheduled++; continue; }
    c.desiredNumberScheduled++;
    if (!pods.length) continue;
    c.currentNumberScheduled++;
    const pod = [...pods].sort(byCreationTimestampAndPhase)[0]!;
    if (isPodReady(pod)) {
      c.numberReady++;
      if (isPodAvailable(pod, ds.spec?.minReadySeconds ?? 0, now)) c.numberAvailable++;
    }
    if (isPodUpdated(pod, hash, gen)) c.updatedNumberScheduled++;
  }
  c.numberUnavailable = c.desiredNumberScheduled - c.numberAvailable;
  return c;
}

/**
 * The status to write, or undefined when the stored one already says it. Zero counts of the
 * omitempty fields are left out, as the Go serialisation drops them (golden daemonset-nodeselector).
 */
export function nextStatus(ds: DaemonSet, c: StatusCounts, updateObservedGeneration: boolean): DaemonSetStatus | undefined {
  const s = ds.status;
  const same = (Object.keys(c) as Array<keyof StatusCounts>).every((k) => (s?.[k] ?? 0) === c[k]);
  if (same && (s?.observedGeneration ?? 0) >= (ds.metadata?.generation ?? 0)) return undefined;
  const out: DaemonSetStatus = { ...s, ...c };
  if (updateObservedGeneration) out.observedGeneration = ds.metadata?.generation;
  for (const k of ['updatedNumberScheduled', 'numberAvailable', 'numberUnavailable', 'observedGeneration'] as const) if (!out[k]) delete out[k];
  return out;
}
