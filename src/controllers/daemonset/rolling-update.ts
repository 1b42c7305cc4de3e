// One step of a RollingUpdate (update.go rollingUpdate, findUpdatedPodsOnNode,
// updatedDesiredNodeCounts). Without surge: delete old pods while unavailable ones stay within
// maxUnavailable and let manage create their replacements. With surge: create new pods beside old
// ones up to maxSurge and delete an old pod once its new neighbour is available. Pure; nodes are
// walked in name order so a step is deterministic (upstream walks a Go map).
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import { nodeShouldRunDaemonPod } from './node-fit.js';
import { isPodUpdated, templateGeneration } from './pod-template.js';
import { isPodAvailable } from './pod-state.js';
import { surgeCount, unavailableCount } from './strategy.js';

export interface RollingStep { create: string[]; remove: string[] }

/** At most one new and one old live pod on the node; undefined when there are more (manage prunes first). */
export function updatedPodsOnNode(ds: DaemonSet, pods: readonly Pod[], hash: string): { newPod?: Pod; oldPod?: Pod } | undefined {
  const gen = templateGeneration(ds);
  let newPod: Pod | undefined;
  let oldPod: Pod | undefined;
  for (const p of pods) {
    if (p.metadata?.deletionTimestamp) continue;
    if (isPodUpdated(p, hash, gen)) { if (newPod) return undefined; newPod = p; } else { if (oldPod) return undefined; oldPod = p; }
  }
  return { newPod, oldPod };
}

/** updatedDesiredNodeCounts: maxSurge, maxUnavailable (1 when both would be 0) and the desired count; every desired node gets an entry. */
export function desiredNodeCounts(ds: DaemonSet, nodes: readonly Node[], byNode: Map<string, Pod[]>): { maxSurge: number; maxUnavailable: number; desired: number } {
  let desired = 0;
  for (const n of nodes) {
    if (!nodeShouldRunDaemonPod(n, ds).shouldRun) continue;
    desired++;
    if (!byNode.has(n.metadata!.name!)) byNode.set(n.metadata!.name!, []);
  }
  let maxUnavailable = unavailableCount(ds, desired);
  const maxSurge = surgeCount(ds, desired);
  if (desired > 0 && maxUnavailable === 0 && maxSurge === 0) maxUnavailable = 1;
  return { maxSurge, maxUnavailable, desired };
}

export function planRollingUpdate(ds: DaemonSet, nodes: readonly Node[], podsByNode: ReadonlyMap<string, Pod[]>, hash: string, now: number): RollingStep {
  const byNode = new Map(podsByNode);
  const { maxSurge, maxUnavailable, desired } = desiredNodeCounts(ds, nodes, byNode);
  const minReady = ds.spec?.minReadySeconds ?? 0;
  const available = (p: Pod) => isPodAvailable(p, minReady, now);
  const nodeByName = new Map(nodes.map((n) => [n.metadata!.name!, n]));
  const shouldRun = (name: string) => { const n = nodeByName.get(name); return n !== undefined && nodeShouldRunDaemonPod(n, ds).shouldRun; };
  const entries = [...byNode].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  if (maxSurge === 0) {
    let numUnavailable = 0;
    const replacements: string[] = [];
    const candidates: string[] = [];
    for (const [, pods] of entries) {
      const found = updatedPodsOnNode(ds, pods, hash);
      if (!found) { numUnavailable++; continue; }
      const { newPod, oldPod } = found;
      if ((!oldPod && !newPod) || (oldPod && newPod)) { numUnavailable++; continue; }
      if (newPod) { if (!available(newPod)) numUnavailable++; continue; }
      if (!available(oldPod!)) { replacements.push(oldPod!.metadata!.name!); numUnavailable++; continue; }
      if (numUnavailable >= maxUnavailable) continue;
      candidates.push(oldPod!.metadata!.name!);
    }
    const room = Math.min(Math.max(maxUnavailable - numUnavailable, 0), candidates.length);
    return { create: [], remove: [...replacements, ...candidates.slice(0, room)] };
  }

  const remove: string[] = [];
  const shouldNotRun: string[] = [];
  const candidateNodes: string[] = [];
  const allowedNodes: string[] = [];
  let numSurge = 0;
  let numAvailable = 0;
  for (const [name, pods] of entries) {
    const found = updatedPodsOnNode(ds, pods, hash);
    if (!found) { numSurge++; continue; }
    const { newPod, oldPod } = found;
    if (oldPod ? available(oldPod) : newPod && available(newPod)) numAvailable++;
    if (!oldPod) continue;
    if (!newPod) {
      if (!available(oldPod)) {
        if (!shouldRun(name)) remove.push(oldPod.metadata!.name!); else allowedNodes.push(name);
        continue;
      }
      if (!shouldRun(name)) { shouldNotRun.push(oldPod.metadata!.name!); continue; }
      if (numSurge >= maxSurge) continue;
      candidateNodes.push(name);
      continue;
    }
    if (!available(newPod)) { numSurge++; continue; }
    remove.push(oldPod.metadata!.name!);
  }
  // With surge the owner expects full availability: a pod on a node it must leave goes only once enough others are available.
  const deletable = Math.min(Math.max(numAvailable - desired, 0), shouldNotRun.length);
  remove.push(...shouldNotRun.slice(0, deletable));
  const room = Math.min(Math.max(maxSurge - numSurge, 0), candidateNodes.length);
  return { create: [...allowedNodes, ...candidateNodes.slice(0, room)], remove };
}
