// Pod table, as printPod in kubernetes pkg/printers/internalversion/printers.go (v1.33).
// The server always prints wide (pkg/printers/storage: GenerateOptions{Wide: true}), so every row
// carries the priority-1 cells too; kubectl hides them unless -o wide.
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';
import { podSummary, readinessGates } from '../shared/pod-status.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Ready', 'The aggregate readiness state of this pod for accepting traffic.'),
  stringColumn('Status', 'The aggregate status of the containers in this pod.'),
  stringColumn('Restarts', 'The number of times the containers in this pod have been restarted and when the last container in this pod has restarted.'),
  ageColumn,
  stringColumn('IP', 'podIP address allocated to the pod. Routable at least within the cluster. Empty if not yet allocated.', 1),
  stringColumn('Node', 'NodeName is a request to schedule this pod onto a specific node. If it is non-empty, the scheduler simply schedules this pod onto that node, assuming that it fits resource requirements.', 1),
  stringColumn('Nominated Node', 'nominatedNodeName is set only when this pod preempts other pods on the node, but it cannot be scheduled right away as preemption victims receive their graceful termination periods. This field does not guarantee that the pod will be scheduled on this node. Scheduler may decide to place the pod elsewhere if other nodes become available sooner. Scheduler may also decide to give the resources on this node to a higher priority pod that is created after preemption. As a result, this field may be different than PodSpec.nodeName when the pod is scheduled.', 1),
  stringColumn('Readiness Gates', 'If specified, all readiness gates will be evaluated for pod readiness. A pod is ready when all its containers are ready AND all conditions specified in the readiness gates have status equal to "True" More info: https://git.k8s.io/enhancements/keps/sig-network/580-pod-readiness-gates', 1),
];

export function cells(obj: KObject, now: number): unknown[] {
  const pod = obj as Pod;
  const s = podSummary(pod, now);
  // v1 -> internal conversion fills podIPs from a lone podIP, so either field counts.
  const ip = pod.status?.podIPs?.[0]?.ip || pod.status?.podIP || '<none>';
  return [
    pod.metadata?.name, s.ready, s.status, s.restarts, age(pod.metadata?.creationTimestamp, now),
    ip, pod.spec?.nodeName || '<none>', pod.status?.nominatedNodeName || '<none>', readinessGates(pod),
  ];
}

export interface TableRowCondition { type: string; status: string; reason: string; message: string }

/**
 * The row `conditions` printPod sets: terminal pods are "Completed", which kubectl uses to hide
 * them from `get pods` without --show-all in old clients. Other kinds' rows carry none.
 */
export function rowConditions(obj: KObject): TableRowCondition[] | undefined {
  switch ((obj as Pod).status?.phase) {
    case 'Succeeded': return [{ type: 'Completed', status: 'True', reason: 'Succeeded', message: 'The pod has completed successfully.' }];
    case 'Failed': return [{ type: 'Completed', status: 'True', reason: 'Failed', message: 'The pod failed.' }];
    default: return undefined;
  }
}
