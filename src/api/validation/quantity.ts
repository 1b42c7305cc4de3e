// Resource quantities as numbers, for comparisons only (apimachinery pkg/api/resource/quantity.go
// defines the syntax; the schema layer has already rejected malformed strings).

const SUFFIXES: Record<string, number> = {
  '': 1, n: 1e-9, u: 1e-6, m: 1e-3, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, E: 1e18,
  Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50, Ei: 2 ** 60,
};

const QUANTITY_RE = /^([+-]?(?:\d+\.?\d*|\.\d+))(?:([eE][+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|n|u|m|k|M|G|T|P|E)?)$/;

/** The quantity's value, or undefined when it does not parse. */
export function quantityValue(q: string | number | undefined): number | undefined {
  if (typeof q === 'number') return q;
  if (q === undefined) return undefined;
  const m = QUANTITY_RE.exec(q.trim());
  if (!m) return undefined;
  const base = Number(m[1]);
  if (m[2]) return base * 10 ** Number(m[2].slice(1));
  return base * SUFFIXES[m[3] ?? '']!;
}

/** -1, 0 or 1 as Quantity.Cmp; unparsable quantities compare equal. */
export function compareQuantities(a: string | number, b: string | number): number {
  const x = quantityValue(a);
  const y = quantityValue(b);
  if (x === undefined || y === undefined || x === y) return 0;
  return x < y ? -1 : 1;
}
