// Whether a DaemonSet wants a pod on a node (daemon_controller.go NodeShouldRunDaemonPod and
// predicates): the pod the DaemonSet would create, with its daemon tolerations, must fit the node's
// name, its node selector and required node affinity, and tolerate its NoSchedule/NoExecute taints.
// A pod already there may stay while it tolerates the NoExecute taints (shouldContinueRunning).
// The matching rules are the scheduler's own (src/scheduler/filters).
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { Node } from 'kubernetes-types/core/v1.js';
import { anyTermMatches } from '../../scheduler/filters/node-selector.js';
import { untoleratedTaint } from '../../scheduler/filters/taint-toleration.js';
import { withDaemonTolerations } from './pod-template.js';

export interface NodeFit { shouldRun: boolean; shouldContinueRunning: boolean }

const NONE: NodeFit = { shouldRun: false, shouldContinueRunning: false };

export function nodeShouldRunDaemonPod(node: Node, ds: DaemonSet): NodeFit {
  const spec = ds.spec?.template?.spec;
  const name = node.metadata?.name ?? '';
  if (spec?.nodeName && spec.nodeName !== name) return NONE;
  const labels = node.metadata?.labels ?? {};
  for (const [k, v] of Object.entries(spec?.nodeSelector ?? {})) if (labels[k] !== v) return NONE;
  const terms = spec?.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms;
  if (terms && !anyTermMatches(terms, node)) return NONE;
  const tolerations = withDaemonTolerations(spec ?? { containers: [] });
  const taints = node.spec?.taints ?? [];
  if (!untoleratedTaint(taints, tolerations, ['NoSchedule', 'NoExecute'])) return { shouldRun: true, shouldContinueRunning: true };
  return { shouldRun: false, shouldContinueRunning: !untoleratedTaint(taints, tolerations, ['NoExecute']) };
}
