// Which nodes need a daemon pod and which daemon pods must go (daemon_controller.go manage,
// podsShouldBeOnNode, getUnscheduledPodsWithoutNode). Pure: the failed-pod back-off is read through
// `backoff` and the advances it needs are returned, with the events to record.
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import { nodeShouldRunDaemonPod } from './node-fit.js';
import { HASH_LABEL } from './pod-template.js';
import { byCreationTimestampAndPhase, isPodAvailable, isPodReady } from './pod-state.js';
import { surgeCount } from './strategy.js';

export interface PlanEvent { type: 'Normal' | 'Warning'; reason: string; message: string }

export interface ManagePlan {
  /** Node names to create a pod on. */
  create: string[];
  /** Names of pods to delete. */
  remove: string[];
  events: PlanEvent[];
  /** Failed-pod back-off keys to advance (flowcontrol.Backoff.Next), one per failed pod deleted. */
  backoffNext: string[];
  /** Look again after this many ms (a failed pod held back by its back-off). */
  requeueAfter?: number;
}

/** The failed-pods back-off as the plan reads it: the current delay of a key still backing off. */
export interface BackoffView { inBackoff(key: string): number | undefined }

export const failedPodsBackoffKey = (ds: DaemonSet, node: string) => `${ds.metadata?.uid ?? ''}/${ds.status?.observedGeneration ?? 0}/${node}`;

/** getNodesToDaemonPods: pods by the node they are on or aimed at; deleted terminal pods are done with. */
export function nodesToDaemonPods(pods: readonly Pod[], targetNode: (p: Pod) => string | undefined, includeDeletedTerminal = false): Map<string, Pod[]> {
  const out = new Map<string, Pod[]>();
  for (const p of pods) {
    const terminal = p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';
    if (!includeDeletedTerminal && terminal && p.metadata?.deletionTimestamp) continue;
    const n = targetNode(p);
    if (n === undefined) continue;
    const list = out.get(n);
    if (list) list.push(p); else out.set(n, [p]);
  }
  return out;
}

interface NodePlan { create: boolean; remove: string[] }

export function podsShouldBeOnNode(
  node: Node, daemonPods: readonly Pod[] | undefined, ds: DaemonSet, hash: string, now: number, backoff: BackoffView, plan: ManagePlan,
): NodePlan {
  const name = node.metadata?.name ?? '';
  const { shouldRun, shouldContinueRunning } = nodeShouldRunDaemonPod(node, ds);
  const result: NodePlan = { create: false, remove: [] };
  if (shouldRun && !daemonPods) { result.create = true; return result; }
  if (!shouldContinueRunning) {
    for (const p of daemonPods ?? []) if (!p.metadata?.deletionTimestamp) result.remove.push(p.metadata!.name!);
    return result;
  }
  const running: Pod[] = [];
  for (const p of daemonPods ?? []) {
    if (p.metadata?.deletionTimestamp) continue;
    const ref = `${p.metadata?.namespace}/${p.metadata?.name}`;
    if (p.status?.phase === 'Failed') {
      // The DaemonSet often fights a kubelet that rejects its pods: back off before deleting again.
      const key = failedPodsBackoffKey(ds, name);
      const delay = backoff.inBackoff(key);
      if (delay !== undefined) { plan.requeueAfter = Math.min(plan.requeueAfter ?? Infinity, delay); continue; }
      plan.backoffNext.push(key);
      plan.events.push({ type: 'Warning', reason: 'FailedDaemonPod', message: `Found failed daemon pod ${ref} on node ${name}, will try to kill it` });
      result.remove.push(p.metadata!.name!);
    } else if (p.status?.phase === 'Succeeded') {
      plan.events.push({ type: 'Normal', reason: 'SucceededDaemonPod', message: `Found succeeded daemon pod ${ref} on node ${name}, will try to delete it` });
      result.remove.push(p.metadata!.name!);
    } else {
      running.push(p);
    }
  }
  running.sort(byCreationTimestampAndPhase);
  if (surgeCount(ds, 1) === 0) {
    // Without surge one pod per node: all but the oldest go.
    for (const p of running.slice(1)) result.remove.push(p.metadata!.name!);
    return result;
  }
  if (running.length <= 1) {
    if (running.length === 0 && shouldRun) result.create = true;
    return result;
  }
  // With surge two pods may share a node while the new one is not yet available and the old is ready.
  let oldestNew: Pod | undefined;
  let oldestOld: Pod | undefined;
  for (const p of running) {
    const isNew = p.metadata?.labels?.[HASH_LABEL] === hash;
    if (isNew && !oldestNew) { oldestNew = p; continue; }
    if (!isNew && !oldestOld) { oldestOld = p; continue; }
    result.remove.push(p.metadata!.name!);
  }
  if (oldestNew && oldestOld && (!isPodReady(oldestOld) || isPodAvailable(oldestNew, ds.spec?.minReadySeconds ?? 0, now))) {
    result.remove.push(oldestOld.metadata!.name!);
  }
  return result;
}

/** manage: every node's plan, plus pending pods aimed at nodes that no longer exist (nothing else would delete them). */
export function planManage(ds: DaemonSet, nodes: readonly Node[], byNode: ReadonlyMap<string, Pod[]>, hash: string, now: number, backoff: BackoffView): ManagePlan {
  const plan: ManagePlan = { create: [], remove: [], events: [], backoffNext: [] };
  for (const node of nodes) {
    const r = podsShouldBeOnNode(node, byNode.get(node.metadata?.name ?? ''), ds, hash, now, backoff, plan);
    if (r.create) plan.create.push(node.metadata!.name!);
    plan.remove.push(...r.remove);
  }
  const live = new Set(nodes.map((n) => n.metadata?.name));
  for (const [n, pods] of byNode) {
    if (live.has(n)) continue;
    for (const p of pods) if (!p.spec?.nodeName) plan.remove.push(p.metadata!.name!);
  }
  return plan;
}
