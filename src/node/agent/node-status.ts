// The Node object a kubelet registers and the status it keeps current, as pkg/kubelet/
// kubelet_node_status.go (initialNode) and nodestatus/setters.go build them. Pure: facts and `now` in,
// objects out.
import type { Node, NodeCondition, NodeStatus, Taint } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { rfc3339 } from '../../util/clock.js';
import type { HostFacts } from './host-facts.js';

export type NodeObject = KObject & Node;

export const KUBELET_VERSION = 'v1.33.0';

export interface NodeConfig {
  name: string;
  /** Extra labels (--labels); the well-known ones are always set. */
  labels: Record<string, string>;
  capacity: Record<string, string>;
  /** Defaults to capacity (the simulated runtime reserves nothing). */
  allocatable?: Record<string, string>;
  facts: HostFacts;
  /** Port of this node's kubelet server (for logs/exec/port-forward), 0 when it has none. */
  kubeletPort: number;
  runtimeName: string;
  runtimeVersion: string;
  podCIDR?: string;
  taints?: Taint[];
}

/** The labels kubelet sets on its Node (kubelet_node_status.go initialNode + updateDefaultLabels). */
export function defaultLabels(cfg: NodeConfig): Record<string, string> {
  return {
    'beta.kubernetes.io/arch': cfg.facts.architecture,
    'beta.kubernetes.io/os': cfg.facts.operatingSystem,
    'kubernetes.io/arch': cfg.facts.architecture,
    'kubernetes.io/hostname': cfg.name,
    'kubernetes.io/os': cfg.facts.operatingSystem,
  };
}

type Pressure = { type: string; reason: string; message: string };
// Setter order as upstream's defaultNodeStatusFuncs, so `describe node` lists them the same way.
const PRESSURES: Pressure[] = [
  { type: 'MemoryPressure', reason: 'KubeletHasSufficientMemory', message: 'kubelet has sufficient memory available' },
  { type: 'DiskPressure', reason: 'KubeletHasNoDiskPressure', message: 'kubelet has no disk pressure' },
  { type: 'PIDPressure', reason: 'KubeletHasSufficientPID', message: 'kubelet has sufficient PID available' },
];
const READY = { type: 'Ready', reason: 'KubeletReady', message: 'kubelet is posting ready status' };

/** The events kubelet records when each condition first appears (setters.go recordEventFunc). */
export const CONDITION_EVENTS: Record<string, string> = {
  MemoryPressure: 'NodeHasSufficientMemory',
  DiskPressure: 'NodeHasNoDiskPressure',
  PIDPressure: 'NodeHasSufficientPID',
  Ready: 'NodeReady',
};

/**
 * Conditions at `now`: heartbeats are now; a transition time is kept while the status stays the
 * same (setters.go only moves lastTransitionTime when Status changes).
 */
export function conditions(previous: NodeCondition[] | undefined, now: number): NodeCondition[] {
  const ts = rfc3339(now);
  const want = [...PRESSURES.map((p) => ({ ...p, status: 'False' })), { ...READY, status: 'True' }];
  const out: NodeCondition[] = want.map((w) => {
    const old = previous?.find((c) => c.type === w.type);
    const transition = old && old.status === w.status && old.lastTransitionTime ? old.lastTransitionTime : ts;
    return { type: w.type, status: w.status, lastHeartbeatTime: ts, lastTransitionTime: transition, reason: w.reason, message: w.message };
  });
  // Conditions others own (e.g. NetworkUnavailable) are kept as they are.
  for (const c of previous ?? []) if (!out.some((o) => o.type === c.type)) out.push(c);
  return out;
}

export function nodeStatus(cfg: NodeConfig, previous: NodeStatus | undefined, now: number): NodeStatus {
  const f = cfg.facts;
  return {
    capacity: { ...cfg.capacity },
    allocatable: { ...(cfg.allocatable ?? cfg.capacity) },
    conditions: conditions(previous?.conditions, now),
    addresses: [{ type: 'InternalIP', address: f.internalIP }, { type: 'Hostname', address: cfg.name }],
    daemonEndpoints: { kubeletEndpoint: { Port: cfg.kubeletPort } },
    nodeInfo: {
      machineID: f.machineID,
      systemUUID: f.systemUUID,
      bootID: f.bootID,
      kernelVersion: f.kernelVersion,
      osImage: f.osImage,
      containerRuntimeVersion: `kubelite://${cfg.runtimeVersion}`,
      kubeletVersion: KUBELET_VERSION,
      // Since DisableNodeKubeProxyVersion (on by default from 1.31) kubelet leaves this empty.
      kubeProxyVersion: '',
      operatingSystem: f.operatingSystem,
      architecture: f.architecture,
    },
  };
}

/** The Node kubelet creates on registration. */
export function initialNode(cfg: NodeConfig, now: number): NodeObject {
  const spec: NonNullable<Node['spec']> = {};
  if (cfg.podCIDR) Object.assign(spec, { podCIDR: cfg.podCIDR, podCIDRs: [cfg.podCIDR] });
  if (cfg.taints?.length) Object.assign(spec, { taints: cfg.taints });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name: cfg.name,
      labels: { ...cfg.labels, ...defaultLabels(cfg) },
      annotations: { 'volumes.kubernetes.io/controller-managed-attach-detach': 'true' },
    },
    spec,
    status: nodeStatus(cfg, undefined, now),
  };
}

/**
 * Brings an existing Node (registered before, e.g. by a previous agent run) in line: default labels
 * reconciled as updateDefaultLabels does, extra labels added, podCIDR set if it had none.
 * Returns undefined when nothing needs to change.
 */
export function reconcileExisting(existing: NodeObject, cfg: NodeConfig): NodeObject | undefined {
  const labels = { ...(existing.metadata.labels ?? {}) };
  let changed = false;
  for (const [k, v] of Object.entries({ ...cfg.labels, ...defaultLabels(cfg) })) {
    if (labels[k] !== v) { labels[k] = v; changed = true; }
  }
  const spec = { ...(existing.spec ?? {}) };
  if (cfg.podCIDR && !spec.podCIDR) { Object.assign(spec, { podCIDR: cfg.podCIDR, podCIDRs: [cfg.podCIDR] }); changed = true; }
  return changed ? { ...existing, metadata: { ...existing.metadata, labels }, spec } : undefined;
}
