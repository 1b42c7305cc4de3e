// Whether a node's kubelet is still alive, decided from what it last posted: a Ready condition with a
// new lastHeartbeatTime, or a renewal of its Lease in kube-node-lease. When neither arrived within the
// grace period, the node's Ready, MemoryPressure, DiskPressure and PIDPressure conditions become
// Unknown. Mirrors tryUpdateNodeHealth in pkg/controller/nodelifecycle/node_lifecycle_controller.go;
// pure: the caller keeps the returned health and writes the returned status.
import { isDeepStrictEqual } from 'node:util';
import type { Node, NodeCondition, NodeStatus } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';

/** What the controller remembers per node, in its own clock (never the kubelet's timestamps). */
export interface NodeHealth {
  probeTimestamp: number;
  readyTransitionTimestamp: number;
  status?: NodeStatus;
  /** renewTime of the Lease last seen renewed, in ms. */
  leaseRenewTime?: number;
}

export interface HealthDecision {
  health: NodeHealth;
  gracePeriodMs: number;
  /** The Ready condition as read (a made-up Unknown one when the kubelet never posted). */
  observedReady: NodeCondition;
  /** The Ready condition after this decision (undefined when the node has none and none was written). */
  currentReady?: NodeCondition;
  /** The status to write when conditions were turned Unknown. */
  statusToWrite?: NodeStatus;
}

export interface HealthTiming { monitorGracePeriodMs: number; startupGracePeriodMs: number }

/** Conditions the controller turns Unknown; NetworkUnavailable is left to the network's own controller. */
const MONITORED_CONDITIONS = ['Ready', 'MemoryPressure', 'DiskPressure', 'PIDPressure'];

export const readyCondition = (status: NodeStatus | undefined) => status?.conditions?.find((c) => c.type === 'Ready');

const ms = (t: string | undefined) => (t ? Date.parse(t) : 0);

export function tryUpdateNodeHealth(node: Node, leaseRenewTime: number | undefined, saved: NodeHealth | undefined, now: number, timing: HealthTiming): HealthDecision {
  const created = node.metadata?.creationTimestamp;
  let currentReady = readyCondition(node.status);
  let observedReady: NodeCondition;
  let gracePeriodMs: number;
  let health = saved;
  if (!currentReady) {
    // Never posted: count from the node's creation, with the longer start-up grace.
    observedReady = { type: 'Ready', status: 'Unknown', lastHeartbeatTime: created, lastTransitionTime: created };
    gracePeriodMs = timing.startupGracePeriodMs;
    health = health ? { ...health, status: node.status } : { status: node.status, probeTimestamp: ms(created), readyTransitionTimestamp: ms(created) };
  } else {
    observedReady = { ...currentReady };
    gracePeriodMs = timing.monitorGracePeriodMs;
  }
  const savedReady = saved ? readyCondition(saved.status) : undefined;
  if (!health) {
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (!savedReady && currentReady) {
    // First sight of a Ready condition (e.g. this controller restarted): start counting now.
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (savedReady && !currentReady) {
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: now };
  } else if (savedReady && currentReady && savedReady.lastHeartbeatTime !== currentReady.lastHeartbeatTime) {
    const transitioned = savedReady.lastTransitionTime !== currentReady.lastTransitionTime;
    health = { status: node.status, probeTimestamp: now, readyTransitionTimestamp: transitioned ? now : health.readyTransitionTimestamp };
  }
  // A renewed Lease counts as a heartbeat too (a kubelet that only renews its lease stays healthy).
  const savedLease = saved?.leaseRenewTime;
  if (leaseRenewTime !== undefined && (savedLease === undefined || savedLease < leaseRenewTime)) {
    health = { ...health, leaseRenewTime, probeTimestamp: now };
  } else {
    health = { ...health, leaseRenewTime: savedLease };
  }
  if (!(now > health.probeTimestamp + gracePeriodMs)) return { health, gracePeriodMs, observedReady, currentReady };

  const status: NodeStatus = structuredClone(node.status ?? {});
  const conditions = (status.conditions ??= []);
  const stamp = rfc3339(now);
  for (const type of MONITORED_CONDITIONS) {
    const c = conditions.find((x) => x.type === type);
    if (!c) {
      conditions.push({ type, status: 'Unknown', reason: 'NodeStatusNeverUpdated', message: 'Kubelet never posted node status.', lastHeartbeatTime: created, lastTransitionTime: stamp });
    } else if (c.status !== 'Unknown') {
      c.status = 'Unknown';
      c.reason = 'NodeStatusUnknown';
      c.message = 'Kubelet stopped posting node status.';
      c.lastTransitionTime = stamp;
    }
  }
  currentReady = readyCondition(status);
  if (sameCondition(currentReady, observedReady)) return { health, gracePeriodMs, observedReady, currentReady: readyCondition(node.status) };
  return {
    health: { status, probeTimestamp: health.probeTimestamp, readyTransitionTimestamp: now, leaseRenewTime: health.leaseRenewTime },
    gracePeriodMs, observedReady, currentReady, statusToWrite: status,
  };
}

const sameCondition = (a: NodeCondition | undefined, b: NodeCondition) => isDeepStrictEqual(a, b);
