// Text columns as kubectl lays them out: Go's text/tabwriter with minwidth 0, tabwidth 8, padding 3
// and no flags (k8s.io/cli-runtime printers/tabwriter.go). Every cell but the last of a line is
// padded to its column's widest cell plus 3; the last cell is written as is. Widths count runes.

const PADDING = 3;
const width = (s: string) => [...s].length;

/** Lays out rows of cells; each row becomes one line ending in a newline. */
export function tabulate(rows: string[][]): string {
  const widths: number[] = [];
  // A column's width comes from the lines that have a cell after it (the cell is tab-terminated).
  for (const r of rows) for (let i = 0; i < r.length - 1; i++) widths[i] = Math.max(widths[i] ?? 0, width(r[i]!));
  return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(widths[i]! + PADDING - width(c)) : c)).join('') + '\n').join('');
}
