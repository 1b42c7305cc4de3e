// Whether a metav1.LabelSelector selects a label set, as LabelSelectorAsSelector(sel).Matches(labels)
// (apimachinery pkg/apis/meta/v1/helpers.go). A nil selector selects nothing, an empty one everything.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';

/** `undefined` when the selector cannot be converted (upstream's err != nil): callers then skip the match check. */
export function selectorMatches(sel: LabelSelector | undefined, labels: Record<string, string> | undefined): boolean | undefined {
  if (!sel) return false;
  const set = labels ?? {};
  let ok = true;
  for (const [k, v] of Object.entries(sel.matchLabels ?? {})) if (set[k] !== v) ok = false;
  for (const e of sel.matchExpressions ?? []) {
    const values = e.values ?? [];
    const has = Object.prototype.hasOwnProperty.call(set, e.key);
    switch (e.operator) {
      case 'In':
        if (values.length === 0) return undefined;
        if (!has || !values.includes(set[e.key])) ok = false;
        break;
      case 'NotIn':
        if (values.length === 0) return undefined;
        if (has && values.includes(set[e.key])) ok = false;
        break;
      case 'Exists':
        if (values.length > 0) return undefined;
        if (!has) ok = false;
        break;
      case 'DoesNotExist':
        if (values.length > 0) return undefined;
        if (has) ok = false;
        break;
      default:
        return undefined;
    }
  }
  return ok;
}

/** Whether two selectors are semantically equal (nil and empty maps alike), as apiequality.Semantic.DeepEqual. */
export function sameSelector(a: LabelSelector | undefined, b: LabelSelector | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(normalize(a)) === JSON.stringify(normalize(b));
}

const normalize = (s: LabelSelector) => ({
  matchLabels: Object.entries(s.matchLabels ?? {}).sort(([x], [y]) => (x < y ? -1 : 1)),
  matchExpressions: (s.matchExpressions ?? []).map((e) => [e.key, e.operator, e.values ?? []]),
});
