// ReplicationController table, as printReplicationController in kubernetes
// pkg/printers/internalversion/printers.go (v1.33). Counts are integer cells.
import type { ReplicationController } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, containersColumn, imagesColumn, integerColumn, nameColumn, selectorColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';
import { formatLabels } from '../../meta/label-selector.js';
import { containerCells } from '../shared/format.js';

export const columns: TableColumn[] = [
  nameColumn,
  integerColumn('Desired', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
  integerColumn('Current', 'Replicas is the most recently observed number of replicas. More info: https://kubernetes.io/docs/concepts/workloads/controllers/replicationcontroller#what-is-a-replicationcontroller'),
  integerColumn('Ready', 'The number of ready replicas for this replication controller.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn('Selector is a label query over pods that should match the Replicas count. If Selector is empty, it is defaulted to the labels present on the Pod template. Label keys and values that must match in order to be controlled by this replication controller, if empty defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
];

export function cells(obj: KObject, now: number): unknown[] {
  const rc = obj as ReplicationController;
  const [names, images] = containerCells(rc.spec?.template?.spec?.containers);
  return [
    rc.metadata?.name, rc.spec?.replicas ?? 1, rc.status?.replicas ?? 0, rc.status?.readyReplicas ?? 0,
    age(rc.metadata?.creationTimestamp, now), names, images, formatLabels(rc.spec?.selector),
  ];
}
