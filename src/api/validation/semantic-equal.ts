// apiequality.Semantic.DeepEqual over decoded JSON: nil and empty slices and maps are equal
// (apimachinery third_party/forked/golang/reflect/deep_equal.go). Empty objects count as absent too: the
// JSON form cannot tell a nil struct pointer from an empty map, and defaulting fills both sides alike.
export function semanticEqual(a: unknown, b: unknown): boolean {
  if (isEmpty(a) && isEmpty(b)) return true;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => semanticEqual(x, b[i]));
  if (isPlain(a) && isPlain(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    for (const k of keys) if (!semanticEqual(a[k], b[k])) return false;
    return true;
  }
  return a === b;
}

const isPlain = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function isEmpty(v: unknown): boolean {
  if (v === undefined || v === null) return true;
  if (Array.isArray(v)) return v.length === 0;
  return isPlain(v) && Object.values(v).every(isEmpty);
}
