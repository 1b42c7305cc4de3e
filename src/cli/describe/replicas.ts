// describe.go describeReplicationController, describeReplicaSet and describeDaemonSet: the
// controller's replica counts, `Pods Status:` from the pods it controls, the pod template,
// conditions and events.
import type { DaemonSet, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { Event, Pod, ReplicationController, ReplicationControllerCondition } from 'kubernetes-types/core/v1.js';
import { isControlledBy } from '../../api/meta/owners.js';
import { formatLabelSelector, formatLabels } from '../../api/meta/label-selector.js';
import { controlledBy } from './pod.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, LEVEL_1, tabbed, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './sections.js';
import { selectorText } from './selector.js';

export interface PodCounts { running: number; waiting: number; succeeded: number; failed: number }

/** getPodStatusForController: phases of the selected pods this controller (by uid) controls. */
export function podStatusForController(pods: readonly Pod[], uid: string | undefined): PodCounts {
  const c = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const p of pods) {
    if (!isControlledBy(p, uid)) continue;
    switch (p.status?.phase) {
      case 'Running': c.running++; break;
      case 'Pending': c.waiting++; break;
      case 'Succeeded': c.succeeded++; break;
      case 'Failed': c.failed++; break;
      default: break;
    }
  }
  return c;
}

const podsStatus = (c: PodCounts) => `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;

function describeConditions(w: PrefixWriter, conditions: readonly ReplicationControllerCondition[] | undefined): void {
  if (!conditions?.length) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of conditions) w.write(LEVEL_1, `${c.type} \t${c.status}\t${c.reason ?? ''}\n`);
}

export function describeReplicationController(rc: ReplicationController, pods: readonly Pod[], events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${rc.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rc.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabels(rc.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rc.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rc.metadata?.annotations);
    w.write(LEVEL_0, `Replicas:\t${rc.status?.replicas ?? 0} current / ${rc.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(podStatusForController(pods, rc.metadata?.uid))}\n`);
    describePodTemplate(w, rc.spec?.template);
    describeConditions(w, rc.status?.conditions);
    describeEvents(w, events, now);
  });
}

export function describeReplicaSet(rs: ReplicaSet, pods: readonly Pod[], events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${rs.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${rs.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(rs.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', rs.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', rs.metadata?.annotations);
    const owner = controlledBy(rs);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    w.write(LEVEL_0, `Replicas:\t${rs.status?.replicas ?? 0} current / ${rs.spec?.replicas ?? 0} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, `${podsStatus(podStatusForController(pods, rs.metadata?.uid))}\n`);
    describePodTemplate(w, rs.spec?.template);
    describeConditions(w, rs.status?.conditions);
    describeEvents(w, events, now);
  });
}

export function describeDaemonSet(ds: DaemonSet, pods: readonly Pod[], events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    const s = ds.status;
    w.write(LEVEL_0, `Name:\t${ds.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${ds.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(ds.spec?.selector)}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(ds.spec?.template?.spec?.nodeSelector)}\n`);
    printLabelsMultiline(w, 'Labels', ds.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', ds.metadata?.annotations);
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${s?.desiredNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${s?.currentNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${s?.updatedNumberScheduled ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${s?.numberAvailable ?? 0}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${s?.numberMisscheduled ?? 0}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatus(podStatusForController(pods, ds.metadata?.uid))}\n`);
    describePodTemplate(w, ds.spec?.template);
    describeEvents(w, events, now);
  });
}
