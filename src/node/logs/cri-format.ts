// The CRI container log format kubelet reads (pkg/kubelet/kuberuntime/logs/logs.go parseCRILog):
// `<RFC3339Nano timestamp> <stdout|stderr> <P|F> <content>\n`, where P marks a partial line that the
// next entry continues and F a full one. Timestamps are written with nine fractional digits, as the
// kubelet prints them with --timestamps (timeFormatOut), so they sort and print as written.

export type LogStream = 'stdout' | 'stderr';

export interface LogEntry {
  /** The timestamp exactly as written. */
  time: string;
  /** Milliseconds since the epoch (for sinceSeconds / sinceTime). */
  ms: number;
  stream: LogStream;
  partial: boolean;
  content: string;
}

/** `2024-05-01T10:00:00.123456789Z` from milliseconds plus extra nanoseconds (0–999999). */
export function rfc3339Nano(ms: number, extraNs = 0): string {
  const iso = new Date(ms).toISOString(); // 2024-05-01T10:00:00.123Z
  return `${iso.slice(0, 23)}${String(extraNs).padStart(6, '0')}Z`;
}

export function formatEntry(time: string, stream: LogStream, partial: boolean, content: string): string {
  return `${time} ${stream} ${partial ? 'P' : 'F'} ${content}\n`;
}

/** Parses one line (without its newline); undefined for a malformed one, which readers skip as kubelet does. */
export function parseEntry(line: string): LogEntry | undefined {
  const a = line.indexOf(' ');
  const b = line.indexOf(' ', a + 1);
  if (a <= 0 || b < 0) return undefined;
  const stream = line.slice(a + 1, b);
  if (stream !== 'stdout' && stream !== 'stderr') return undefined;
  const tag = line.slice(b + 1, b + 2);
  if (tag !== 'P' && tag !== 'F') return undefined;
  const time = line.slice(0, a);
  const ms = Date.parse(time.replace(/(\.\d{3})\d+/, '$1'));
  if (Number.isNaN(ms)) return undefined;
  return { time, ms, stream, partial: tag === 'P', content: line.slice(b + 3) };
}
