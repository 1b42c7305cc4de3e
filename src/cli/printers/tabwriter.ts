// Text columns as kubectl lays them out: github.com/liggitt/tabwriter (Go's text/tabwriter plus
// RememberWidths) with minwidth 0, tabwidth 8, padding 3 (k8s.io/cli-runtime printers/tabwriter.go).
// Every cell but the last of a line is padded to its column's widest cell plus 3; the last cell is
// written as is; widths count runes. A writer kept across flushes (get --watch) remembers its
// column widths, so later rows line up with earlier ones and a column only ever grows.

const PADDING = 3;
const width = (s: string) => [...s].length;

export class TabWriter {
  private readonly widths: number[] = [];

  /** Lays out rows of cells (one flush); each row becomes one line ending in a newline. */
  format(rows: string[][]): string {
    // A column's width comes from the lines that have a cell after it (the cell is tab-terminated).
    for (const r of rows) for (let i = 0; i < r.length - 1; i++) this.widths[i] = Math.max(this.widths[i] ?? 0, width(r[i]!));
    return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(this.widths[i]! + PADDING - width(c)) : c)).join('') + '\n').join('');
  }
}

export function tabulate(rows: string[][]): string {
  return new TabWriter().format(rows);
}
