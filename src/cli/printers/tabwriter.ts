// Text columns as kubectl lays them out: github.com/liggitt/tabwriter (Go's text/tabwriter plus
// RememberWidths) with minwidth 6, padding 3 and ' ' as the pad character (k8s.io/cli-runtime
// printers/tabwriter.go; the tab width only matters for '\t' padding). Every cell but the last of a
// line is padded to its column's widest cell plus 3, and to at least 6 (a column of short cells
// without a header, `get rc --no-headers`); the last cell is written as is; widths count runes. A
// writer kept across flushes (get --watch) remembers its column widths, so later rows line up with
// earlier ones and a column only ever grows.

const PADDING = 3;
const MIN_WIDTH = 6;
const width = (s: string) => [...s].length;

export class TabWriter {
  private readonly widths: number[] = [];

  /** Lays out rows of cells (one flush); each row becomes one line ending in a newline. */
  format(rows: string[][]): string {
    // A column's width comes from the lines that have a cell after it (the cell is tab-terminated).
    for (const r of rows) for (let i = 0; i < r.length - 1; i++) this.widths[i] = Math.max(this.widths[i] ?? 0, width(r[i]!));
    return rows.map((r) => r.map((c, i) => (i < r.length - 1 ? c + ' '.repeat(Math.max(MIN_WIDTH, this.widths[i]! + PADDING) - width(c)) : c)).join('') + '\n').join('');
  }
}

export function tabulate(rows: string[][]): string {
  return new TabWriter().format(rows);
}
