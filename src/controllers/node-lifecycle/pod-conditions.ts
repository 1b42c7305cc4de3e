// Pod status changes the node controllers make (pkg/api/v1/pod UpdatePodCondition; controller_utils.go
// MarkPodsNotReady; tainteviction addConditionAndDeletePod). Pure: each returns the new status or
// undefined when nothing changes.
import { isDeepStrictEqual } from 'node:util';
import type { PodCondition, PodStatus } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';

/**
 * UpdatePodCondition: sets the condition; lastTransitionTime moves to now only when the status
 * changes. Returns the new status, or undefined when the condition was already so.
 */
export function withPodCondition(status: PodStatus | undefined, cond: PodCondition, now: number): PodStatus | undefined {
  const conditions = [...(status?.conditions ?? [])];
  const i = conditions.findIndex((c) => c.type === cond.type);
  const old = i < 0 ? undefined : conditions[i]!;
  const next: PodCondition = { ...cond, lastTransitionTime: old && old.status === cond.status ? old.lastTransitionTime : rfc3339(now) };
  if (old && isDeepStrictEqual(stripUndefined(old), stripUndefined(next))) return undefined;
  if (i < 0) conditions.push(next); else conditions[i] = next;
  return { ...status, conditions };
}

const stripUndefined = (c: PodCondition) => JSON.parse(JSON.stringify(c)) as PodCondition;

/** MarkPodsNotReady for one pod: its Ready condition (when it has one) turns False, keeping reason and message. */
export function notReadyStatus(status: PodStatus | undefined, now: number): PodStatus | undefined {
  const ready = status?.conditions?.find((c) => c.type === 'Ready');
  if (!ready) return undefined;
  return withPodCondition(status, { ...ready, status: 'False' }, now);
}

/** The DisruptionTarget condition the taint eviction controller sets before deleting a pod. */
export const TAINT_DISRUPTION: PodCondition = {
  type: 'DisruptionTarget', status: 'True', reason: 'DeletionByTaintManager', message: 'Taint manager: deleting due to NoExecute taint',
};
