// ReplicaSet table, as printReplicaSet in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, containersColumn, imagesColumn, integerColumn, nameColumn, selectorColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';
import { formatLabelSelector } from '../../meta/label-selector.js';
import { containerCells } from '../shared/format.js';

export const columns: TableColumn[] = [
  nameColumn,
  integerColumn('Desired', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
  integerColumn('Current', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller/#what-is-a-replicationcontroller'),
  integerColumn('Ready', 'The number of ready replicas for this replica set.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn('Selector is a label query over pods that should match the replica count. If the selector is empty, it is defaulted to the labels present on the pod template. Label keys and values that must match in order to be controlled by this replica set. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
];

export function cells(obj: KObject, now: number): unknown[] {
  const rs = obj as ReplicaSet;
  const [names, images] = containerCells(rs.spec?.template?.spec?.containers);
  return [
    rs.metadata?.name, rs.spec?.replicas ?? 1, rs.status?.replicas ?? 0, rs.status?.readyReplicas ?? 0,
    age(rs.metadata?.creationTimestamp, now), names, images, formatLabelSelector(rs.spec?.selector),
  ];
}
