// Label selectors: the `-l` string syntax, metav1.LabelSelector objects, matching and printing, as
// apimachinery's pkg/labels/selector.go and pkg/apis/meta/v1/helpers.go (LabelSelectorAsSelector,
// FormatLabelSelector) define them.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { badRequest } from '../errors.js';
import { newRequirement, requirementMatches, requirementString, type Operator, type Requirement } from './label-requirement.js';
import { parseRequirements } from './label-selector-parse.js';

export type { Operator, Requirement } from './label-requirement.js';

/** AND of requirements. `nothing` is labels.Nothing(): what a nil metav1.LabelSelector converts to. */
export interface Selector {
  readonly requirements: readonly Requirement[];
  readonly nothing?: true;
}

export const everything: Selector = Object.freeze({ requirements: Object.freeze([]) as readonly Requirement[] });
export const nothing: Selector = Object.freeze({ requirements: Object.freeze([]) as readonly Requirement[], nothing: true as const });

/** labels.Parse; throws a 400 BadRequest carrying upstream's message (e.g. `unable to parse requirement: ...`). */
export function parseLabelSelector(s: string): Selector {
  try {
    return { requirements: parseRequirements(s) };
  } catch (e) {
    throw badRequest((e as Error).message);
  }
}

const byKey = (a: Requirement, b: Requirement) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

const selectorOps: Record<string, Operator> = { In: 'in', NotIn: 'notin', Exists: 'exists', DoesNotExist: '!' };

/**
 * metav1.LabelSelectorAsSelector: undefined/null matches nothing, an empty selector matches everything,
 * otherwise matchLabels (as `=`) and matchExpressions ANDed, sorted by key. Throws an Error with upstream's
 * message on an invalid selector (callers decide the status; printers show `<error>`).
 */
export function labelSelectorAsSelector(ls: LabelSelector | null | undefined): Selector {
  if (ls == null) return nothing;
  const labels = ls.matchLabels ?? {};
  const exprs = ls.matchExpressions ?? [];
  if (Object.keys(labels).length + exprs.length === 0) return everything;
  const reqs: Requirement[] = [];
  const add = (r: Requirement | { error: string }) => {
    if ('error' in r) throw new Error(r.error);
    reqs.push(r);
  };
  for (const [k, v] of Object.entries(labels)) add(newRequirement(k, '=', [v]));
  for (const e of exprs) {
    const op = Object.prototype.hasOwnProperty.call(selectorOps, e.operator) ? selectorOps[e.operator] : undefined;
    if (!op) throw new Error(`${JSON.stringify(e.operator)} is not a valid label selector operator`);
    add(newRequirement(e.key, op, e.values ?? []));
  }
  return { requirements: reqs.sort(byKey) };
}

/** labels.SelectorFromSet: each pair as `key=value`; an empty or missing set matches everything. */
export function selectorFromSet(set: Readonly<Record<string, string>> | null | undefined): Selector {
  const entries = Object.entries(set ?? {});
  return { requirements: entries.map(([key, v]): Requirement => ({ key, operator: '=', values: [v] })).sort(byKey) };
}

export function matches(selector: Selector, labels: Readonly<Record<string, string>> | null | undefined): boolean {
  if (selector.nothing) return false;
  const l = labels ?? {};
  return selector.requirements.every((r) => requirementMatches(r, l));
}

/**
 * `LabelSelectorAsSelector(ls)` then `Matches(labels)`, as validation uses it: `undefined` when the conversion
 * fails (upstream's err != nil, e.g. a malformed key or an In without values), so callers skip or report it.
 */
export function labelSelectorMatches(ls: LabelSelector | null | undefined, labels: Readonly<Record<string, string>> | null | undefined): boolean | undefined {
  let selector: Selector;
  try {
    selector = labelSelectorAsSelector(ls);
  } catch {
    return undefined;
  }
  return matches(selector, labels);
}

/** Selector.Empty(): no restriction (labels.Nothing() is not empty). */
export const isEverything = (s: Selector) => !s.nothing && s.requirements.length === 0;

/** Selector.String(): requirements joined by `,` (e.g. `app in (kubia)`, `app=kubia,tier!=db`); Nothing prints ''. */
export function selectorToString(selector: Selector): string {
  return selector.nothing ? '' : selector.requirements.map(requirementString).join(',');
}

/** metav1.FormatLabelSelector, the `Selector` table column: `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ls: LabelSelector | null | undefined): string {
  let s: string;
  try {
    s = selectorToString(labelSelectorAsSelector(ls));
  } catch {
    return '<error>';
  }
  return s.length === 0 ? '<none>' : s;
}

/** labels.FormatLabels, for map selectors (ReplicationController, Service): `k=v,...` sorted, or `<none>`. */
export function formatLabels(set: Readonly<Record<string, string>> | null | undefined): string {
  const s = selectorToString(selectorFromSet(set));
  return s.length === 0 ? '<none>' : s;
}

/** RequiresExactMatch: the single value a selector pins `key` to, if it does. */
export function requiredExactValue(selector: Selector, key: string): string | undefined {
  const r = selector.requirements.find((x) => x.key === key);
  if (!r || !['=', '==', 'in'].includes(r.operator) || r.values.length !== 1) return undefined;
  return r.values[0];
}
