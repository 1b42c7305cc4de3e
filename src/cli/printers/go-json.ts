// JSON exactly as kubectl's JSONPrinter writes an unstructured object: Go's json.MarshalIndent with
// four spaces, map keys in byte order, and <, >, & escaped as Go's encoder does (HTML-safe).

function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort(byteOrder)) out[k] = sortKeys((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}

export function byteOrder(a: string, b: string): number {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return Buffer.compare(ab, bb);
}

const GO_ESCAPES: Record<string, string> = { '<': '\\u003c', '>': '\\u003e', '&': '\\u0026', '\u2028': '\\u2028', '\u2029': '\\u2029' };

/** Go's json.MarshalIndent(v, "", "    ") plus kubectl's newline. */
export function toGoJson(value: unknown, indent = '    ', sorted = true): string {
  return JSON.stringify(sorted ? sortKeys(value) : value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => GO_ESCAPES[c]!) + '\n';
}
