// The pod READY / STATUS / RESTARTS cells, as printPod in kubernetes
// pkg/printers/internalversion/printers.go (v1.33) computes them.
import type { Container, ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import { age } from './duration.js';

/** pkg/util/node NodeUnreachablePodReason: the node controller's reason for pods on a lost node. */
const NODE_UNREACHABLE_POD_REASON = 'NodeLost';
const SCHEDULING_GATED = 'SchedulingGated';

export interface PodSummary {
  ready: string; // "1/2"
  status: string; // Running, Completed, Init:0/1, CrashLoopBackOff, Terminating, ...
  restarts: string; // "0" or "3 (5s ago)"
}

/** A sidecar: an init container with restartPolicy Always (podutil.IsRestartableInitContainer). */
const isRestartable = (c: Container | undefined) => c?.restartPolicy === 'Always';

const conditionTrue = (conds: PodCondition[] | undefined, type: string) =>
  (conds ?? []).some((c) => c.type === type && c.status === 'True');

/** The later of two RFC 3339 instants; empty stands for Go's zero time. */
const later = (a: string, b: string | undefined) => (b && (a === '' || Date.parse(a) < Date.parse(b)) ? b : a);

function lastRestart(s: ContainerStatus, current: string): string {
  return later(current, s.lastState?.terminated?.finishedAt);
}

export function podSummary(pod: Pod, now: number): PodSummary {
  const spec = pod.spec ?? { containers: [] };
  const status = pod.status ?? {};
  let restarts = 0;
  let sidecarRestarts = 0;
  let totalContainers = (spec.containers ?? []).length;
  let readyContainers = 0;
  let lastRestartDate = '';
  let lastSidecarRestartDate = '';

  let reason = status.reason || status.phase || '';
  for (const c of status.conditions ?? []) {
    if (c.type === 'PodScheduled' && c.reason === SCHEDULING_GATED) reason = SCHEDULING_GATED;
  }

  const initContainers = new Map<string, Container>();
  for (const c of spec.initContainers ?? []) {
    initContainers.set(c.name, c);
    if (isRestartable(c)) totalContainers++;
  }

  let initializing = false;
  const initStatuses = status.initContainerStatuses ?? [];
  for (let i = 0; i < initStatuses.length; i++) {
    const c = initStatuses[i];
    restarts += c.restartCount ?? 0;
    lastRestartDate = lastRestart(c, lastRestartDate);
    const sidecar = isRestartable(initContainers.get(c.name));
    if (sidecar) {
      sidecarRestarts += c.restartCount ?? 0;
      lastSidecarRestartDate = lastRestart(c, lastSidecarRestartDate);
    }
    const terminated = c.state?.terminated;
    const waiting = c.state?.waiting;
    if (terminated && terminated.exitCode === 0) continue;
    if (sidecar && c.started) {
      if (c.ready) readyContainers++;
      continue;
    }
    if (terminated) {
      // initialization failed
      if (!terminated.reason) {
        reason = terminated.signal ? `Init:Signal:${terminated.signal}` : `Init:ExitCode:${terminated.exitCode}`;
      } else {
        reason = `Init:${terminated.reason}`;
      }
    } else if (waiting?.reason && waiting.reason !== 'PodInitializing') {
      reason = `Init:${waiting.reason}`;
    } else {
      reason = `Init:${i}/${(spec.initContainers ?? []).length}`;
    }
    initializing = true;
    break;
  }

  if (!initializing || conditionTrue(status.conditions, 'Initialized')) {
    restarts = sidecarRestarts;
    lastRestartDate = lastSidecarRestartDate;
    let hasRunning = false;
    const statuses = status.containerStatuses ?? [];
    for (let i = statuses.length - 1; i >= 0; i--) {
      const c = statuses[i];
      restarts += c.restartCount ?? 0;
      lastRestartDate = lastRestart(c, lastRestartDate);
      const terminated = c.state?.terminated;
      if (c.state?.waiting?.reason) {
        reason = c.state.waiting.reason;
      } else if (terminated?.reason) {
        reason = terminated.reason;
      } else if (terminated) {
        reason = terminated.signal ? `Signal:${terminated.signal}` : `ExitCode:${terminated.exitCode}`;
      } else if (c.ready && c.state?.running) {
        hasRunning = true;
        readyContainers++;
      }
    }
    // A pod with a container still running is not "Completed".
    if (reason === 'Completed' && hasRunning) {
      reason = conditionTrue(status.conditions, 'Ready') ? 'Running' : 'NotReady';
    }
  }

  const deleting = !!pod.metadata?.deletionTimestamp;
  const terminal = status.phase === 'Succeeded' || status.phase === 'Failed';
  if (deleting && status.reason === NODE_UNREACHABLE_POD_REASON) reason = 'Unknown';
  else if (deleting && !terminal) reason = 'Terminating';

  let restartsCell = String(restarts);
  if (restarts !== 0 && lastRestartDate !== '') restartsCell = `${restarts} (${age(lastRestartDate, now)} ago)`;

  return { ready: `${readyContainers}/${totalContainers}`, status: reason, restarts: restartsCell };
}

/** The wide READINESS GATES cell: how many gate conditions are True, e.g. "1/2"; `<none>` without gates. */
export function readinessGates(pod: Pod): string {
  const gates = pod.spec?.readinessGates ?? [];
  if (gates.length === 0) return '<none>';
  let trueCount = 0;
  for (const gate of gates) {
    const cond = (pod.status?.conditions ?? []).find((c) => c.type === gate.conditionType);
    if (cond?.status === 'True') trueCount++;
  }
  return `${trueCount}/${gates.length}`;
}
