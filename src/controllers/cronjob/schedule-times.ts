// When a CronJob should run, as pkg/controller/cronjob/utils.go (v1.33): formatSchedule,
// mostRecentScheduleTime, nextScheduleTime and nextScheduleTimeDuration. Schedules are parsed by the
// same robfig/cron reading the API server validates with (api/kinds/cron-job/schedule.ts), so a
// schedule that validates runs exactly as validated. Times are milliseconds since the epoch.
import type { CronJob } from 'kubernetes-types/batch/v1.js';
import { parseSchedule, ScheduleError } from '../../api/kinds/cron-job/schedule.js';
import { loadLocationError } from '../../api/kinds/cron-job/time-zone.js';

/** Added to every requeue, as upstream nextScheduleDelta: NTP skew must not wake us just before the minute. */
export const NEXT_SCHEDULE_DELTA_MS = 100;
/** More missed start times than this are reported as TooManyMissedTimes (upstream's "somewhat arbitrary" 100). */
export const MANY_MISSED = 100;

export type Missed = 'none' | 'few' | 'many';

/** A parsed schedule bound to the zone it runs in: next() is robfig's Schedule.Next (undefined for its zero time). */
export interface BoundSchedule { next(after: number): number | undefined }

/**
 * The schedule text the controller parses (formatSchedule): a TZ/CRON_TZ prefix wins, with a warning;
 * else a loadable spec.timeZone becomes a TZ= prefix; else the controller's own zone applies.
 */
export function formatSchedule(cj: CronJob): { spec: string; tzInSchedule: boolean } {
  const schedule = cj.spec?.schedule ?? '';
  if (schedule.includes('TZ')) return { spec: schedule, tzInSchedule: true };
  const tz = cj.spec?.timeZone;
  if (tz !== undefined && loadLocationError(tz) === undefined) return { spec: `TZ=${tz} ${schedule}`, tzInSchedule: false };
  return { spec: schedule, tzInSchedule: false };
}

/** cron.ParseStandard of the formatted schedule: the bound schedule, or robfig's error text. */
export function bindSchedule(spec: string, defaultZone: string): BoundSchedule | { error: string } {
  try {
    const s = parseSchedule(spec);
    return { next: (after) => s.next(new Date(after), defaultZone)?.getTime() };
  } catch (e) {
    if (e instanceof ScheduleError) return { error: e.message };
    throw e;
  }
}

const parseTime = (t: string | undefined): number | undefined => (t ? Date.parse(t) : undefined);

export interface RecentSchedule {
  /** lastScheduleTime, else creationTimestamp (moved up to now - startingDeadlineSeconds when asked). */
  earliest: number;
  /** The latest schedule time at or before now, if one was missed since earliest. */
  mostRecent?: number;
  missed: Missed;
  error?: string;
}

/** mostRecentScheduleTime: counts missed runs by the interval between the next two, without walking them all. */
export function mostRecentScheduleTime(cj: CronJob, now: number, sched: BoundSchedule, includeStartingDeadline: boolean): RecentSchedule {
  let earliest = parseTime(cj.status?.lastScheduleTime) ?? parseTime(cj.metadata?.creationTimestamp) ?? 0;
  const deadline = cj.spec?.startingDeadlineSeconds;
  if (includeStartingDeadline && deadline !== undefined && deadline !== null) {
    earliest = Math.max(earliest, now - deadline * 1000);
  }
  const t1 = sched.next(earliest);
  const t2 = t1 === undefined ? undefined : sched.next(t1);
  if (t1 !== undefined && now < t1) return { earliest, missed: 'none' };
  if (t2 !== undefined && now < t2) return { earliest, mostRecent: t1, missed: 'none' };
  // A schedule that never fires (e.g. February 30th) gives robfig's zero time twice: no interval.
  const between = t1 === undefined || t2 === undefined ? 0 : Math.round((t2 - t1) / 1000);
  if (between < 1) return { earliest, missed: 'none', error: 'time difference between two schedules is less than 1 second' };
  const elapsed = Math.trunc((now - t1!) / 1000);
  const missedCount = Math.trunc(elapsed / between) + 1;
  // Start one interval before the estimate so irregular schedules (30 6-16/4 * * 1-5) land right.
  let mostRecent: number | undefined;
  for (let t = sched.next(t1! + (missedCount - 2) * between * 1000); t !== undefined && t <= now; t = sched.next(t)) mostRecent = t;
  const missed: Missed = missedCount > MANY_MISSED ? 'many' : missedCount > 0 ? 'few' : 'none';
  return { earliest, mostRecent, missed };
}

/** nextScheduleTime: the unmet schedule time to act on now (deadline applied), if any. */
export function nextScheduleTime(cj: CronJob, now: number, sched: BoundSchedule): { time?: number; tooManyMissed: boolean; error?: string } {
  const r = mostRecentScheduleTime(cj, now, sched, true);
  if (r.mostRecent === undefined || r.mostRecent > now) return { tooManyMissed: false, error: r.error };
  return { time: r.mostRecent, tooManyMissed: r.missed === 'many', error: r.error };
}

/** nextScheduleTimeDuration: milliseconds until the next schedule time after the last one, plus the delta. */
export function nextScheduleTimeDuration(cj: CronJob, now: number, sched: BoundSchedule): number | undefined {
  const r = mostRecentScheduleTime(cj, now, sched, false);
  let from: number;
  if (r.error !== undefined) from = now; // still aim for the next slot from now
  else if (r.mostRecent !== undefined) from = r.mostRecent;
  else from = r.missed === 'none' ? r.earliest : now;
  const next = sched.next(from);
  // robfig's zero time would make upstream requeue at once, forever; nothing is due, so wait for a change.
  return next === undefined ? undefined : next + NEXT_SCHEDULE_DELTA_MS - now;
}
