// One scheduling attempt, pure over the scheduler's node snapshot (pkg/scheduler/schedule_one.go
// schedulePod, findNodesThatFitPod, numFeasibleNodesToFind): PreFilter narrows by node name, the
// filters run from a rotating start until enough feasible nodes are found, the best one is picked.
import { runFilters } from './filters/index.js';
import { nodeNamesOfTerms } from './filters/node-selector.js';
import { requiredTerms } from './filters/node-affinity.js';
import type { PodFacts, Status } from './filters/types.js';
import { unresolvable } from './filters/types.js';
import type { Diagnosis } from './fit-error.js';
import type { NodeInfo } from './node-info.js';
import { bestNode } from './scoring.js';

const MIN_FEASIBLE_NODES_TO_FIND = 100; // as upstream: small clusters are searched in full
const MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND = 5;

/** How many feasible nodes are enough to stop searching (adaptive percentageOfNodesToScore). */
export function numFeasibleNodesToFind(numAllNodes: number): number {
  if (numAllNodes < MIN_FEASIBLE_NODES_TO_FIND) return numAllNodes;
  const percentage = Math.max(MIN_FEASIBLE_NODES_PERCENTAGE_TO_FIND, 50 - Math.trunc(numAllNodes / 125));
  return Math.max(MIN_FEASIBLE_NODES_TO_FIND, Math.trunc((numAllNodes * percentage) / 100));
}

export interface Snapshot {
  /** Nodes that exist (have a Node object), in a stable order. */
  readonly nodes: readonly NodeInfo[];
  get(name: string): NodeInfo | undefined;
  /** Where the next search starts, so successive pods look at different nodes first. */
  nextStartNodeIndex: number;
}

export type Outcome = { node: NodeInfo } | { diagnosis: Diagnosis } | { noNodes: true };

export function schedulePod(p: PodFacts, snap: Snapshot): Outcome {
  const all = snap.nodes;
  if (all.length === 0) return { noNodes: true };
  const names = nodeNamesOfTerms(requiredTerms(p.pod));
  if (names && names.size === 0) {
    return { diagnosis: { numAllNodes: all.length, statuses: [], preFilterMsg: 'pod affinity terms conflict', absent: unresolvable('pod affinity terms conflict') } };
  }
  let candidates: readonly NodeInfo[] = all;
  let absent: Status | undefined;
  if (names) {
    candidates = [...names].map((n) => snap.get(n)).filter((n): n is NodeInfo => !!n?.node);
    absent = unresolvable("node(s) didn't satisfy plugin(s) [NodeAffinity]");
  }
  const want = names ? candidates.length : numFeasibleNodesToFind(all.length);
  const feasible: NodeInfo[] = [];
  const statuses: Status[] = [];
  const start = names ? 0 : snap.nextStartNodeIndex % all.length;
  let processed = 0;
  for (let i = 0; i < candidates.length && feasible.length < want; i++) {
    const node = candidates[(start + i) % candidates.length]!;
    processed++;
    const status = runFilters(p, node);
    if (status) statuses.push(status); else feasible.push(node);
  }
  if (!names) snap.nextStartNodeIndex = (start + processed) % all.length;
  if (!feasible.length) return { diagnosis: { numAllNodes: all.length, statuses, absent } };
  return { node: bestNode(p, feasible) };
}
