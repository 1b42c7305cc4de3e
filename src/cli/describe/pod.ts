// describe.go describePod: identity, node, status, IPs, controller, containers with their state,
// conditions, volumes, QoS class, node selectors, tolerations and the pod's events.
import type { Event, Pod } from 'kubernetes-types/core/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { controllerRef } from '../../api/meta/owners.js';
import { describeContainers, describeResources, podFieldResolver } from './containers.js';
import { LEVEL_0, LEVEL_1, tabbed, type PrefixWriter } from './prefix-writer.js';
import { podQos } from './qos.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './sections.js';
import { since, rfc1123z } from './time-format.js';
import { describeTopologySpreadConstraints } from './topology.js';
import { describeVolumes } from './volumes.js';

/** printController: `Kind/name` of the controlling owner, '' when none. */
export function controlledBy(obj: { metadata?: { ownerReferences?: OwnerReference[] } }): string {
  const ref = controllerRef(obj);
  return ref ? `${ref.kind}/${ref.name}` : '';
}

export function describePod(pod: Pod, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    const spec = pod.spec;
    const status = pod.status ?? {};
    const meta = pod.metadata ?? {};
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    if (spec?.priority !== undefined && spec.priority !== null) w.write(LEVEL_0, `Priority:\t${spec.priority}\n`);
    if (spec?.priorityClassName) w.write(LEVEL_0, `Priority Class Name:\t${spec.priorityClassName}\n`);
    if (spec?.runtimeClassName) w.write(LEVEL_0, `Runtime Class Name:\t${spec.runtimeClassName}\n`);
    if (spec?.serviceAccountName) w.write(LEVEL_0, `Service Account:\t${spec.serviceAccountName}\n`);
    w.write(LEVEL_0, spec?.nodeName ? `Node:\t${spec.nodeName}/${status.hostIP ?? ''}\n` : 'Node:\t<none>\n');
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    if (meta.deletionTimestamp && status.phase !== 'Failed' && status.phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${meta.deletionGracePeriodSeconds ?? 0}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${status.phase ?? ''}\n`);
    }
    if (status.reason) w.write(LEVEL_0, `Reason:\t${status.reason}\n`);
    if (status.message) w.write(LEVEL_0, `Message:\t${status.message}\n`);
    const seccomp = spec?.securityContext?.seccompProfile;
    if (seccomp) {
      w.write(LEVEL_0, `SeccompProfile:\t${seccomp.type}\n`);
      if (seccomp.type === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${seccomp.localhostProfile ?? ''}\n`);
    }
    w.write(LEVEL_0, `IP:\t${status.podIP ?? ''}\n`);
    describePodIps(w, pod);
    const owner = controlledBy(pod);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    if (status.nominatedNodeName) w.write(LEVEL_0, `NominatedNodeName:\t${status.nominatedNodeName}\n`);
    const podResources = (spec as { resources?: Parameters<typeof describeResources>[1] } | undefined)?.resources;
    if (podResources) { w.write(LEVEL_0, 'Resources:\n'); describeResources(w, podResources, LEVEL_1); }
    const resolve = podFieldResolver(pod);
    if (spec?.initContainers?.length) describeContainers(w, 'Init Containers', spec.initContainers, status.initContainerStatuses, resolve, '');
    describeContainers(w, 'Containers', spec?.containers, status.containerStatuses, resolve, '');
    if (spec?.ephemeralContainers?.length) describeContainers(w, 'Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, '');
    if (spec?.readinessGates?.length) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of spec.readinessGates) {
        const c = status.conditions?.find((x) => x.type === g.conditionType);
        w.write(LEVEL_1, `${g.conditionType} \t${c ? c.status : '<none>'} \n`);
      }
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of status.conditions) w.write(LEVEL_1, `${c.type} \t${c.status} \n`);
    }
    describeVolumes(w, spec?.volumes, '');
    w.write(LEVEL_0, `QoS Class:\t${podQos(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', spec?.nodeSelector);
    printTolerationsMultiline(w, 'Tolerations', spec?.tolerations);
    describeTopologySpreadConstraints(w, spec?.topologySpreadConstraints, '');
    describeEvents(w, events, now);
  });
}

function describePodIps(w: PrefixWriter, pod: Pod): void {
  const ips = pod.status?.podIPs ?? [];
  if (!ips.length) { w.write(LEVEL_0, 'IPs:\t<none>\n'); return; }
  w.write(LEVEL_0, 'IPs:\n');
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${ip.ip}\n`);
}

/** The describer when the pod is gone but events about it remain. */
export function describeMissingPod(name: string, error: string, events: readonly Event[], now: number): string {
  return tabbed((w) => {
    w.write(LEVEL_0, `Pod '${name}': error '${error}', but found events.\n`);
    describeEvents(w, events, now);
  });
}
