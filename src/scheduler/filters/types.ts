// The filter contract (pkg/scheduler/framework/interface.go FilterPlugin, reduced): a filter looks at
// one pod and one node and either passes or says why not. Unresolvable failures are those that
// evicting pods from the node could not fix, so preemption skips them.
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { NodeInfo, PodOnNode } from '../node-info.js';

export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

export interface Status { code: Code; reasons: string[] }

/** What is computed once per pod before the filters run (the PreFilter state). */
export interface PodFacts {
  pod: Pod;
  /** Requests, owner and host ports, as the node will count them once bound. */
  counted: PodOnNode;
}

export interface Filter {
  /** The upstream plugin name (it appears in messages such as "didn't satisfy plugin(s) [NodeAffinity]"). */
  name: string;
  filter(pod: PodFacts, node: NodeInfo): Status | undefined;
}

export const unschedulable = (...reasons: string[]): Status => ({ code: 'Unschedulable', reasons });
export const unresolvable = (...reasons: string[]): Status => ({ code: 'UnschedulableAndUnresolvable', reasons });
