// Times as kubectl prints them in describe: Go's time.RFC1123Z in the local zone (metav1.Time is
// decoded into local time), and ages through apimachinery's HumanDuration.
import { humanDuration } from '../../api/kinds/shared/duration.js';

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** "Tue, 24 Nov 2026 10:23:26 +0000" in the process's time zone (TZ), as Go formats RFC1123Z. */
export function rfc1123z(timestamp: string | Date): string {
  const d = typeof timestamp === 'string' ? new Date(timestamp) : timestamp;
  const off = -d.getTimezoneOffset();
  const sign = off < 0 ? '-' : '+';
  const zone = `${sign}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`;
  return `${DAYS[d.getDay()]}, ${pad(d.getDate())} ${MONTHS[d.getMonth()]} ${d.getFullYear()} ${pad(d.getHours())}:${pad(d.getMinutes())}:${pad(d.getSeconds())} ${zone}`;
}

/** translateTimestampSince: `<unknown>` for a missing time. */
export function since(timestamp: string | null | undefined, now: number): string {
  if (!timestamp) return '<unknown>';
  return humanDuration(now - Date.parse(timestamp));
}

/** Go's time.Duration of a span between two timestamps, as HumanDuration prints it. */
export function between(from: string, to: string): string {
  return humanDuration(Date.parse(to) - Date.parse(from));
}
