// The next activation of a five-field schedule in an IANA zone, as robfig/cron's SpecSchedule.Next (spec.go):
// the earliest instant after `after` whose wall clock in the zone matches every field. Wall-clock times that
// a DST jump skips never match; ones it repeats match at each occurrence, as Next's hour-by-hour walk does.
import type { FieldSet, SpecFields } from './schedule.js';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const MAX_DST_SHIFT = 3 * HOUR; // wider than any zone's transition, so a repeated hour is never missed
const YEARS_AHEAD = 5; // robfig gives up (zero time) five years out

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(tz: string): Intl.DateTimeFormat {
  let f = formatters.get(tz);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone: tz, hourCycle: 'h23', year: 'numeric', month: 'numeric', day: 'numeric', hour: 'numeric', minute: 'numeric', second: 'numeric' });
    formatters.set(tz, f);
  }
  return f;
}

/** The zone's wall clock at an instant, as a "naive" UTC millisecond count (whole seconds). */
export function wallClock(ms: number, tz: string): number {
  const p: Record<string, number> = {};
  for (const part of formatter(tz).formatToParts(new Date(ms))) if (part.type !== 'literal') p[part.type] = Number(part.value);
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
}

const offsetAt = (ms: number, tz: string) => wallClock(ms, tz) - (ms - (((ms % 1000) + 1000) % 1000));

/** Every instant showing the naive wall time `wall` in the zone: none in a DST gap, two in a repeated hour. */
export function instantsOf(wall: number, tz: string): number[] {
  const offsets = new Set([offsetAt(wall - DAY, tz), offsetAt(wall, tz), offsetAt(wall + DAY, tz)]);
  const out = [...offsets].map((o) => wall - o).filter((i) => wallClock(i, tz) === wall);
  return [...new Set(out)].sort((a, b) => a - b);
}

const has = (f: FieldSet, v: number) => f.values.has(v);

function dayMatches(s: SpecFields, d: Date): boolean {
  const dom = has(s.dom, d.getUTCDate());
  const dow = has(s.dow, d.getUTCDay());
  return s.dom.star || s.dow.star ? dom && dow : dom || dow;
}

/** The first naive wall time at or after `from` (rounded up to a minute) that the fields match. */
export function nextWallMatch(s: SpecFields, from: number): number | undefined {
  const t = new Date(Math.ceil(from / MINUTE) * MINUTE);
  const yearLimit = t.getUTCFullYear() + YEARS_AHEAD;
  for (;;) {
    if (t.getUTCFullYear() > yearLimit) return undefined;
    if (!has(s.month, t.getUTCMonth() + 1)) {
      t.setUTCMonth(t.getUTCMonth() + 1, 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!dayMatches(s, t)) {
      t.setUTCDate(t.getUTCDate() + 1);
      t.setUTCHours(0, 0, 0, 0);
      continue;
    }
    if (!has(s.hour, t.getUTCHours())) {
      t.setUTCHours(t.getUTCHours() + 1, 0, 0, 0);
      continue;
    }
    if (!has(s.minute, t.getUTCMinutes())) {
      t.setUTCMinutes(t.getUTCMinutes() + 1, 0, 0);
      continue;
    }
    return t.getTime();
  }
}

export function nextMatch(s: SpecFields, after: Date, tz: string): Date | undefined {
  // Like Next: start at the second after `after`.
  const lo = Math.floor(after.getTime() / 1000) * 1000 + 1000;
  const nearShift = (ms: number) => offsetAt(ms - MAX_DST_SHIFT, tz) !== offsetAt(ms + MAX_DST_SHIFT, tz);
  let wall = wallClock(lo, tz) - (nearShift(lo) ? MAX_DST_SHIFT : 0);
  let best: number | undefined;
  let stopAt = Infinity;
  for (;;) {
    const c = nextWallMatch(s, wall);
    if (c === undefined || c > stopAt) break;
    const hit = instantsOf(c, tz).find((i) => i >= lo);
    if (hit !== undefined && (best === undefined || hit < best)) {
      best = hit;
      // Near a transition a later wall time can be an earlier instant; look a little further.
      stopAt = nearShift(hit) ? c + 2 * MAX_DST_SHIFT : c;
    }
    if (best !== undefined && c >= stopAt) break;
    wall = c + MINUTE;
  }
  return best === undefined ? undefined : new Date(best);
}
