// CronJob schedules as robfig/cron v3's ParseStandard reads them (parser.go), with its exact error texts:
// five fields (minute hour day-of-month month day-of-week), names for months and weekdays, `*`/`?`,
// ranges, steps, lists, the @yearly..@hourly descriptors, `@every <duration>` and a TZ=/CRON_TZ= prefix.
import { parseGoDuration } from './go-duration.js';
import { nextMatch } from './next-time.js';
import { loadLocationError } from './time-zone.js';

interface Bounds { min: number; max: number; names?: Record<string, number> }
const MONTHS: Bounds = { min: 1, max: 12, names: { jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12 } };
const DOW: Bounds = { min: 0, max: 6, names: { sun: 0, mon: 1, tue: 2, wed: 3, thu: 4, fri: 5, sat: 6 } };
const MINUTES: Bounds = { min: 0, max: 59 };
const HOURS: Bounds = { min: 0, max: 23 };
const DOM: Bounds = { min: 1, max: 31 };

/** One field's allowed values; `star` marks `*` or `?` (robfig's starBit), which changes day matching. */
export interface FieldSet { values: Set<number>; star: boolean }

/** A parsed five-field schedule (robfig's SpecSchedule with Second fixed at 0). */
export interface SpecFields { minute: FieldSet; hour: FieldSet; dom: FieldSet; month: FieldSet; dow: FieldSet }

export interface Schedule {
  /** The zone from a TZ=/CRON_TZ= prefix, which then overrides the zone passed to next(). */
  location?: string;
  /** The first activation strictly after `after`, in zone `tz` (an IANA name); undefined when none within 5 years. */
  next(after: Date, tz?: string): Date | undefined;
}

export class ScheduleError extends Error {}

/** Parses a schedule, throwing ScheduleError with robfig's message. */
export function parseSchedule(spec: string): Schedule {
  if (spec.length === 0) throw new ScheduleError('empty spec string');
  let location: string | undefined;
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const space = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    const name = spec.slice(eq + 1, space < 0 ? spec.length : space);
    const err = loadLocationError(name);
    if (err) throw new ScheduleError(`provided bad location ${name}: ${err}`);
    location = name;
    spec = space < 0 ? '' : spec.slice(space).trim();
  }
  if (spec.startsWith('@')) return parseDescriptor(spec, location);
  const fields = spec.split(/\s+/).filter((f) => f !== '');
  if (fields.length !== 5) throw new ScheduleError(`expected exactly 5 fields, found ${fields.length}: [${fields.join(' ')}]`);
  const spec5: SpecFields = {
    minute: getField(fields[0], MINUTES),
    hour: getField(fields[1], HOURS),
    dom: getField(fields[2], DOM),
    month: getField(fields[3], MONTHS),
    dow: getField(fields[4], DOW),
  };
  return specSchedule(spec5, location);
}

function specSchedule(fields: SpecFields, location: string | undefined): Schedule {
  return { location, next: (after, tz) => nextMatch(fields, after, location ?? tz ?? 'UTC') };
}

const all = (b: Bounds): FieldSet => ({ values: range(b.min, b.max, 1), star: true });
const only = (v: number): FieldSet => ({ values: new Set([v]), star: false });

function parseDescriptor(d: string, location: string | undefined): Schedule {
  const at = (minute: FieldSet, hour: FieldSet, dom: FieldSet, month: FieldSet, dow: FieldSet) => specSchedule({ minute, hour, dom, month, dow }, location);
  switch (d) {
    case '@yearly':
    case '@annually':
      return at(only(0), only(0), only(1), only(1), all(DOW));
    case '@monthly':
      return at(only(0), only(0), only(1), all(MONTHS), all(DOW));
    case '@weekly':
      return at(only(0), only(0), all(DOM), all(MONTHS), only(0));
    case '@daily':
    case '@midnight':
      return at(only(0), only(0), all(DOM), all(MONTHS), all(DOW));
    case '@hourly':
      return at(only(0), all(HOURS), all(DOM), all(MONTHS), all(DOW));
  }
  const every = '@every ';
  if (d.startsWith(every)) {
    const ms = parseGoDuration(d.slice(every.length));
    if (typeof ms === 'string') throw new ScheduleError(`failed to parse duration ${d}: ${ms}`);
    // robfig's Every: at least a second, whole seconds; Next rounds the start down to its second.
    const delay = Math.max(1000, ms - (ms % 1000));
    return { location, next: (after) => new Date(Math.floor(after.getTime() / 1000) * 1000 + delay) };
  }
  throw new ScheduleError(`unrecognized descriptor: ${d}`);
}

function getField(field: string, b: Bounds): FieldSet {
  const out: FieldSet = { values: new Set(), star: false };
  for (const expr of field.split(',').filter((e) => e !== '')) {
    const r = getRange(expr, b);
    for (const v of r.values) out.values.add(v);
    out.star ||= r.star;
  }
  return out;
}

function getRange(expr: string, b: Bounds): FieldSet {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: number;
  let end: number;
  let star = false;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = b.min;
    end = b.max;
    star = true;
  } else {
    start = parseIntOrName(lowAndHigh[0], b.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], b.names);
    else throw new ScheduleError(`too many hyphens: ${expr}`);
  }
  let step: number;
  if (rangeAndStep.length === 1) step = 1;
  else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = b.max; // "N/step" means "N-max/step"
    if (step > 1) star = false;
  } else throw new ScheduleError(`too many slashes: ${expr}`);
  if (start < b.min) throw new ScheduleError(`beginning of range (${start}) below minimum (${b.min}): ${expr}`);
  if (end > b.max) throw new ScheduleError(`end of range (${end}) above maximum (${b.max}): ${expr}`);
  if (start > end) throw new ScheduleError(`beginning of range (${start}) beyond end of range (${end}): ${expr}`);
  if (step === 0) throw new ScheduleError(`step of range should be a positive number: ${expr}`);
  return { values: range(start, end, step), star };
}

function range(start: number, end: number, step: number): Set<number> {
  const s = new Set<number>();
  for (let v = start; v <= end; v += step) s.add(v);
  return s;
}

function parseIntOrName(expr: string, names?: Record<string, number>): number {
  const named = names?.[expr.toLowerCase()];
  return named ?? mustParseInt(expr);
}

/** strconv.Atoi, then robfig's non-negative check. */
function mustParseInt(expr: string): number {
  if (!/^[+-]?\d+$/.test(expr)) throw new ScheduleError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: invalid syntax`);
  const big = BigInt(expr);
  if (big > 9223372036854775807n || big < -9223372036854775808n) {
    throw new ScheduleError(`failed to parse int from ${expr}: strconv.Atoi: parsing ${JSON.stringify(expr)}: value out of range`);
  }
  if (big < 0n) throw new ScheduleError(`negative number (${big}) not allowed: ${expr}`);
  return Number(big);
}

/** The parse error text, or undefined for a valid schedule (validation's use). */
export function scheduleError(spec: string): string | undefined {
  try {
    parseSchedule(spec);
    return undefined;
  } catch (e) {
    if (e instanceof ScheduleError) return e.message;
    throw e;
  }
}
