// Writes one container instance's output as CRI log lines, with a size cap: when the file would pass
// maxBytes it is renamed to `<path>.1` (replacing an older one) and a new file begins, so an instance
// keeps at most about 2 × maxBytes, as kubelet's container log manager rotates (containerLogMaxSize).
// Lines longer than MAX_LINE are split into partial (P) entries, as containerd does (16 KiB buffers).
import { closeSync, fstatSync, mkdirSync, openSync, renameSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import type { Clock } from '../../util/clock.js';
import { formatEntry, rfc3339Nano, type LogStream } from './cri-format.js';

export const DEFAULT_MAX_LOG_BYTES = 10 * 1024 * 1024; // kubelet's default containerLogMaxSize
const MAX_LINE = 16 * 1024;

export class LogWriter {
  private fd: number;
  private size: number;
  private pending: Record<LogStream, string> = { stdout: '', stderr: '' };
  // Chunks may split a UTF-8 character; each stream decodes across its own chunks.
  private decoders: Record<LogStream, StringDecoder> = { stdout: new StringDecoder('utf8'), stderr: new StringDecoder('utf8') };
  private lastMs = 0;
  private seq = 0;

  constructor(readonly path: string, private clock: Clock, private maxBytes = DEFAULT_MAX_LOG_BYTES) {
    mkdirSync(dirname(path), { recursive: true });
    this.fd = openSync(path, 'a');
    this.size = fstatSync(this.fd).size;
  }

  /** Appends output; complete lines are written at once, a trailing partial line waits for its end. */
  write(stream: LogStream, chunk: Buffer | string): void {
    const text = this.pending[stream] + (typeof chunk === 'string' ? chunk : this.decoders[stream].write(chunk));
    const lines = text.split('\n');
    this.pending[stream] = lines.pop() ?? '';
    for (let line of lines) {
      for (; line.length > MAX_LINE; line = line.slice(MAX_LINE)) this.line(stream, line.slice(0, MAX_LINE), true);
      this.line(stream, line, false);
    }
    while (this.pending[stream].length > MAX_LINE) {
      this.line(stream, this.pending[stream].slice(0, MAX_LINE), true);
      this.pending[stream] = this.pending[stream].slice(MAX_LINE);
    }
  }

  /**
   * Writes what is left of unterminated lines and closes the file: as whole lines when the instance
   * ended, as partial (P) entries when it runs on (the agent stops; the next one writes the rest).
   */
  close(opts: { midLine?: boolean } = {}): void {
    for (const stream of ['stdout', 'stderr'] as const) {
      this.pending[stream] += this.decoders[stream].end();
      if (this.pending[stream]) this.line(stream, this.pending[stream], opts.midLine === true);
      this.pending[stream] = '';
    }
    if (this.fd >= 0) closeSync(this.fd);
    this.fd = -1;
  }

  private line(stream: LogStream, content: string, partial: boolean): void {
    if (this.fd < 0) return;
    const entry = Buffer.from(formatEntry(this.timestamp(), stream, partial, content));
    if (this.size > 0 && this.size + entry.length > this.maxBytes) this.rotate();
    writeSync(this.fd, entry);
    this.size += entry.length;
  }

  /** Strictly increasing timestamps (nanosecond steps within one millisecond), so entries keep their order. */
  private timestamp(): string {
    const ms = this.clock.now();
    if (ms > this.lastMs) { this.lastMs = ms; this.seq = 0; } else this.seq++;
    return rfc3339Nano(this.lastMs, Math.min(this.seq, 999_999));
  }

  private rotate(): void {
    closeSync(this.fd);
    renameSync(this.path, `${this.path}.1`);
    this.fd = openSync(this.path, 'a');
    this.size = 0;
  }
}
