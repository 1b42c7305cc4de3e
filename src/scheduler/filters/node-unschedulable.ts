// NodeUnschedulable (pkg/scheduler/framework/plugins/nodeunschedulable): a cordoned node
// (spec.unschedulable) takes only pods that tolerate node.kubernetes.io/unschedulable:NoSchedule.
import { toleratedBy } from './taint-toleration.js';
import type { Filter } from './types.js';
import { unresolvable } from './types.js';

const UNSCHEDULABLE_TAINT = { key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' };

export const nodeUnschedulable: Filter = {
  name: 'NodeUnschedulable',
  filter(p, node) {
    if (!node.node?.spec?.unschedulable || toleratedBy(p.pod.spec?.tolerations, UNSCHEDULABLE_TAINT)) return undefined;
    return unresolvable('node(s) were unschedulable');
  },
};
