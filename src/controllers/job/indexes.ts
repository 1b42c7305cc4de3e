// Completion indexes of Indexed Jobs, as pkg/controller/job/indexed_job_utils.go keeps them: sets of
// indexes as ordered intervals ("1,3-5" in status.completedIndexes), the index a pod carries in its
// annotation, the lowest indexes still missing, and pods that repeat an index.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';

export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index'; // annotation and label
export const COMPLETION_INDEX_ENV = 'JOB_COMPLETION_INDEX';
export const UNKNOWN_INDEX = -1;
const MAX_GENERATED_NAME_LENGTH = 58; // as apiserver names.MaxGeneratedNameLength: 63 less the 5 random characters

export interface Interval { first: number; last: number }
export type Intervals = readonly Interval[];

export const isIndexedJob = (job: Job) => job.spec?.completionMode === 'Indexed';

/** getCompletionIndex: the annotation as a non-negative integer, else UNKNOWN_INDEX. */
export function completionIndex(pod: Pod): number {
  const v = pod.metadata?.annotations?.[COMPLETION_INDEX];
  const n = v === undefined ? undefined : atoi(v);
  return n === undefined || n < 0 ? UNKNOWN_INDEX : n;
}

/** An index the Job counts: known and below completions. */
export function validIndex(job: Job, pod: Pod): number | undefined {
  const ix = completionIndex(pod);
  return ix !== UNKNOWN_INDEX && ix < (job.spec?.completions ?? 0) ? ix : undefined;
}

/** parseIndexesFromString: corrupt parts are skipped; indexes at or past completions are dropped. */
export function parseIndexes(s: string | undefined, completions: number): Interval[] {
  const out: Interval[] = [];
  if (!s) return out;
  for (const part of s.split(',')) {
    const limits = part.split('-');
    const first = atoi(limits[0]!);
    if (first === undefined) continue;
    if (first >= completions) break;
    let last = first;
    if (limits.length > 1) {
      const l = atoi(limits[1]!);
      if (l === undefined) continue;
      last = Math.min(l, completions - 1);
    }
    const prev = out[out.length - 1];
    if (prev && prev.last === first - 1) prev.last = last;
    else out.push({ first, last });
  }
  return out;
}

const MAX_INT64 = 2n ** 63n - 1n;

/** Go's strconv.Atoi: an optional sign and decimal digits, within int64; anything else is an error (undefined). */
export function atoi(s: string): number | undefined {
  if (!/^[+-]?\d+$/.test(s)) return undefined;
  const n = BigInt(s);
  return n > MAX_INT64 || n < -MAX_INT64 - 1n ? undefined : Number(n);
}

/** merge: the union of two ordered lists, adjacent intervals joined. */
export function mergeIntervals(a: Intervals, b: Intervals): Interval[] {
  const out: Interval[] = [];
  const push = (iv: Interval) => {
    const last = out[out.length - 1];
    if (!last || iv.first > last.last + 1) out.push({ ...iv });
    else if (last.last < iv.last) last.last = iv.last;
  };
  let i = 0, j = 0;
  while (i < a.length && j < b.length) push(a[i]!.first < b[j]!.first ? a[i++]! : b[j++]!);
  while (i < a.length) push(a[i++]!);
  while (j < b.length) push(b[j++]!);
  return out;
}

/** withOrderedIndexes: adds indexes given in increasing order. */
export const withIndexes = (iv: Intervals, sorted: readonly number[]): Interval[] =>
  mergeIntervals(iv, sorted.map((n) => ({ first: n, last: n })));

export const totalIndexes = (iv: Intervals) => iv.reduce((n, x) => n + x.last - x.first + 1, 0);

/** String(): "0-2", with two adjacent indexes written "3,4". */
export function formatIndexes(iv: Intervals): string {
  return iv.map((x) => (x.last === x.first ? `${x.first}` : `${x.first}${x.last === x.first + 1 ? ',' : '-'}${x.last}`)).join(',');
}

export const hasIndex = (iv: Intervals | undefined, ix: number) => (iv ?? []).some((x) => x.first <= ix && ix <= x.last);

export const sortedIndexes = (pods: readonly Pod[]): number[] =>
  [...new Set(pods.map(completionIndex).filter((ix) => ix !== UNKNOWN_INDEX))].sort((a, b) => a - b);

/**
 * firstPendingIndexes: the `count` lowest indexes below completions that no active (or, when only
 * failed pods are replaced, terminating) pod holds and that have not succeeded or failed.
 */
export function firstPendingIndexes(taken: Intervals, count: number, completions: number): number[] {
  const out: number[] = [];
  let candidate = 0;
  for (const iv of taken) {
    for (; candidate < completions && out.length < count && candidate < iv.first; candidate++) out.push(candidate);
    if (candidate < iv.last + 1) candidate = iv.last + 1;
  }
  for (; candidate < completions && out.length < count; candidate++) out.push(candidate);
  return out;
}

/** podGenerateNameWithIndex: `<job>-<index>-`, the job name cut so the whole fits. */
export function generateNameWithIndex(jobName: string, index: number): string {
  const suffix = `-${index}-`;
  const prefix = jobName + suffix;
  return prefix.length > MAX_GENERATED_NAME_LENGTH ? jobName.slice(0, MAX_GENERATED_NAME_LENGTH - suffix.length) + suffix : prefix;
}

/**
 * appendDuplicatedIndexPodsForRemoval: active pods without a valid index, and all but the best of
 * pods sharing an index, go (`rm`); the rest stay (`left`). `order` is the deletion preference.
 */
export function duplicatedIndexPods<P extends Pod>(pods: readonly P[], completions: number, order: (a: P, b: P) => number): { rm: P[]; left: P[] } {
  const rm: P[] = [], left: P[] = [];
  const byIndex = new Map<number, P[]>();
  for (const p of pods) {
    const ix = completionIndex(p);
    if (ix === UNKNOWN_INDEX || ix >= completions) { rm.push(p); continue; }
    byIndex.set(ix, [...(byIndex.get(ix) ?? []), p]);
  }
  for (const ix of [...byIndex.keys()].sort((a, b) => a - b)) {
    const same = [...byIndex.get(ix)!].sort(order);
    rm.push(...same.slice(0, -1));
    left.push(same[same.length - 1]!);
  }
  return { rm, left };
}
