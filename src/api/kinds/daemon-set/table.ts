// DaemonSet table, as printDaemonSet in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, containersColumn, imagesColumn, integerColumn, nameColumn, selectorColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';
import { formatLabelSelector, formatLabels } from '../../meta/label-selector.js';
import { containerCells } from '../shared/format.js';

export const columns: TableColumn[] = [
  nameColumn,
  integerColumn('Desired', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod). More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
  integerColumn('Current', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod. More info: https://kubernetes.io/docs/concepts/workloads/controllers/daemonset/'),
  integerColumn('Ready', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and ready.'),
  integerColumn('Up-to-date', 'The total number of nodes that are running updated daemon pod'),
  integerColumn('Available', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
  stringColumn('Node Selector', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node. More info: https://kubernetes.io/docs/concepts/configuration/assign-pod-node/"),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn('A label query over pods that are managed by the daemon set. Must match in order to be controlled. If empty, defaulted to labels on Pod template. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
];

export function cells(obj: KObject, now: number): unknown[] {
  const ds = obj as DaemonSet;
  const st = ds.status;
  const [names, images] = containerCells(ds.spec?.template?.spec?.containers);
  return [
    ds.metadata?.name, st?.desiredNumberScheduled ?? 0, st?.currentNumberScheduled ?? 0, st?.numberReady ?? 0,
    st?.updatedNumberScheduled ?? 0, st?.numberAvailable ?? 0, formatLabels(ds.spec?.template?.spec?.nodeSelector),
    age(ds.metadata?.creationTimestamp, now), names, images, formatLabelSelector(ds.spec?.selector),
  ];
}
