// The taints the node lifecycle controller owns and the set operations it applies to a node's
// taints (pkg/controller/nodelifecycle/node_lifecycle_controller.go: the taint templates and
// nodeConditionToTaintKeyStatusMap; pkg/util/taints: AddOrUpdateTaint, DeleteTaint, TaintSetDiff).
import type { Node, Taint } from 'kubernetes-types/core/v1.js';

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';
export const TAINT_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
export const TAINT_OUT_OF_SERVICE = 'node.kubernetes.io/out-of-service';

export const UNREACHABLE_NO_EXECUTE: Taint = { key: TAINT_UNREACHABLE, effect: 'NoExecute' };
export const NOT_READY_NO_EXECUTE: Taint = { key: TAINT_NOT_READY, effect: 'NoExecute' };

/** Which condition status taints a node with which key (the NoSchedule pass uses these). */
const CONDITION_TAINTS: Record<string, Record<string, string>> = {
  Ready: { False: TAINT_NOT_READY, Unknown: TAINT_UNREACHABLE },
  MemoryPressure: { True: 'node.kubernetes.io/memory-pressure' },
  DiskPressure: { True: 'node.kubernetes.io/disk-pressure' },
  NetworkUnavailable: { True: 'node.kubernetes.io/network-unavailable' },
  PIDPressure: { True: 'node.kubernetes.io/pid-pressure' },
};
const CONDITION_TAINT_KEYS = new Set(Object.values(CONDITION_TAINTS).flatMap((m) => Object.values(m)));

/** Same key and effect: what identifies a taint when adding or removing (Taint.MatchTaint). */
export const matchTaint = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
export const taintExists = (taints: readonly Taint[] | undefined, t: Taint) => (taints ?? []).some((x) => matchTaint(x, t));

/** The NoSchedule taints a node's conditions and spec.unschedulable call for (doNoScheduleTaintingPass). */
export function wantedNoScheduleTaints(node: Node): Taint[] {
  const out: Taint[] = [];
  for (const c of node.status?.conditions ?? []) {
    const key = CONDITION_TAINTS[c.type]?.[c.status];
    if (key) out.push({ key, effect: 'NoSchedule' });
  }
  if (node.spec?.unschedulable) out.push({ key: TAINT_UNSCHEDULABLE, effect: 'NoSchedule' });
  return out;
}

/** The NoSchedule taints this controller manages that the node has now. */
export function managedNoScheduleTaints(node: Node): Taint[] {
  return (node.spec?.taints ?? []).filter((t) => t.effect === 'NoSchedule' && (t.key === TAINT_UNSCHEDULABLE || CONDITION_TAINT_KEYS.has(t.key)));
}

/** TaintSetDiff: what to add to `current` and what to remove from it to reach `wanted`. */
export function taintSetDiff(wanted: readonly Taint[], current: readonly Taint[]): { add: Taint[]; remove: Taint[] } {
  return {
    add: wanted.filter((t) => !taintExists(current, t)),
    remove: current.filter((t) => !taintExists(wanted, t)),
  };
}

/**
 * The node's taints after adding `add` (a taint with the same key and effect is replaced in place,
 * else appended) and removing `remove`; undefined when nothing changes (AddOrUpdateTaintOnNode and
 * RemoveTaintOffNode each skip the write then).
 */
export function swapTaints(taints: readonly Taint[] | undefined, add: readonly Taint[], remove: readonly Taint[]): Taint[] | undefined {
  let next = [...(taints ?? [])];
  let changed = false;
  for (const t of add) {
    const i = next.findIndex((x) => matchTaint(x, t));
    if (i < 0) { next.push(t); changed = true; continue; }
    const cur = next[i]!;
    if ((cur.value ?? '') === (t.value ?? '')) continue; // same taint: keep its timeAdded
    next[i] = t;
    changed = true;
  }
  const kept = next.filter((x) => !remove.some((t) => matchTaint(x, t)));
  if (kept.length !== next.length) { next = kept; changed = true; }
  return changed ? next : undefined;
}
