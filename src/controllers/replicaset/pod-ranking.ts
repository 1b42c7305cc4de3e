// Which pods count and which go first, as pkg/controller/controller_utils.go (IsPodActive,
// ActivePodsWithRanks.Less with the PodDeletionCost and LogarithmicScaleDown gates on, as in v1.33)
// and pkg/api/v1/pod/util.go (IsPodReady, IsPodAvailable) decide.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js';

export const POD_DELETION_COST = 'controller.kubernetes.io/pod-deletion-cost';

/** Not finished and not being deleted: a terminating pod no longer counts towards replicas. */
export function isPodActive(p: Pod): boolean {
  const phase = p.status?.phase;
  return phase !== 'Succeeded' && phase !== 'Failed' && !p.metadata?.deletionTimestamp;
}

const readyCondition = (p: Pod): PodCondition | undefined => p.status?.conditions?.find((c) => c.type === 'Ready');

export const isPodReady = (p: Pod): boolean => readyCondition(p)?.status === 'True';

const time = (t: string | undefined): number | undefined => (t ? Date.parse(t) : undefined);

/** Ready for at least minReadySeconds (strictly after, as upstream's Before(now)). */
export function isPodAvailable(p: Pod, minReadySeconds: number, now: number): boolean {
  if (!isPodReady(p)) return false;
  if (minReadySeconds === 0) return true;
  const since = time(readyCondition(p)?.lastTransitionTime);
  return since !== undefined && since + minReadySeconds * 1000 < now;
}

/** When a ready pod becomes available, if it is not yet (for the requeue after minReadySeconds). */
export function availableAt(p: Pod, minReadySeconds: number): number | undefined {
  const since = time(readyCondition(p)?.lastTransitionTime);
  return isPodReady(p) && since !== undefined ? since + minReadySeconds * 1000 : undefined;
}

const PHASE_ORDINAL: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
const phaseOrdinal = (p: Pod) => PHASE_ORDINAL[p.status?.phase ?? ''] ?? 0;

/** helper.GetDeletionCostFromPodAnnotations: an int32, 0 when absent or malformed. */
export function deletionCost(p: Pod): number {
  const v = p.metadata?.annotations?.[POD_DELETION_COST];
  if (v === undefined || !/^[+-]?\d+$/.test(v)) return 0;
  const n = Number(v);
  return n >= -(2 ** 31) && n <= 2 ** 31 - 1 ? n : 0;
}

/** Regular and sidecar (restartable init) containers' highest restart counts. */
function maxRestarts(p: Pod): [number, number] {
  const regular = Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const sidecar = Math.max(0, ...(p.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0));
  return [regular, sidecar];
}

/** afterOrZero: a missing time sorts first, then the later time. */
function afterOrZero(a: number | undefined, b: number | undefined): boolean {
  if (!a || !b) return !a;
  return a > b;
}

/** floor(log2) of the age in nanoseconds (a time.Duration), -1 for none: equal buckets count as equally old. */
function logRank(t: number, now: number): number {
  const d = (now - t) * 1e6;
  return d > 0 ? Math.floor(Math.log2(d)) : -1;
}

/** Compares two times as LogarithmicScaleDown does; `undefined` when they are equal. */
function compareTimes(a: number | undefined, b: number | undefined, uidA: string, uidB: string, now: number): boolean | undefined {
  if ((a ?? 0) === (b ?? 0)) return undefined;
  if (!now || !a || !b) return afterOrZero(a, b);
  const diff = logRank(a, now) - logRank(b, now);
  return diff === 0 ? uidA < uidB : diff < 0;
}

const readyTime = (p: Pod) => (isPodReady(p) ? time(readyCondition(p)?.lastTransitionTime) : undefined);

/**
 * ActivePodsWithRanks.Less: whether `a` should be deleted before `b`. `rankA`/`rankB` count the
 * related active pods on each pod's node (doubled-up pods go first).
 */
export function deleteBefore(a: Pod, rankA: number, b: Pod, rankB: number, now: number): boolean {
  const nodeA = a.spec?.nodeName ?? '', nodeB = b.spec?.nodeName ?? '';
  if (nodeA !== nodeB && (!nodeA || !nodeB)) return !nodeA; // 1. unassigned < assigned
  if (phaseOrdinal(a) !== phaseOrdinal(b)) return phaseOrdinal(a) < phaseOrdinal(b); // 2. Pending < Unknown < Running
  if (isPodReady(a) !== isPodReady(b)) return !isPodReady(a); // 3. not ready < ready
  if (deletionCost(a) !== deletionCost(b)) return deletionCost(a) < deletionCost(b); // 4. cheaper first
  if (rankA !== rankB) return rankA > rankB; // 5. doubled up < alone
  const uidA = a.metadata?.uid ?? '', uidB = b.metadata?.uid ?? '';
  if (isPodReady(a) && isPodReady(b)) { // 6. ready for less time first
    const r = compareTimes(readyTime(a), readyTime(b), uidA, uidB, now);
    if (r !== undefined) return r;
  }
  const [ra, sa] = maxRestarts(a), [rb, sb] = maxRestarts(b); // 7. more restarts first
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  // 8. newer first
  return compareTimes(time(a.metadata?.creationTimestamp), time(b.metadata?.creationTimestamp), uidA, uidB, now) ?? false;
}

/**
 * getPodsToDelete: the `count` most expendable of `pods`, ranked against `related` (pods of every
 * ReplicaSet with the same controller; for a lone ReplicaSet or RC none, so every rank is 0).
 */
export function podsToDelete<P extends Pod>(pods: readonly P[], related: readonly Pod[], count: number, now: number): P[] {
  if (count >= pods.length) return pods.slice(0, count);
  const onNode = new Map<string, number>();
  for (const p of related) if (isPodActive(p)) onNode.set(p.spec?.nodeName ?? '', (onNode.get(p.spec?.nodeName ?? '') ?? 0) + 1);
  const ranked = pods.map((pod) => ({ pod, rank: onNode.get(pod.spec?.nodeName ?? '') ?? 0 }));
  ranked.sort((x, y) => (deleteBefore(x.pod, x.rank, y.pod, y.rank, now) ? -1 : deleteBefore(y.pod, y.rank, x.pod, x.rank, now) ? 1 : 0));
  return ranked.slice(0, count).map((r) => r.pod);
}
