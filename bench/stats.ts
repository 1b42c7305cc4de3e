// Small statistics and formatting helpers for the benchmarks.

/** The q-quantile (0..1) by nearest rank, of values that need not be sorted. */
export function quantile(values: ArrayLike<number>, q: number): number {
  if (values.length === 0) return NaN;
  const sorted = Float64Array.from(values).sort();
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
  return sorted[rank]!;
}

export const median = (values: ArrayLike<number>): number => quantile(values, 0.5);

/** Rounds to a sensible number of digits for printing and for the JSON line. */
export function round(v: number, digits = 2): number {
  if (!Number.isFinite(v)) return v;
  const f = 10 ** digits;
  return Math.round(v * f) / f;
}

export function pct(part: number, whole: number): string {
  if (!Number.isFinite(part) || !Number.isFinite(whole) || whole === 0) return '—';
  return `${round((part / whole) * 100, 1)}%`;
}

export interface Row {
  name: string;
  value: string;
  baseline?: string;
  target?: string;
}

/** Prints rows as an aligned text table: figure, value, share of its baseline, target. */
export function printTable(title: string, rows: Row[]): void {
  const head: Row = { name: 'figure', value: 'value', baseline: 'vs baseline', target: 'target / note' };
  const all = [head, ...rows];
  const w = (f: (r: Row) => string | undefined) => Math.max(...all.map((r) => (f(r) ?? '').length));
  const widths = [w((r) => r.name), w((r) => r.value), w((r) => r.baseline), w((r) => r.target)];
  const line = (r: Row) => [r.name.padEnd(widths[0]!), r.value.padStart(widths[1]!), (r.baseline ?? '').padStart(widths[2]!), r.target ?? ''].join('  ');
  process.stdout.write(`\n${title}\n${line(head)}\n${'-'.repeat(widths.reduce((a, b) => a + b + 2, 0))}\n`);
  for (const r of rows) process.stdout.write(`${line(r)}\n`);
}

/** A target verdict such as "≥ 3000/s ok" or "< 20 ms MISSED". */
export function verdict(ok: boolean, text: string): string {
  return `${text} ${ok ? 'ok' : 'MISSED'}`;
}
