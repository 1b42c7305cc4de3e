// Carries a container's output from the files its supervisor redirects stdout and stderr to (raw
// bytes, written by the container itself, so nothing is lost or blocked while the agent is down)
// into its CRI log. The consumed offset is kept in `<file>.pos` so a restarted agent carries on where
// the previous one stopped. A drained raw file past RAW_TRUNCATE_BYTES is truncated (the container
// appends with O_APPEND, so it keeps writing at the new end); a write landing between the last read
// and the truncate would be lost, a window of microseconds on files that chatty.
import { closeSync, existsSync, fstatSync, ftruncateSync, openSync, readFileSync, readSync, rmSync, watch, writeFileSync, type FSWatcher } from 'node:fs';
import type { LogStream } from './cri-format.js';
import type { LogWriter } from './log-writer.js';

const RAW_TRUNCATE_BYTES = 1024 * 1024;
const POLL_MS = 1000; // a safety net: inotify normally reports each write at once
const CHUNK = 64 * 1024;

interface Source { stream: LogStream; path: string; fd: number; offset: number; watcher?: FSWatcher }

export class OutputCapture {
  private sources: Source[];
  private timer?: NodeJS.Timeout;
  private closed = false;

  constructor(files: Record<LogStream, string>, private writer: LogWriter, private onData?: (stream: LogStream, chunk: Buffer) => void) {
    this.sources = (['stdout', 'stderr'] as const).map((stream) => {
      const path = files[stream];
      const fd = openSync(path, existsSync(path) ? 'r+' : 'w+');
      return { stream, path, fd, offset: readOffset(path) };
    });
  }

  start(): void {
    for (const s of this.sources) {
      try { s.watcher = watch(s.path, () => this.drain()); } catch { /* polling still covers it */ }
      s.watcher?.on('error', () => {});
    }
    this.timer = setInterval(() => this.drain(), POLL_MS);
    this.timer.unref();
    this.drain();
  }

  drain(): void {
    if (this.closed) return;
    for (const s of this.sources) this.drainSource(s);
  }

  /** The container is done: take the rest, close the log, delete the raw files. */
  finish(): void {
    this.stop({ removeRaw: true });
  }

  /**
   * Stops following without touching the raw files (the agent is shutting down; the container runs
   * on and a later agent carries on from the saved offsets). Nothing is left watching or open.
   */
  stop(opts: { removeRaw?: boolean } = {}): void {
    if (this.closed) return;
    this.drain();
    this.closed = true;
    if (this.timer) clearInterval(this.timer);
    for (const s of this.sources) {
      s.watcher?.close();
      closeSync(s.fd);
      if (opts.removeRaw) {
        rmSync(s.path, { force: true });
        rmSync(`${s.path}.pos`, { force: true });
      }
    }
    this.writer.close({ midLine: !opts.removeRaw });
  }

  private drainSource(s: Source): void {
    const size = fstatSync(s.fd).size;
    if (size < s.offset) s.offset = 0; // truncated after our offset was saved
    if (size === s.offset) return;
    const buf = Buffer.allocUnsafe(CHUNK);
    for (;;) {
      const n = readSync(s.fd, buf, 0, CHUNK, s.offset);
      if (n <= 0) break;
      const chunk = Buffer.from(buf.subarray(0, n));
      this.writer.write(s.stream, chunk);
      this.onData?.(s.stream, chunk);
      s.offset += n;
    }
    if (s.offset >= RAW_TRUNCATE_BYTES && fstatSync(s.fd).size === s.offset) {
      ftruncateSync(s.fd, 0);
      s.offset = 0;
    }
    writeFileSync(`${s.path}.pos`, String(s.offset));
  }
}

function readOffset(path: string): number {
  try {
    const n = Number(readFileSync(`${path}.pos`, 'utf8'));
    return Number.isFinite(n) && n >= 0 ? n : 0;
  } catch {
    return 0;
  }
}
