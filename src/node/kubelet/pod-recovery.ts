// What a pod worker knows of a pod this node ran before an agent restart: restart counts and last
// states from the pod's status, and the sandbox and containers a previous agent process left
// (container ids are `<uid>_<container>_<instance>`), as kubelet rebuilds its view from the runtime.
import type { Pod } from 'kubernetes-types/core/v1.js';
import type { RecoveredContainer, RunningContainer } from '../runtime/runtime.js';
import type { ContainerRecord } from './container-record.js';
import type { TerminatedFacts } from './container-status.js';
import { containerLogPath } from './container-start.js';

/** Kubelet's ContainerStatusUnknown: the container ended while nothing watched and nothing recorded how. */
function lost(startedAt: number, finishedAt: number, containerID?: string): TerminatedFacts {
  return { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', startedAt, finishedAt, containerID };
}

/** Restarts continue counting from the status; a container reported running is lost unless adopted. */
export function seedFromStatus(records: Map<string, ContainerRecord>, pod: Pod, now: number): void {
  for (const s of [...(pod.status?.initContainerStatuses ?? []), ...(pod.status?.containerStatuses ?? [])]) {
    const r = records.get(s.name);
    if (!r) continue;
    r.restartCount = s.restartCount ?? 0;
    r.started = r.restartCount + (s.state?.terminated || s.state?.running ? 1 : 0);
    const t = s.state?.terminated;
    if (t) {
      r.last = { exitCode: t.exitCode, reason: t.reason, message: t.message, startedAt: Date.parse(t.startedAt ?? '') || 0, finishedAt: Date.parse(t.finishedAt ?? '') || 0, containerID: s.containerID?.replace(/^[a-z]+:\/\//, '') };
    } else if (s.state?.running) {
      r.last = lost(Date.parse(s.state.running.startedAt ?? '') || 0, now);
    }
  }
}

/**
 * Takes over the latest instance of each container a previous agent started; returns the ones still
 * running, for the worker to watch and probe.
 */
export function adoptContainers(records: Map<string, ContainerRecord>, containers: RecoveredContainer[], podDir: string, now: number): Array<{ name: string; running: RunningContainer }> {
  const latest = new Map<string, RecoveredContainer & { instance: number }>();
  for (const c of containers) {
    const [, name, n] = c.id.split('_');
    const instance = Number(n);
    if (name && (latest.get(name)?.instance ?? -1) < instance) latest.set(name, { ...c, instance });
  }
  const running: Array<{ name: string; running: RunningContainer }> = [];
  for (const [name, c] of latest) {
    const r = records.get(name);
    if (!r) continue;
    r.started = Math.max(r.started, c.instance + 1);
    const logPath = containerLogPath(podDir, name, c.instance);
    if (c.running) {
      r.current = { id: c.id, running: c.running, startedAt: c.running.startedAt, logPath };
      running.push({ name, running: c.running });
    } else if (c.exit) {
      r.last = { exitCode: c.exit.exitCode, oomKilled: c.exit.oomKilled, startedAt: c.exit.startedAt, finishedAt: c.exit.finishedAt, containerID: c.id, logPath };
    } else {
      r.last = { ...lost(0, now, c.id), logPath };
    }
  }
  return running;
}
