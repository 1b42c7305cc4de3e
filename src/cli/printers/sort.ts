// kubectl get --sort-by (k8s.io/kubectl/pkg/cmd/get/sorter.go): rows ordered by the first value a
// JSONPath finds in each object (relaxed syntax: `.metadata.name`, `{.metadata.name}`); numbers
// numerically, strings byte-wise (kubectl 1.33 prints p1, p10, p100, p11); objects missing the
// field sort first; equal keys keep their order.
import { evaluate, parseTemplate, relaxedPath } from './jsonpath.js';

function less(x: unknown, y: unknown): boolean {
  if (x === undefined) return y !== undefined;
  if (y === undefined) return false;
  if (typeof x === 'number' && typeof y === 'number') return x < y;
  const a = typeof x === 'string' ? x : JSON.stringify(x);
  const b = typeof y === 'string' ? y : JSON.stringify(y);
  return a < b;
}

/** The permutation that sorts objects by the path (stable). */
export function sortOrder(objects: unknown[], sortBy: string): number[] {
  const node = parseTemplate(relaxedPath(sortBy)).find((n) => n.t === 'path');
  const steps = node && node.t === 'path' ? node.steps : [];
  const keys = objects.map((o) => evaluate(steps, o)[0]);
  return objects.map((_, i) => i).sort((a, b) => (less(keys[a], keys[b]) ? -1 : less(keys[b], keys[a]) ? 1 : a - b));
}
