// NodeAffinity (pkg/scheduler/framework/plugins/nodeaffinity): spec.nodeSelector must match the
// node's labels exactly, and the required node affinity terms must match.
import type { Pod } from 'kubernetes-types/core/v1.js';
import { anyTermMatches } from './node-selector.js';
import type { Filter } from './types.js';
import { unresolvable } from './types.js';

export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

export const requiredTerms = (pod: Pod) => pod.spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;

export const nodeAffinity: Filter = {
  name: 'NodeAffinity',
  filter(p, info) {
    const node = info.node!;
    const labels = node.metadata?.labels ?? {};
    for (const [k, v] of Object.entries(p.pod.spec?.nodeSelector ?? {})) {
      if (labels[k] !== v) return unresolvable(ERR_REASON_NODE_AFFINITY);
    }
    const terms = requiredTerms(p.pod);
    if (terms && !anyTermMatches(terms, node)) return unresolvable(ERR_REASON_NODE_AFFINITY);
    return undefined;
  },
};
