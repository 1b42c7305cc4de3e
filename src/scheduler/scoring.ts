// Picks the best of the feasible nodes with the default profile's scores that matter here
// (pkg/scheduler/framework/plugins): NodeResourcesFit LeastAllocated and BalancedAllocation (weight 1
// each), PodTopologySpread's default spreading of one controller's pods (weight 2), NodeAffinity's
// preferred terms (weight 2) and TaintToleration's PreferNoSchedule count (weight 3). Each score is
// normalised to 0..100 across the feasible nodes. Ties go to the first node in search order, which
// rotates from pod to pod (upstream breaks ties at random).
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { PodFacts } from './filters/types.js';
import { termMatches } from './filters/node-selector.js';
import { toleratedBy } from './filters/taint-toleration.js';
import type { NodeInfo } from './node-info.js';

const MAX_SCORE = 100;
const WEIGHT = { leastAllocated: 1, balanced: 1, spread: 2, affinity: 2, taints: 3 };

function leastAllocated(p: PodFacts, n: NodeInfo): number {
  const part = (req: number, alloc: number) => (alloc <= 0 || req > alloc ? 0 : ((alloc - req) * MAX_SCORE) / alloc);
  const cpu = part(n.nonZero.milliCPU + p.counted.nonZero.milliCPU, n.allocatable.milliCPU);
  const mem = part(n.nonZero.memory + p.counted.nonZero.memory, n.allocatable.memory);
  return (cpu + mem) / 2;
}

function balanced(p: PodFacts, n: NodeInfo): number {
  const frac = (req: number, alloc: number) => (alloc <= 0 ? 1 : Math.min(1, req / alloc));
  const cpu = frac(n.requested.milliCPU + p.counted.req.milliCPU, n.allocatable.milliCPU);
  const mem = frac(n.requested.memory + p.counted.req.memory, n.allocatable.memory);
  return (1 - Math.abs(cpu - mem) / 2) * MAX_SCORE; // 1 - standard deviation of the two fractions
}

const preferredTerms = (pod: Pod) => pod.spec?.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];

/** Raw per-node values, higher is better (negated where fewer is better), then min-max normalised. */
function normalised(values: number[]): number[] {
  const max = Math.max(...values);
  const min = Math.min(...values);
  return values.map((v) => (max === min ? MAX_SCORE : ((v - min) * MAX_SCORE) / (max - min)));
}

export function bestNode(p: PodFacts, feasible: readonly NodeInfo[]): NodeInfo {
  if (feasible.length === 1) return feasible[0]!;
  const owner = p.counted.owner;
  const prefs = preferredTerms(p.pod);
  const tolerations = p.pod.spec?.tolerations;
  const spread = normalised(feasible.map((n) => (owner ? -(n.owners.get(owner) ?? 0) : 0)));
  const affinity = normalised(feasible.map((n) => prefs.reduce((s, t) => (t.weight && termMatches(t.preference, n.node!) ? s + t.weight : s), 0)));
  const taints = normalised(feasible.map((n) => -n.taints.filter((t) => t.effect === 'PreferNoSchedule' && !toleratedBy(tolerations, t)).length));
  let best = 0;
  let bestScore = -Infinity;
  feasible.forEach((n, i) => {
    const score = WEIGHT.leastAllocated * leastAllocated(p, n) + WEIGHT.balanced * balanced(p, n)
      + WEIGHT.spread * spread[i]! + WEIGHT.affinity * affinity[i]! + WEIGHT.taints * taints[i]!;
    if (score > bestScore) { bestScore = score; best = i; }
  });
  return feasible[best]!;
}
