// String forms the table printers share: label maps, label selectors and container lists.
// Mirrors apimachinery labels.FormatLabels, metav1.FormatLabelSelector (via LabelSelectorAsSelector
// and labels.Requirement.String) and printers.go layoutContainerCells.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';

/** `k=v,k2=v2` with sorted keys; `<none>` when empty (labels.FormatLabels). */
export function formatLabels(labels: Record<string, string> | null | undefined): string {
  const keys = Object.keys(labels ?? {}).sort();
  if (keys.length === 0) return '<none>';
  return keys.map((k) => `${k}=${labels![k]}`).join(',');
}

const OPERATORS: Record<string, string> = { In: 'in', NotIn: 'notin', Exists: '', DoesNotExist: '' };

/**
 * A selector as `a=b,c in (x,y),!d`; `<none>` for nil or empty (both print as the empty string
 * upstream), `<error>` for an unknown operator. Requirements are ordered by key, as
 * internalSelector.Add sorts them; set values print sorted.
 */
export function formatLabelSelector(selector: LabelSelector | null | undefined): string {
  if (!selector) return '<none>';
  const reqs: Array<{ key: string; text: string }> = [];
  for (const [key, value] of Object.entries(selector.matchLabels ?? {})) reqs.push({ key, text: `${key}=${value}` });
  for (const expr of selector.matchExpressions ?? []) {
    if (!(expr.operator in OPERATORS)) return '<error>';
    const values = [...(expr.values ?? [])].sort();
    switch (expr.operator) {
      case 'Exists': reqs.push({ key: expr.key, text: expr.key }); break;
      case 'DoesNotExist': reqs.push({ key: expr.key, text: `!${expr.key}` }); break;
      default: reqs.push({ key: expr.key, text: `${expr.key} ${OPERATORS[expr.operator]} (${values.join(',')})` });
    }
  }
  if (reqs.length === 0) return '<none>';
  // Stable sort by key only, like sort.Sort(ByKey) for distinct keys.
  reqs.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return reqs.map((r) => r.text).join(',');
}

/** The wide Containers and Images cells: names and images joined by commas. */
export function containerCells(containers: Array<{ name: string; image?: string }> | null | undefined): [string, string] {
  const list = containers ?? [];
  return [list.map((c) => c.name).join(','), list.map((c) => c.image ?? '').join(',')];
}
