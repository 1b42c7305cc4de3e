// Reads a container instance's CRI log back as `kubectl logs` shows it (kubelet's
// kuberuntime/logs/logs.go ReadLogs): content only, or `<timestamp> <content>` with timestamps;
// tailLines counts lines across the rotated `.1` file and the current one; sinceSeconds/sinceTime
// drop older entries; limitBytes cuts the output; follow keeps reading appended entries (and across
// a rotation) until `done` resolves and the file is drained, or the reader is destroyed.
import { closeSync, existsSync, fstatSync, openSync, readFileSync, readSync, statSync, watch } from 'node:fs';
import { dirname } from 'node:path';
import { Readable } from 'node:stream';
import { realClock, type Clock } from '../../util/clock.js';
import { parseEntry, type LogEntry } from './cri-format.js';

export interface ReadLogsOptions {
  follow?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339. */
  sinceTime?: string;
  timestamps?: boolean;
  limitBytes?: number;
  /** Follow ends once this resolves (the instance has exited and its output is written). */
  done?: Promise<unknown>;
  clock?: Clock;
}

const FOLLOW_POLL_MS = 250; // a safety net beside inotify, and the bound on noticing `done`

export function readLogs(path: string, opts: ReadLogsOptions = {}): Readable {
  return Readable.from(logChunks(path, opts), { objectMode: false });
}

async function* logChunks(path: string, opts: ReadLogsOptions): AsyncGenerator<Buffer> {
  const since = sinceMs(opts);
  let budget = opts.limitBytes ?? Infinity;
  let partial = '';
  // Turns complete entries into output; a partial (P) entry waits for the entry that completes it.
  const render = (entries: LogEntry[]): Buffer[] => {
    const out: Buffer[] = [];
    for (const e of entries) {
      if (e.ms < since) continue;
      if (e.partial) { partial += e.content; continue; }
      const line = `${opts.timestamps ? `${e.time} ` : ''}${partial}${e.content}\n`;
      partial = '';
      let b = Buffer.from(line);
      if (b.length > budget) b = b.subarray(0, budget);
      budget -= b.length;
      out.push(b);
      if (budget <= 0) break;
    }
    return out;
  };

  let fd = existsSync(path) ? openSync(path, 'r') : -1;
  let offset = 0;
  // Reads the complete lines after offset; an unterminated last line is read again next time.
  const readLines = (): LogEntry[] => {
    const text = readFrom(fd, offset);
    const complete = text.slice(0, text.lastIndexOf('\n') + 1);
    offset += Buffer.byteLength(complete);
    return entriesOf(complete);
  };
  const initial: LogEntry[] = [];
  if (existsSync(`${path}.1`)) initial.push(...entriesOf(readFileSync(`${path}.1`, 'utf8')));
  if (fd >= 0) initial.push(...readLines());
  const tail = opts.tailLines !== undefined ? tailEntries(initial, opts.tailLines) : initial;
  for (const b of render(tail)) yield b;
  if (!opts.follow || budget <= 0) { if (fd >= 0) closeSync(fd); return; }

  let finished = false;
  opts.done?.then(() => { finished = true; }, () => { finished = true; });
  try {
    for (;;) {
      const ending = finished; // read once more after done, then stop
      if (fd < 0 && existsSync(path)) { fd = openSync(path, 'r'); offset = 0; }
      if (fd >= 0) {
        for (const b of render(readLines())) yield b;
        if (budget <= 0) return;
        if (rotated(path, fd)) { // the writer renamed it to .1 and started afresh: drain the old fd first
          for (const b of render(readLines())) yield b;
          closeSync(fd); fd = -1;
          continue;
        }
      }
      if (ending) return;
      await changed(path, opts.done);
    }
  } finally {
    if (fd >= 0) closeSync(fd);
  }
}

function readFrom(fd: number, offset: number): string {
  const size = fstatSync(fd).size;
  if (size <= offset) return '';
  const buf = Buffer.allocUnsafe(size - offset);
  let got = 0;
  while (got < buf.length) {
    const n = readSync(fd, buf, got, buf.length - got, offset + got);
    if (n <= 0) break;
    got += n;
  }
  return buf.subarray(0, got).toString('utf8');
}

function entriesOf(text: string): LogEntry[] {
  const out: LogEntry[] = [];
  for (const line of text.split('\n')) {
    if (!line) continue;
    const e = parseEntry(line);
    if (e) out.push(e);
  }
  return out;
}

/** The last n lines, counting a run of partial entries and the full one ending it as one line. */
function tailEntries(entries: LogEntry[], n: number): LogEntry[] {
  if (n <= 0) return [];
  let lines = 0;
  for (let i = entries.length - 1; i >= 0; i--) {
    if (!entries[i].partial && ++lines > n) return entries.slice(i + 1);
  }
  return entries;
}

function sinceMs(opts: ReadLogsOptions): number {
  if (opts.sinceTime) return Date.parse(opts.sinceTime);
  if (opts.sinceSeconds !== undefined) return (opts.clock ?? realClock).now() - opts.sinceSeconds * 1000;
  return -Infinity;
}

function rotated(path: string, fd: number): boolean {
  try { return statSync(path).ino !== fstatSync(fd).ino; } catch { return false; }
}

/** Resolves when the file (or its directory, before it exists) changes, when done settles, or after a poll period. */
function changed(path: string, done?: Promise<unknown>): Promise<void> {
  return new Promise((resolve) => {
    let w: ReturnType<typeof watch> | undefined;
    const finish = () => { clearTimeout(t); w?.close(); resolve(); };
    const t = setTimeout(finish, FOLLOW_POLL_MS);
    try { w = watch(existsSync(path) ? path : dirname(path), finish); w.on('error', finish); } catch { /* poll only */ }
    done?.then(finish, finish);
  });
}
