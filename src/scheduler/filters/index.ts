// The default profile's filters that apply here, in upstream's order (pkg/scheduler/apis/config/v1
// default_plugins.go): a node's status is the first filter that rejects it.
import type { NodeInfo } from '../node-info.js';
import { nodeAffinity } from './node-affinity.js';
import { nodePorts } from './node-ports.js';
import { nodeResourcesFit } from './node-resources-fit.js';
import { nodeUnschedulable } from './node-unschedulable.js';
import { taintToleration } from './taint-toleration.js';
import type { Filter, PodFacts, Status } from './types.js';

export const filters: readonly Filter[] = [nodeUnschedulable, taintToleration, nodeAffinity, nodePorts, nodeResourcesFit];

export function runFilters(pod: PodFacts, node: NodeInfo): Status | undefined {
  for (const f of filters) {
    const s = f.filter(pod, node);
    if (s) return s;
  }
  return undefined;
}

export type { Filter, PodFacts, Status } from './types.js';
