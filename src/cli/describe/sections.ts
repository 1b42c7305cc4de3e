// The blocks every describer shares (describe.go): multi-line labels, annotations, taints and
// tolerations, `<none>` for empty values, and the Events table with its `(x3 over 21s)` ages.
import type { Event, Taint, Toleration } from 'kubernetes-types/core/v1.js';
import { compareStrings } from '../../api/meta/label-requirement.js';
import { LEVEL_0, LEVEL_1, type PrefixWriter } from './prefix-writer.js';
import { goSort } from './go-sort.js';
import { since } from './time-format.js';

export const stringOrNone = (s: string | undefined | null) => (s ? s : '<none>');
export const printBool = (b: boolean | undefined) => (b ? 'True' : 'False');
export const printBoolPtr = (b: boolean | undefined | null) => (b === undefined || b === null ? '<unset>' : printBool(b));

/** Keys in Go's sort.Strings order (bytes, not locale). */
export const sortedKeys = (m: Readonly<Record<string, unknown>>) => Object.keys(m).sort(compareStrings);

/** printLabelsMultilineWithIndent: `Title:\tk=v`, further pairs on their own lines under the first. */
export function printLabelsMultiline(w: PrefixWriter, title: string, labels: Readonly<Record<string, string>> | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  const keys = sortedKeys(labels ?? {});
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  keys.forEach((k, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    w.write(LEVEL_0, `${k}=${labels![k]}\n`);
  });
}

// kubectl hides the client-side apply bookkeeping annotation (corev1.LastAppliedConfigAnnotation).
const SKIP_ANNOTATIONS = new Set(['kubectl.kubernetes.io/last-applied-configuration']);
const MAX_ANNOTATION_LEN = 140; // as describe.go maxAnnotationLen: longer values go on their own lines

const byteLength = (s: string) => Buffer.byteLength(s, 'utf8');
const shorten = (s: string, max: number) => (byteLength(s) > max ? `${Buffer.from(s, 'utf8').subarray(0, max).toString('utf8')}...` : s);

/** printAnnotationsMultiline: long or multi-line values are printed below their key, indented. */
export function printAnnotationsMultiline(w: PrefixWriter, title: string, annotations: Readonly<Record<string, string>> | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  const keys = sortedKeys(annotations ?? {}).filter((k) => !SKIP_ANNOTATIONS.has(k));
  if (keys.length === 0) { w.writeLine('<none>'); return; }
  const indent = '\t';
  keys.forEach((key, i) => {
    if (i !== 0) w.write(LEVEL_0, indent);
    const value = annotations![key]!.replace(/\n$/, '');
    if (byteLength(value) + byteLength(key) + 2 > MAX_ANNOTATION_LEN || value.includes('\n')) {
      w.write(LEVEL_0, `${key}:\n`);
      for (const s of value.split('\n')) w.write(LEVEL_0, `${indent}  ${shorten(s, MAX_ANNOTATION_LEN - 2)}\n`);
    } else {
      w.write(LEVEL_0, `${key}: ${value}\n`);
    }
  });
}

/** Taint.ToString(): `key=value:effect`, `key:effect` without a value. */
export const taintString = (t: Taint) => (t.value ? `${t.key}=${t.value}:${t.effect}` : `${t.key}:${t.effect}`);

export function printTaintsMultiline(w: PrefixWriter, title: string, taints: readonly Taint[] | undefined): void {
  w.write(LEVEL_0, `${title}:\t`);
  if (!taints?.length) { w.writeLine('<none>'); return; }
  const key = (t: Taint) => `${t.effect},${t.key}`;
  const sorted = goSort([...taints], (a, b) => compareStrings(key(a), key(b)) < 0);
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, ''); w.write(LEVEL_0, '\t'); }
    w.write(LEVEL_0, `${taintString(t)}\n`);
  });
}

/** printTolerationsMultilineWithIndent: `key=value:Effect op=Exists for 300s`, sorted by key. */
export function printTolerationsMultiline(w: PrefixWriter, title: string, tolerations: readonly Toleration[] | undefined, initialIndent = '', innerIndent = '\t'): void {
  w.write(LEVEL_0, `${initialIndent}${title}:${innerIndent}`);
  if (!tolerations?.length) { w.writeLine('<none>'); return; }
  const sorted = goSort([...tolerations], (a, b) => compareStrings(a.key ?? '', b.key ?? '') < 0);
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, initialIndent); w.write(LEVEL_0, innerIndent); }
    let s = t.key ?? '';
    if (t.value) s += `=${t.value}`;
    if (t.effect) s += `:${t.effect}`;
    // `operator: Exists` with no value tolerates everything: kubectl says so.
    if (t.operator === 'Exists' && !t.value) s += t.key || t.effect ? ' op=Exists' : 'op=Exists';
    if (t.tolerationSeconds !== undefined && t.tolerationSeconds !== null) s += ` for ${t.tolerationSeconds}s`;
    w.write(LEVEL_0, `${s}\n`);
  });
}

/** DescribeEvents: `Events:  <none>`, or the table sorted by last timestamp (Go's unstable sort.Sort). */
export function describeEvents(w: PrefixWriter, events: readonly Event[] | undefined, now: number): void {
  if (!events) return;
  if (events.length === 0) { w.write(LEVEL_0, 'Events:\t<none>\n'); return; }
  w.flush();
  const time = (e: Event) => (e.lastTimestamp ? Date.parse(e.lastTimestamp) : -Infinity);
  const sorted = goSort([...events], (a, b) => time(a) < time(b));
  w.write(LEVEL_0, 'Events:\n  Type\tReason\tAge\tFrom\tMessage\n');
  w.write(LEVEL_1, '----\t------\t----\t----\t-------\n');
  for (const e of sorted) {
    const first = e.eventTime ? since(e.eventTime, now) : since(e.firstTimestamp, now);
    let interval: string;
    if (e.series) interval = `${since(e.series.lastObservedTime, now)} (x${e.series.count ?? 0} over ${first})`;
    else if ((e.count ?? 0) > 1) interval = `${since(e.lastTimestamp, now)} (x${e.count} over ${first})`;
    else interval = first;
    const source = e.source?.component || e.reportingComponent || '';
    w.write(LEVEL_1, `${e.type ?? ''}\t${e.reason ?? ''}\t${interval}\t${source}\t${(e.message ?? '').trim()}\n`);
  }
}
