// Renders values the way apimachinery's field.Error prints a bad value that is neither a string nor a number:
// Go's %#v (pkg/util/validation/field/errors.go ErrorBody). errors.ts's goValue prints such values as JSON, so a
// FieldError carrying a Go rendering holds it in `detail` and leaves `value` unset (withGoValue).
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import type { FieldError } from '../errors.js';
import { isObject } from '../object.js';

const quote = (s: string) => JSON.stringify(s);

/** `map[string]string{"a":"b", "c":"d"}`; fmt sorts map keys. A nil map is `map[string]string(nil)`. */
export function goStringMap(m: Record<string, string> | undefined): string {
  if (!m) return 'map[string]string(nil)';
  const keys = Object.keys(m).sort();
  return `map[string]string{${keys.map((k) => `${quote(k)}:${quote(m[k])}`).join(', ')}}`;
}

const goStrings = (xs: string[] | undefined) => (xs ? `[]string{${xs.map(quote).join(', ')}}` : '[]string(nil)');

/** A metav1.LabelSelector value as %#v prints it. */
export function goLabelSelector(sel: LabelSelector): string {
  const exprs = sel.matchExpressions
    ? `[]v1.LabelSelectorRequirement{${sel.matchExpressions
        .map((e) => `v1.LabelSelectorRequirement{Key:${quote(e.key)}, Operator:${quote(e.operator)}, Values:${goStrings(e.values)}}`)
        .join(', ')}}`
    : '[]v1.LabelSelectorRequirement(nil)';
  return `v1.LabelSelector{MatchLabels:${goStringMap(sel.matchLabels)}, MatchExpressions:${exprs}}`;
}

/** An intstr.IntOrString value as %#v prints it (Type 0 is Int, 1 is String). */
export function goIntOrString(v: number | string | undefined): string {
  if (typeof v === 'string') return `intstr.IntOrString{Type:1, IntVal:0, StrVal:${quote(v)}}`;
  return `intstr.IntOrString{Type:0, IntVal:${v ?? 0}, StrVal:""}`;
}

const upperFirst = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * A readable %#v-like rendering of any decoded object, e.g. `core.PodTemplateSpec{Spec:{...}}`. Upstream dumps
 * every zero field and pointer address, which cannot be reproduced; this keeps the shape and the set fields.
 */
export function goStruct(typeName: string, v: unknown): string {
  return `${typeName}${goAny(v)}`;
}

// Fields whose keys are data, not field names.
const STRING_MAPS = new Set(['labels', 'annotations', 'nodeSelector', 'matchLabels', 'limits', 'requests']);

function goAny(v: unknown, key = ''): string {
  if (typeof v === 'string') return quote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null || v === undefined) return 'nil';
  if (Array.isArray(v)) return `[]{${v.map((x) => goAny(x)).join(', ')}}`;
  if (isObject(v)) {
    if (STRING_MAPS.has(key)) return goStringMap(Object.fromEntries(Object.entries(v).map(([k, x]) => [k, String(x)])));
    const entries = Object.entries(v).filter(([, x]) => x !== undefined);
    return `{${entries.map(([k, x]) => `${upperFirst(k)}:${goAny(x, k)}`).join(', ')}}`;
  }
  return String(v);
}

/**
 * Moves a Go-rendered bad value into the message, where ErrorBody would have printed it, so the error
 * reads `Invalid value: <rendered>: <detail>` exactly as upstream's.
 */
export function withGoValue(err: FieldError, rendered: string): FieldError {
  return { type: err.type, field: err.field, detail: err.detail ? `${rendered}: ${err.detail}` : rendered };
}
