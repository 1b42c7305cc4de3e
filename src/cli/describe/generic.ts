// describe.go genericDescriber: for kinds kubectl has no describer for, every field of the object
// (sorted, nested by indentation) with "smart" labels (`apiVersion` → `API Version`), then events.
import type { Event } from 'kubernetes-types/core/v1.js';
import { compareStrings } from '../../api/meta/label-requirement.js';
import { LEVEL_0, tabbed, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './sections.js';

type Json = string | number | boolean | null | Json[] | { [k: string]: Json };
const isMap = (v: unknown): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

const SKIP = ['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations'];
const ACRONYMS = ['API', 'URL', 'UID', 'OSB', 'GUID'];

/** fatih/camelcase Split: runs of lower, upper, digit and other characters; an upper run gives its last letter to a following lower run. */
export function camelSplit(s: string): string[] {
  const cls = (c: string) => (/\p{Ll}/u.test(c) ? 1 : /\p{Lu}/u.test(c) ? 2 : /\p{Nd}/u.test(c) ? 3 : 4);
  const runs: string[][] = [];
  let last = 0;
  for (const c of s) {
    const k = cls(c);
    if (k === last) runs[runs.length - 1]!.push(c);
    else runs.push([c]);
    last = k;
  }
  for (let i = 0; i < runs.length - 1; i++) {
    if (cls(runs[i]![0]!) === 2 && cls(runs[i + 1]![0]!) === 1) runs[i + 1]!.unshift(runs[i]!.pop()!);
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `creationTimestamp` → `Creation Timestamp`, `uid` → `UID`; names with other characters stay. */
export function smartLabel(field: string): string {
  if ([...field].some((c) => !/\p{L}/u.test(c) && c !== '-')) return field;
  return camelSplit(field).filter((p) => p !== '_').map((p) => (ACRONYMS.includes(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1))).join(' ');
}

/** Go's %v of a decoded JSON value (unstructured keeps integers as int64). */
export function goValue(v: Json | undefined): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goValue).join(' ')}]`;
  if (isMap(v)) return `map[${Object.keys(v).sort(compareStrings).map((k) => `${k}:${goValue(v[k])}`).join(' ')}]`;
  if (typeof v === 'number' && !Number.isInteger(v)) return goFloat(v);
  return String(v);
}

/** %v of a float64: %g with the shortest digits, exponent form past 21 digits or below 1e-4. */
function goFloat(f: number): string {
  const exp = Math.floor(Math.log10(Math.abs(f)));
  if (exp < -4 || exp >= 21) return f.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(f);
}

function printContent(w: PrefixWriter, level: number, content: Record<string, Json>, prefix: string): void {
  for (const field of Object.keys(content).sort(compareStrings)) {
    const value = content[field];
    const path = `${prefix}.${field}`;
    if (SKIP.includes(path)) continue;
    if (isMap(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      printContent(w, level + 1, value, path);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabel(field)}:\n`);
      for (const child of value) {
        if (isMap(child)) printContent(w, level + 1, child, path);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabel(field)}:\t${goValue(value)}\n`);
    }
  }
}

export function describeGeneric(obj: Record<string, unknown>, events: readonly Event[] | undefined, now: number): string {
  const meta = (obj.metadata ?? {}) as { name?: string; namespace?: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  return tabbed((w) => {
    w.write(LEVEL_0, `Name:\t${meta.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${meta.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', meta.labels);
    printAnnotationsMultiline(w, 'Annotations', meta.annotations);
    printContent(w, LEVEL_0, obj as Record<string, Json>, '');
    describeEvents(w, events, now);
  });
}
