// Pod facts the DaemonSet controller decides on, as pkg/api/v1/pod/util.go (IsPodReady,
// IsPodAvailable, IsPodTerminal) and daemon_controller.go podByCreationTimestampAndPhase.
import type { Pod } from 'kubernetes-types/core/v1.js';

const readyCondition = (p: Pod) => p.status?.conditions?.find((c) => c.type === 'Ready');

export const isPodReady = (p: Pod): boolean => readyCondition(p)?.status === 'True';

/** Ready for at least minReadySeconds (a pod ready with minReadySeconds 0 is available at once). */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds === 0) return true;
  const since = Date.parse(readyCondition(p)?.lastTransitionTime ?? '');
  return !Number.isNaN(since) && since + minReadySeconds * 1000 <= now;
}

export const isPodTerminal = (p: Pod): boolean => p.status?.phase === 'Failed' || p.status?.phase === 'Succeeded';

const created = (p: Pod) => Date.parse(p.metadata?.creationTimestamp ?? '') || 0;

/** Scheduled pods first, then the oldest, then by name: the pod kept when a node has several. */
export function byCreationTimestampAndPhase(a: Pod, b: Pod): number {
  const sa = Boolean(a.spec?.nodeName);
  const sb = Boolean(b.spec?.nodeName);
  if (sa !== sb) return sa ? -1 : 1;
  const d = created(a) - created(b);
  if (d !== 0) return d;
  const [na, nb] = [a.metadata?.name ?? '', b.metadata?.name ?? ''];
  return na < nb ? -1 : na > nb ? 1 : 0;
}
