// Node table, as printNode in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { Node } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

const ADDRESSES = "List of addresses reachable to the node. Queried from cloud provider, if available. More info: https://kubernetes.io/docs/concepts/nodes/node/#addresses Note: This field is declared as mergeable, but the merge key is not sufficiently unique, which can cause data corruption when it is merged. Callers should instead use a full-replacement patch. See https://pr.k8s.io/79391 for an example. Consumers should assume that addresses can change during the lifetime of a Node. However, there are some exceptions where this may not be possible, such as Pods that inherit a Node's address in its own status or consumers of the downward API (status.hostIP).";

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Status', 'The status of the node'),
  stringColumn('Roles', 'The roles of the node'),
  ageColumn,
  stringColumn('Version', 'Kubelet Version reported by the node.'),
  stringColumn('Internal-IP', ADDRESSES, 1),
  stringColumn('External-IP', ADDRESSES, 1),
  stringColumn('OS-Image', 'OS Image reported by the node from /etc/os-release (e.g. Debian GNU/Linux 7 (wheezy)).', 1),
  stringColumn('Kernel-Version', "Kernel Version reported by the node from 'uname -r' (e.g. 3.16.0-0.bpo.4-amd64).", 1),
  stringColumn('Container-Runtime', 'ContainerRuntime Version reported by the node through runtime remote API (e.g. containerd://1.4.2).', 1),
];

/** Ready / NotReady / Unknown from the Ready condition alone, then SchedulingDisabled when cordoned. */
function nodeStatus(node: Node): string {
  const ready = (node.status?.conditions ?? []).filter((c) => c.type === 'Ready').pop();
  const status = [ready ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown'];
  if (node.spec?.unschedulable) status.push('SchedulingDisabled');
  return status.join(',');
}

/** Roles from `node-role.kubernetes.io/<role>` label keys and the `kubernetes.io/role` value, sorted. */
function nodeRoles(node: Node): string {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith('node-role.kubernetes.io/')) {
      const role = k.slice('node-role.kubernetes.io/'.length);
      if (role) roles.add(role);
    } else if (k === 'kubernetes.io/role' && v !== '') {
      roles.add(v);
    }
  }
  return [...roles].sort().join(',') || '<none>';
}

const address = (node: Node, type: string) =>
  (node.status?.addresses ?? []).find((a) => a.type === type)?.address ?? '<none>';

export function cells(obj: KObject, now: number): unknown[] {
  const node = obj as Node;
  const info = node.status?.nodeInfo;
  return [
    node.metadata?.name, nodeStatus(node), nodeRoles(node), age(node.metadata?.creationTimestamp, now),
    info?.kubeletVersion ?? '',
    address(node, 'InternalIP'), address(node, 'ExternalIP'),
    info?.osImage || '<unknown>', info?.kernelVersion || '<unknown>', info?.containerRuntimeVersion || '<unknown>',
  ];
}
