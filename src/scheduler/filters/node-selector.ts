// Node selector terms (component-helpers/scheduling/corev1/nodeaffinity): terms are ORed; within a
// term every matchExpression (on labels) and matchField (only metadata.name) must hold. A term with
// no requirements, or with one that cannot be parsed (Gt/Lt without one integer, a field In/NotIn
// without exactly one value), matches nothing.
import type { Node, NodeSelectorRequirement, NodeSelectorTerm } from 'kubernetes-types/core/v1.js';

const INT_RE = /^[+-]?\d+$/;

function labelRequirementHolds(r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.hasOwn(labels, r.key);
  const value = labels[r.key];
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In': return has && values.includes(value!);
    case 'NotIn': return !has || !values.includes(value!);
    case 'Exists': return has;
    case 'DoesNotExist': return !has;
    case 'Gt':
    case 'Lt': {
      if (values.length !== 1 || !INT_RE.test(values[0]!) || !has || !INT_RE.test(value!)) return false;
      const [l, v] = [BigInt(value!), BigInt(values[0]!)];
      return r.operator === 'Gt' ? l > v : l < v;
    }
    default: return false;
  }
}

function fieldRequirementHolds(r: NodeSelectorRequirement, node: Node): boolean {
  if (r.key !== 'metadata.name' || (r.values ?? []).length !== 1) return false;
  const same = node.metadata?.name === r.values![0];
  if (r.operator === 'In') return same;
  if (r.operator === 'NotIn') return !same;
  return false;
}

export function termMatches(term: NodeSelectorTerm, node: Node): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (!exprs.length && !fields.length) return false;
  const labels = node.metadata?.labels ?? {};
  return exprs.every((r) => labelRequirementHolds(r, labels)) && fields.every((r) => fieldRequirementHolds(r, node));
}

export const anyTermMatches = (terms: readonly NodeSelectorTerm[], node: Node) => terms.some((t) => termMatches(t, node));

/**
 * The node names the required terms allow when every term names its nodes with
 * `metadata.name In` (DaemonSet pods do), else undefined: NodeAffinity's PreFilter, which lets the
 * scheduler look at those nodes only.
 */
export function nodeNamesOfTerms(terms: readonly NodeSelectorTerm[] | undefined): Set<string> | undefined {
  if (!terms?.length) return undefined;
  const names = new Set<string>();
  for (const t of terms) {
    let termNames: Set<string> | undefined;
    for (const f of t.matchFields ?? []) {
      if (f.key !== 'metadata.name' || f.operator !== 'In') continue;
      const s = new Set(f.values ?? []);
      termNames = termNames ? new Set([...termNames].filter((n) => s.has(n))) : s;
    }
    if (!termNames) return undefined; // this term allows any node name; terms are ORed
    for (const n of termNames) names.add(n);
  }
  return names;
}
