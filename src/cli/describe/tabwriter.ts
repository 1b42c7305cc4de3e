// Go's text/tabwriter as kubectl's describers configure it (describe.go tabbedString: minwidth 0,
// tabwidth 8, padding 2, pad with spaces, no flags). The behaviour that shapes describe output:
// a cell is text ended by a tab; a column block is a run of consecutive lines that all have a cell
// in that column, each block padded to its widest cell + 2; the text after a line's last tab is no
// cell; and a line with no tab flushes everything before it, so it starts new blocks below it.

interface Cell { text: string; width: number }

const PADDING = 2;

export class TabWriter {
  private out = '';
  private lines: Cell[][] = [[]];
  private cell = '';
  private widths: number[] = [];

  write(text: string): void {
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text[i];
      if (ch !== '\t' && ch !== '\v' && ch !== '\n' && ch !== '\f') continue;
      this.cell += text.slice(start, i);
      start = i + 1;
      const cells = this.terminateCell();
      if (ch === '\n' || ch === '\f') {
        this.lines.push([]);
        // A line of one cell cannot affect the layout of later lines: Go flushes here.
        if (ch === '\f' || cells === 1) this.flush();
      }
    }
    this.cell += text.slice(start);
  }

  /** Formats everything buffered (Go's Flush); later text starts new column blocks. */
  flush(): void {
    if (this.cell.length > 0) this.terminateCell();
    this.format(0, this.lines.length);
    this.lines = [[]];
    this.widths = [];
  }

  /** Flushes and returns all output so far. */
  finish(): string {
    this.flush();
    const s = this.out;
    this.out = '';
    return s;
  }

  private terminateCell(): number {
    const line = this.lines[this.lines.length - 1]!;
    line.push({ text: this.cell, width: [...this.cell].length });
    this.cell = '';
    return line.length;
  }

  private format(line0: number, line1: number): void {
    const column = this.widths.length;
    for (let row = line0; row < line1; row++) {
      if (column >= this.lines[row]!.length - 1) continue;
      // A cell in this column: the block starts here.
      this.writeLines(line0, row);
      line0 = row;
      let width = 0;
      for (; row < line1; row++) {
        const line = this.lines[row]!;
        if (column >= line.length - 1) break;
        width = Math.max(width, line[column]!.width + PADDING);
      }
      this.widths.push(width);
      this.format(line0, row);
      this.widths.pop();
      line0 = row;
    }
    this.writeLines(line0, line1);
  }

  private writeLines(line0: number, line1: number): void {
    for (let i = line0; i < line1; i++) {
      const line = this.lines[i]!;
      line.forEach((c, j) => {
        this.out += c.text;
        if (j < this.widths.length) this.out += ' '.repeat(this.widths[j]! - c.width);
      });
      if (i + 1 < this.lines.length) this.out += '\n';
    }
  }
}
