// describe.go describeNode: roles, labels, taints, the node's Lease, conditions, addresses,
// capacity, system info, the non-terminated pods with their requests and limits as a share of
// allocatable, the allocated totals, and events (about the node's uid or its name).
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import type { Event, Node, Pod } from 'kubernetes-types/core/v1.js';
import { compareStrings } from '../../api/meta/label-requirement.js';
import { LEVEL_0, LEVEL_1, tabbed, type PrefixWriter } from './prefix-writer.js';
import { addQuantities, milliValue, parseQuantity, quantityString, value, ZERO, type Quantity } from './quantity.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline, printTaintsMultiline } from './sections.js';
import { rfc1123z, since } from './time-format.js';

const ROLE_PREFIX = 'node-role.kubernetes.io/'; // LabelNodeRolePrefix
const ROLE_LABEL = 'kubernetes.io/role'; // NodeLabelRole

export function nodeRoles(node: Node): string[] {
  const roles = new Set<string>();
  for (const [k, v] of Object.entries(node.metadata?.labels ?? {})) {
    if (k.startsWith(ROLE_PREFIX) && k.length > ROLE_PREFIX.length) roles.add(k.slice(ROLE_PREFIX.length));
    else if (k === ROLE_LABEL && v) roles.add(v);
  }
  return [...roles].sort(compareStrings);
}

/** The lease lookup's outcome: the Lease, or the error text kubectl shows in its place. */
export type LeaseResult = { lease: Lease } | { error: string };

export function describeNode(node: Node, pods: readonly Pod[] | undefined, lease: LeaseResult, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    const spec = node.spec ?? {};
    const status = node.status ?? {};
    const info = status.nodeInfo;
    w.write(LEVEL_0, `Name:\t${node.metadata?.name ?? ''}\n`);
    const roles = nodeRoles(node);
    w.write(LEVEL_0, `Roles:\t${roles.length ? roles.join(',') : '<none>'}\n`);
    printLabelsMultiline(w, 'Labels', node.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', node.metadata?.annotations);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(node.metadata?.creationTimestamp ?? '')}\n`);
    printTaintsMultiline(w, 'Taints', spec.taints);
    w.write(LEVEL_0, `Unschedulable:\t${spec.unschedulable === true}\n`);
    if ('lease' in lease) {
      const l = lease.lease.spec;
      w.write(LEVEL_0, 'Lease:\n');
      w.write(LEVEL_1, `HolderIdentity:\t${l?.holderIdentity ?? '<unset>'}\n`);
      w.write(LEVEL_1, `AcquireTime:\t${l?.acquireTime ? rfc1123z(l.acquireTime) : '<unset>'}\n`);
      w.write(LEVEL_1, `RenewTime:\t${l?.renewTime ? rfc1123z(l.renewTime) : '<unset>'}\n`);
    } else {
      w.write(LEVEL_0, `Lease:\tFailed to get lease: ${lease.error}\n`);
    }
    if (status.conditions?.length) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t-----------------\t------------------\t------\t-------\n');
      for (const c of status.conditions) {
        w.write(LEVEL_1, `${c.type} \t${c.status} \t${goTime(c.lastHeartbeatTime)} \t${goTime(c.lastTransitionTime)} \t${c.reason ?? ''} \t${c.message ?? ''}\n`);
      }
    }
    w.write(LEVEL_0, 'Addresses:\n');
    for (const a of status.addresses ?? []) w.write(LEVEL_1, `${a.type}:\t${a.address}\n`);
    const printList = (list: Record<string, string | number>) => {
      for (const name of Object.keys(list).sort(compareStrings)) w.write(LEVEL_0, `  ${name}:\t${quantityString(parseQuantity(list[name]))}\n`);
    };
    if (Object.keys(status.capacity ?? {}).length) { w.write(LEVEL_0, 'Capacity:\n'); printList(status.capacity as Record<string, string>); }
    if (Object.keys(status.allocatable ?? {}).length) { w.write(LEVEL_0, 'Allocatable:\n'); printList(status.allocatable as Record<string, string>); }
    w.write(LEVEL_0, 'System Info:\n');
    w.write(LEVEL_0, `  Machine ID:\t${info?.machineID ?? ''}\n`);
    w.write(LEVEL_0, `  System UUID:\t${info?.systemUUID ?? ''}\n`);
    w.write(LEVEL_0, `  Boot ID:\t${info?.bootID ?? ''}\n`);
    w.write(LEVEL_0, `  Kernel Version:\t${info?.kernelVersion ?? ''}\n`);
    w.write(LEVEL_0, `  OS Image:\t${info?.osImage ?? ''}\n`);
    w.write(LEVEL_0, `  Operating System:\t${info?.operatingSystem ?? ''}\n`);
    w.write(LEVEL_0, `  Architecture:\t${info?.architecture ?? ''}\n`);
    w.write(LEVEL_0, `  Container Runtime Version:\t${info?.containerRuntimeVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kubelet Version:\t${info?.kubeletVersion ?? ''}\n`);
    w.write(LEVEL_0, `  Kube-Proxy Version:\t${info?.kubeProxyVersion ?? ''}\n`);
    if (spec.podCIDR) w.write(LEVEL_0, `PodCIDR:\t${spec.podCIDR}\n`);
    if (spec.podCIDRs?.length) w.write(LEVEL_0, `PodCIDRs:\t${spec.podCIDRs.join(',')}\n`);
    if (spec.providerID) w.write(LEVEL_0, `ProviderID:\t${spec.providerID}\n`);
    if (pods) describeNodeResource(w, node, pods, now);
    else w.write(LEVEL_0, 'Pods:\tnot authorized\n');
    describeEvents(w, events, now);
  });
}

/** Go's zero time for a missing condition time, else RFC1123Z. */
const goTime = (t: string | undefined) => (t ? rfc1123z(t) : 'Mon, 01 Jan 0001 00:00:00 +0000');

type ResourceMap = Map<string, Quantity>;

function sumInto(into: ResourceMap, list: Record<string, string | number> | undefined): void {
  for (const [k, v] of Object.entries(list ?? {})) {
    const q = parseQuantity(v);
    into.set(k, into.has(k) ? addQuantities(into.get(k)!, q) : q);
  }
}

/** component-helpers PodRequestsAndLimits: containers (and sidecars) summed, a regular init container counted when larger, plus overhead. */
export function podRequestsAndLimits(pod: Pod): [ResourceMap, ResourceMap] {
  const out: [ResourceMap, ResourceMap] = [new Map(), new Map()];
  (['requests', 'limits'] as const).forEach((which, i) => {
    const total = out[i]!;
    for (const c of pod.spec?.containers ?? []) sumInto(total, c.resources?.[which]);
    for (const c of pod.spec?.initContainers ?? []) {
      if (c.restartPolicy === 'Always') { sumInto(total, c.resources?.[which]); continue; }
      for (const [k, v] of Object.entries(c.resources?.[which] ?? {})) {
        const q = parseQuantity(v);
        if (!total.has(k) || q.nano > total.get(k)!.nano) total.set(k, q);
      }
    }
    sumInto(total, pod.spec?.overhead);
  });
  return out;
}

const pct = (part: number, whole: number) => (whole === 0 ? 0 : Math.trunc((part / whole) * 100));
const get = (m: ResourceMap, k: string) => m.get(k) ?? ZERO;

function describeNodeResource(w: PrefixWriter, node: Node, pods: readonly Pod[], now: number): void {
  w.write(LEVEL_0, `Non-terminated Pods:\t(${pods.length} in total)\n`);
  w.write(LEVEL_1, 'Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge\n');
  w.write(LEVEL_1, '---------\t----\t\t------------\t----------\t---------------\t-------------\t---\n');
  const alloc = Object.keys(node.status?.allocatable ?? {}).length ? node.status!.allocatable! : node.status?.capacity ?? {};
  const allocCpu = milliValue(parseQuantity(alloc.cpu));
  const allocMem = value(parseQuantity(alloc.memory));
  const allocEph = value(parseQuantity(alloc['ephemeral-storage']));
  // Per-pod shares divide without a zero check, as upstream (NaN and Inf print as Go's int64 conversion does).
  const share = (part: number, whole: number) => goInt64(part / whole * 100);
  for (const pod of pods) {
    const [req, lim] = podRequestsAndLimits(pod);
    const [cr, cl, mr, ml] = [get(req, 'cpu'), get(lim, 'cpu'), get(req, 'memory'), get(lim, 'memory')];
    w.write(LEVEL_1, `${pod.metadata?.namespace ?? ''}\t${pod.metadata?.name ?? ''}\t\t${quantityString(cr)} (${share(milliValue(cr), allocCpu)}%)\t${quantityString(cl)} (${share(milliValue(cl), allocCpu)}%)\t${quantityString(mr)} (${share(value(mr), allocMem)}%)\t${quantityString(ml)} (${share(value(ml), allocMem)}%)\t${since(pod.metadata?.creationTimestamp, now)}\n`);
  }
  w.write(LEVEL_0, 'Allocated resources:\n  (Total limits may be over 100 percent, i.e., overcommitted.)\n');
  w.write(LEVEL_1, 'Resource\tRequests\tLimits\n');
  w.write(LEVEL_1, '--------\t--------\t------\n');
  const reqs: ResourceMap = new Map();
  const limits: ResourceMap = new Map();
  for (const pod of pods) {
    const [r, l] = podRequestsAndLimits(pod);
    for (const [k, q] of r) reqs.set(k, reqs.has(k) ? addQuantities(reqs.get(k)!, q) : q);
    for (const [k, q] of l) limits.set(k, limits.has(k) ? addQuantities(limits.get(k)!, q) : q);
  }
  const row = (name: string, whole: number, measure: (q: Quantity) => number) => {
    const [r, l] = [get(reqs, name), get(limits, name)];
    w.write(LEVEL_1, `${name}\t${quantityString(r)} (${pct(measure(r), whole)}%)\t${quantityString(l)} (${pct(measure(l), whole)}%)\n`);
  };
  row('cpu', allocCpu, milliValue);
  row('memory', allocMem, value);
  row('ephemeral-storage', allocEph, value);
  const names = Object.keys(alloc).sort(compareStrings);
  for (const r of names.filter((n) => n.startsWith('hugepages-'))) row(r, value(parseQuantity(alloc[r])), value);
  const standard = new Set(['cpu', 'memory', 'ephemeral-storage', 'storage', 'pods']);
  for (const r of names.filter((n) => !n.startsWith('hugepages-') && !standard.has(n) && !n.startsWith('requests.') && !n.startsWith('limits.'))) {
    w.write(LEVEL_1, `${r}\t${quantityString(get(reqs, r))}\t${quantityString(get(limits, r))}\n`);
  }
}

/** Go's int64(float64) on amd64: NaN and out-of-range values become the minimum int64. */
function goInt64(f: number): string {
  if (!Number.isFinite(f)) return '-9223372036854775808';
  return String(Math.trunc(f));
}
