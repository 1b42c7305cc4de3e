// What the scheduler knows about one node (pkg/scheduler/framework/types.go NodeInfo), kept up to date
// incrementally as pods are bound and go away, so scheduling a pod never rescans all pods.
import type { Node, Pod, Taint } from 'kubernetes-types/core/v1.js';
import { addTo, emptyResources, nodeAllocatable, podNonZeroRequests, podRequests, type Allocatable, type Resources } from './resources.js';

export interface HostPort { protocol: string; ip: string; port: number }

/** The facts about a counted pod that a node keeps (added and later subtracted). */
export interface PodOnNode {
  uid: string;
  req: Resources;
  /** Whether req names extended resources (precomputed: the fit filter's fast path checks it per node). */
  hasScalar: boolean;
  nonZero: { milliCPU: number; memory: number };
  /** The controller's uid: pods of one controller are spread. */
  owner?: string;
  ports: HostPort[];
}

export const TAINT_NOT_READY = 'node.kubernetes.io/not-ready';
export const TAINT_UNREACHABLE = 'node.kubernetes.io/unreachable';

export class NodeInfo {
  node?: Node;
  allocatable: Allocatable = { ...emptyResources(), pods: 0 };
  /** Taints the filters see: spec.taints plus what the node lifecycle controller would add for readiness. */
  taints: Taint[] = [];
  readonly requested: Resources = emptyResources();
  readonly nonZero = { milliCPU: 0, memory: 0 };
  readonly pods = new Map<string, PodOnNode>();
  readonly owners = new Map<string, number>();
  readonly usedPorts: HostPort[] = [];

  constructor(readonly name: string) {}

  setNode(node: Node | undefined): void {
    this.node = node;
    this.allocatable = node ? nodeAllocatable(node) : { ...emptyResources(), pods: 0 };
    this.taints = node ? effectiveTaints(node) : [];
  }

  addPod(key: string, p: PodOnNode): void {
    if (this.pods.has(key)) this.removePod(key);
    this.pods.set(key, p);
    addTo(this.requested, p.req);
    this.nonZero.milliCPU += p.nonZero.milliCPU;
    this.nonZero.memory += p.nonZero.memory;
    if (p.owner) this.owners.set(p.owner, (this.owners.get(p.owner) ?? 0) + 1);
    this.usedPorts.push(...p.ports);
  }

  removePod(key: string): void {
    const p = this.pods.get(key);
    if (!p) return;
    this.pods.delete(key);
    addTo(this.requested, p.req, -1);
    this.nonZero.milliCPU -= p.nonZero.milliCPU;
    this.nonZero.memory -= p.nonZero.memory;
    if (p.owner) {
      const n = (this.owners.get(p.owner) ?? 1) - 1;
      if (n > 0) this.owners.set(p.owner, n); else this.owners.delete(p.owner);
    }
    for (const port of p.ports) {
      const i = this.usedPorts.indexOf(port);
      if (i >= 0) this.usedPorts.splice(i, 1);
    }
  }
}

export function podOnNode(pod: Pod): PodOnNode {
  const owner = pod.metadata?.ownerReferences?.find((r) => r.controller)?.uid;
  const ports: HostPort[] = [];
  for (const c of [...(pod.spec?.initContainers ?? []), ...(pod.spec?.containers ?? [])]) {
    for (const p of c.ports ?? []) if (p.hostPort) ports.push({ protocol: p.protocol ?? 'TCP', ip: p.hostIP || '0.0.0.0', port: p.hostPort });
  }
  const req = podRequests(pod);
  return { uid: pod.metadata?.uid ?? '', req, hasScalar: Object.keys(req.scalar).length > 0, nonZero: podNonZeroRequests(pod), owner, ports };
}

/**
 * spec.taints, plus NoSchedule taints for a node whose Ready condition is not True when it lacks
 * them: the node lifecycle controller's TaintNodesByCondition (False → not-ready, Unknown →
 * unreachable; a kubelet registers with not-ready until it reports Ready).
 */
export function effectiveTaints(node: Node): Taint[] {
  const taints = [...(node.spec?.taints ?? [])];
  const ready = node.status?.conditions?.find((c) => c.type === 'Ready')?.status;
  if (ready === 'True') return taints;
  const key = ready === 'Unknown' ? TAINT_UNREACHABLE : TAINT_NOT_READY;
  if (!taints.some((t) => t.key === key && t.effect === 'NoSchedule')) taints.push({ key, effect: 'NoSchedule' });
  return taints;
}
