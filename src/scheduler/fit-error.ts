// The message of a pod that fits nowhere, as kube-scheduler writes it (pkg/scheduler/framework/types.go
// FitError.Error; framework/preemption/preemption.go and plugins/defaultpreemption for the
// "preemption: ..." part): "0/N nodes are available: <count> <reason>, ... ." with the counted
// reasons sorted as strings, then what preemption found.
import type { Pod } from 'kubernetes-types/core/v1.js';
import { unresolvable, type Status } from './filters/types.js';

export interface Diagnosis {
  numAllNodes: number;
  /** One status per node a filter rejected. */
  statuses: readonly Status[];
  /** The status of every node without one of its own (not looked at, e.g. outside a PreFilter's node names). */
  absent?: Status;
  /** Set when a PreFilter rejected the pod before any node was looked at. */
  preFilterMsg?: string;
}

export const NO_NODES_AVAILABLE = 'no nodes available to schedule pods'; // ErrNoNodesAvailable
const NOTE_LENGTH_LIMIT = 1024; // events' note limit: upstream truncates longer messages

export function fitErrorMessage(d: Diagnosis, postFilterMsg?: string): string {
  let msg = `0/${d.numAllNodes} nodes are available:`;
  if (d.preFilterMsg) msg += ` ${d.preFilterMsg}.`;
  else {
    const counts = new Map<string, number>();
    for (const s of d.statuses) for (const r of s.reasons) counts.set(r, (counts.get(r) ?? 0) + 1);
    const absentNodes = d.numAllNodes - d.statuses.length;
    if (d.absent && absentNodes > 0) for (const r of d.absent.reasons) counts.set(r, (counts.get(r) ?? 0) + absentNodes);
    const histogram = [...counts].map(([r, n]) => `${n} ${r}`).sort();
    if (histogram.length) msg += ` ${histogram.join(', ')}.`;
  }
  if (postFilterMsg) msg += ` ${postFilterMsg}`;
  return msg;
}

/**
 * DefaultPreemption's verdict, without preemption itself: kubelite pods have no priorities to preempt
 * by, so nodes that failed only on resources report no victims and the rest report that preemption
 * cannot help.
 */
export function preemptionMessage(pod: Pod, d: Diagnosis): string {
  if (pod.spec?.preemptionPolicy === 'Never') return 'preemption: not eligible due to preemptionPolicy=Never.';
  const potential = d.preFilterMsg ? 0 : d.statuses.filter((s) => s.code === 'Unschedulable').length;
  const statuses = Array.from({ length: potential }, () => unresolvable('No preemption victims found for incoming pod'));
  return 'preemption: ' + fitErrorMessage({ numAllNodes: d.numAllNodes, statuses, absent: unresolvable('Preemption is not helpful for scheduling') });
}

/** The full FailedScheduling message for a diagnosis. */
export function failedSchedulingMessage(pod: Pod, d: Diagnosis): string {
  return fitErrorMessage(d, preemptionMessage(pod, d));
}

/** schedule_one.go truncateMessage: events and conditions carry at most 1024 bytes. */
export function truncateMessage(msg: string): string {
  if (Buffer.byteLength(msg) <= NOTE_LENGTH_LIMIT) return msg;
  const suffix = ' ...';
  return Buffer.from(msg).subarray(0, NOTE_LENGTH_LIMIT - suffix.length).toString() + suffix;
}
