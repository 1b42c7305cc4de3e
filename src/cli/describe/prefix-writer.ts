// kubectl's PrefixWriter (describe.go): each write is indented two spaces per level and escaped for
// the terminal (cli-runtime printers.WriteEscaped: ESC shown as ^[, CR as \r), then goes through one
// tab writer for the whole description (tabbedString).
import { TabWriter } from './tabwriter.js';

export const LEVEL_0 = 0;
export const LEVEL_1 = 1;
export const LEVEL_2 = 2;
export const LEVEL_3 = 3;

const escapeTerminal = (s: string) => s.replace(/\x1b/g, '^[').replace(/\r/g, '\\r');

export class PrefixWriter {
  private readonly tw = new TabWriter();

  write(level: number, text: string): void { this.tw.write(escapeTerminal('  '.repeat(level) + text)); }

  /** A whole line with no indentation (Go's fmt.Sprintln of one value). */
  writeLine(text: string): void { this.tw.write(escapeTerminal(`${text}\n`)); }

  /** Ends the current column blocks (DescribeEvents flushes before its table). */
  flush(): void { this.tw.flush(); }

  text(): string { return this.tw.finish(); }
}

/** describe.go tabbedString: runs fn against a fresh writer and returns the aligned text. */
export function tabbed(fn: (w: PrefixWriter) => void): string {
  const w = new PrefixWriter();
  fn(w);
  return w.text();
}
