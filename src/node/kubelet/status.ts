// The v1.PodStatus the kubelet writes, from the pod and what the kubelet knows of its containers:
// kubelet_pods.go generateAPIPodStatus (phase by getPhase, terminal phases never left, reason and
// message kept while the phase stays), the active-deadline eviction (active_deadline.go), conditions
// (conditions.ts), container statuses (container-status.ts), and the status manager's startTime rule.
import type { ContainerStatus, Pod, PodStatus } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';
import { podConditions } from './conditions.js';
import { containerStatuses, isRestartableInit, type ContainerFacts } from './container-status.js';

export interface PodFacts {
  initContainers: ContainerFacts[];
  containers: ContainerFacts[];
  /** Pod IPs, primary first (empty until the sandbox has one; a hostNetwork pod gets the host's). */
  podIPs: string[];
  hostIPs: string[];
  /** When the kubelet first saw the pod; ignored once the pod has a startTime. */
  startTime: number;
  /** Whether a sandbox with networking exists (PodReadyToStartContainers). */
  sandboxReady: boolean;
  /** The pod worker decided the pod is finished (deleted, evicted, past its deadline): containers won't restart. */
  podIsTerminal?: boolean;
  /** An eviction (e.g. the active deadline): phase Failed with this reason and message. */
  evicted?: { reason: string; message: string };
  now: number;
}

export const DEADLINE_EXCEEDED_REASON = 'DeadlineExceeded';
export const DEADLINE_EXCEEDED_MESSAGE = 'Pod was active on the node longer than the specified deadline';

/** activeDeadlineHandler.pastActiveDeadline: the pod has run activeDeadlineSeconds since its startTime. */
export function pastActiveDeadline(pod: Pod, startTime: number | undefined, now: number): boolean {
  const deadline = pod.spec?.activeDeadlineSeconds;
  if (deadline === undefined || deadline === null || startTime === undefined) return false;
  return now - startTime >= deadline * 1000;
}

/** kubelet_pods.go getPhase over init and regular container statuses. */
export function podPhase(pod: Pod, statuses: ContainerStatus[], podIsTerminal: boolean): NonNullable<PodStatus['phase']> {
  const spec = pod.spec;
  const restartPolicy = spec?.restartPolicy ?? 'Always';
  const byName = new Map(statuses.map((s) => [s.name, s]));
  let pendingInit = 0;
  let failedInit = 0;
  let unknown = 0, running = 0, waiting = 0, stopped = 0, succeeded = 0;

  for (const c of spec?.initContainers ?? []) {
    const s = byName.get(c.name);
    const st = s?.state;
    if (!isRestartableInit(c)) {
      if (!st) pendingInit++;
      else if (st.running) pendingInit++;
      else if (st.terminated) { if (st.terminated.exitCode !== 0) failedInit++; }
      else if (st.waiting) {
        if (s!.lastState?.terminated) { if (s!.lastState.terminated.exitCode !== 0) failedInit++; }
        else pendingInit++;
      } else pendingInit++;
      continue;
    }
    if (!s) { unknown++; continue; }
    if (st?.running) { if (!s.started) pendingInit++; running++; }
    else if (st?.terminated) { /* a stopped sidecar does not count */ }
    else if (st?.waiting) { if (!s.lastState?.terminated) { pendingInit++; waiting++; } }
    else { pendingInit++; unknown++; }
  }
  for (const c of spec?.containers ?? []) {
    const s = byName.get(c.name);
    const st = s?.state;
    if (!s) unknown++;
    else if (st?.running) running++;
    else if (st?.terminated) { stopped++; if (st.terminated.exitCode === 0) succeeded++; }
    else if (st?.waiting) { if (s.lastState?.terminated) stopped++; else waiting++; }
    else unknown++;
  }

  if (failedInit > 0 && restartPolicy === 'Never') return 'Failed';
  const regular = new Set((spec?.containers ?? []).map((c) => c.name));
  const anyRegularStarted = statuses.some((s) => regular.has(s.name) && (s.state?.running || s.state?.terminated));
  if ((pendingInit > 0 && !anyRegularStarted) || waiting > 0) return 'Pending';
  if (running > 0 && unknown === 0) return 'Running';
  if (running === 0 && stopped > 0 && unknown === 0) {
    if (podIsTerminal) return stopped === succeeded ? 'Succeeded' : 'Failed';
    if (restartPolicy === 'Always') return 'Running';
    if (stopped === succeeded) return 'Succeeded';
    if (restartPolicy === 'Never') return 'Failed';
    return 'Running';
  }
  return 'Pending';
}

const isTerminal = (phase: string | undefined) => phase === 'Failed' || phase === 'Succeeded';

/** The status to write for pod (whose status is the last one written), given the kubelet's facts. */
export function computePodStatus(pod: Pod, facts: PodFacts): PodStatus {
  const old = pod.status ?? {};
  const initStatuses = containerStatuses(pod, pod.spec?.initContainers ?? [], facts.initContainers, true);
  const statuses = containerStatuses(pod, pod.spec?.containers ?? [], facts.containers, false);
  const all = [...statuses, ...initStatuses];

  let phase = podPhase(pod, all, facts.podIsTerminal ?? false);
  // A pod the API already shows as terminal stays so.
  if (!isTerminal(phase) && isTerminal(old.phase)) phase = old.phase!;
  let reason: string | undefined;
  let message: string | undefined;
  if (phase === old.phase) {
    reason = old.reason;
    message = old.message;
  }
  if (facts.evicted) {
    phase = 'Failed';
    reason = facts.evicted.reason;
    message = facts.evicted.message;
  }
  if (isTerminal(old.phase) && phase !== old.phase) phase = old.phase!;

  const out: PodStatus = { phase };
  out.conditions = podConditions(pod, [...initStatuses, ...statuses], phase, facts.sandboxReady, facts.now);
  if (message) out.message = message;
  if (reason) out.reason = reason;
  if (old.nominatedNodeName) out.nominatedNodeName = old.nominatedNodeName;
  if (facts.hostIPs.length) {
    out.hostIP = facts.hostIPs[0];
    out.hostIPs = facts.hostIPs.map((ip) => ({ ip }));
  }
  if (facts.podIPs.length) {
    out.podIP = facts.podIPs[0];
    out.podIPs = facts.podIPs.map((ip) => ({ ip }));
  } else if (old.podIP) {
    // Once the sandbox is gone (a finished pod) the last known IPs stay on the record.
    out.podIP = old.podIP;
    if (old.podIPs) out.podIPs = old.podIPs;
  }
  out.startTime = old.startTime ?? rfc3339(facts.startTime);
  if (initStatuses.length) out.initContainerStatuses = initStatuses;
  out.containerStatuses = statuses;
  if (old.qosClass) out.qosClass = old.qosClass;
  return out;
}
