// The kubelet-owned pod conditions, as pkg/kubelet/status/generate.go computes them, and their
// lastTransitionTime kept while the status stays the same (status_manager.go updateLastTransitionTime).
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';
import { isRestartableInit } from './container-status.js';

export const KUBELET_CONDITIONS = new Set(['PodReadyToStartContainers', 'Initialized', 'Ready', 'ContainersReady', 'PodScheduled']);

interface Cond { type: string; status: 'True' | 'False'; reason?: string; message?: string }

const goList = (names: string[]) => `[${names.join(' ')}]`;

function terminalCondition(type: string, phase: string): Cond {
  return { type, status: 'False', reason: phase === 'Failed' ? 'PodFailed' : 'PodCompleted' };
}

export function containersReadyCondition(pod: Pod, statuses: ContainerStatus[], phase: string): Cond {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const unknown: string[] = [];
  const unready: string[] = [];
  const consider = [...(pod.spec?.initContainers ?? []).filter(isRestartableInit), ...(pod.spec?.containers ?? [])];
  for (const c of consider) {
    const s = byName.get(c.name);
    if (!s) unknown.push(c.name);
    else if (!s.ready) unready.push(c.name);
  }
  if ((phase === 'Succeeded' && unknown.length === 0) || phase === 'Failed') return terminalCondition('ContainersReady', phase);
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
  if (unready.length) msgs.push(`containers with unready status: ${goList(unready)}`);
  if (msgs.length) return { type: 'ContainersReady', status: 'False', reason: 'ContainersNotReady', message: msgs.join(', ') };
  return { type: 'ContainersReady', status: 'True' };
}

export function readyCondition(pod: Pod, conditions: PodCondition[], statuses: ContainerStatus[], phase: string): Cond {
  const cr = containersReadyCondition(pod, statuses, phase);
  if (cr.status !== 'True') return { ...cr, type: 'Ready' };
  const msgs: string[] = [];
  for (const gate of pod.spec?.readinessGates ?? []) {
    const c = conditions.find((x) => x.type === gate.conditionType);
    if (!c) msgs.push(`corresponding condition of pod readiness gate "${gate.conditionType}" does not exist.`);
    else if (c.status !== 'True') msgs.push(`the status of pod readiness gate "${gate.conditionType}" is not "True", but ${c.status}`);
  }
  if (msgs.length) return { type: 'Ready', status: 'False', reason: 'ReadinessGatesNotReady', message: msgs.join(', ') };
  return { type: 'Ready', status: 'True' };
}

export function initializedCondition(pod: Pod, statuses: ContainerStatus[], phase: string): Cond {
  const byName = new Map(statuses.map((s) => [s.name, s]));
  const unknown: string[] = [];
  const incomplete: string[] = [];
  for (const c of pod.spec?.initContainers ?? []) {
    const s = byName.get(c.name);
    if (!s) { unknown.push(c.name); continue; }
    const done = isRestartableInit(c) ? s.started === true : s.ready;
    if (!done) incomplete.push(c.name);
  }
  if (phase === 'Succeeded' && unknown.length === 0) return { type: 'Initialized', status: 'True', reason: 'PodCompleted' };
  // A regular container that has started means the pod was initialized before (sidecars restarting).
  const regular = new Set((pod.spec?.containers ?? []).map((c) => c.name));
  if (statuses.some((s) => regular.has(s.name) && (s.state?.running || s.state?.terminated))) {
    return { type: 'Initialized', status: 'True' };
  }
  const msgs: string[] = [];
  if (unknown.length) msgs.push(`containers with unknown status: ${goList(unknown)}`);
  if (incomplete.length) msgs.push(`containers with incomplete status: ${goList(incomplete)}`);
  if (msgs.length) return { type: 'Initialized', status: 'False', reason: 'ContainersNotInitialized', message: msgs.join(', ') };
  return { type: 'Initialized', status: 'True' };
}

/**
 * Conditions in the kubelet's order: those the kubelet does not own (readiness gates, DisruptionTarget)
 * kept from the previous status, then PodReadyToStartContainers, Initialized, Ready, ContainersReady,
 * PodScheduled. A condition whose status did not change keeps its lastTransitionTime.
 */
export function podConditions(pod: Pod, statuses: ContainerStatus[], phase: string, sandboxReady: boolean, now: number): PodCondition[] {
  const old = pod.status?.conditions ?? [];
  const kept = old.filter((c) => !KUBELET_CONDITIONS.has(c.type));
  const generated: Cond[] = [{ type: 'PodReadyToStartContainers', status: sandboxReady ? 'True' : 'False' }];
  generated.push(initializedCondition(pod, statuses, phase));
  generated.push(readyCondition(pod, kept, statuses, phase));
  generated.push(containersReadyCondition(pod, statuses, phase));
  generated.push({ type: 'PodScheduled', status: 'True' });
  return [...kept, ...generated.map((c) => withTransitionTime(c, old, now))];
}

function withTransitionTime(c: Cond, old: PodCondition[], now: number): PodCondition {
  const prev = old.find((o) => o.type === c.type);
  const lastTransitionTime = prev && prev.status === c.status && prev.lastTransitionTime ? prev.lastTransitionTime : rfc3339(now);
  const out = { type: c.type, status: c.status, lastProbeTime: null, lastTransitionTime } as unknown as PodCondition;
  if (c.reason) out.reason = c.reason;
  if (c.message) out.message = c.message;
  return out;
}
