// The schedules the controller runs come from the in-tree robfig/cron reading (api/kinds/cron-job), which
// validation also uses. This checks it against croner, a maintained cron library, on generated
// five-field schedules and zones: they must agree wherever robfig's particular rules do not apply.
// croner is not used at run time because it departs from robfig (and so from kube-controller-manager)
// in the cases pinned at the end.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Cron } from 'croner';
import { parseSchedule } from '../../api/kinds/cron-job/schedule.js';
import { wallClock } from '../../api/kinds/cron-job/next-time.js';

/** mulberry32: a seeded generator, so every run checks the same schedules. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function field(r: () => number, min: number, max: number, names: string[] = []): string {
  const int = (lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));
  const a = int(min, max), b = int(a, max);
  const pick = int(0, 6);
  if (pick === 0) return '*';
  if (pick === 1) return `*/${int(2, Math.max(2, Math.floor((max - min) / 2)))}`;
  if (pick === 2) return String(a);
  if (pick === 3) return `${a}-${b}`;
  if (pick === 4) return `${a},${b}`;
  if (pick === 5 && b > a) return `${a}-${b}/${int(2, Math.max(2, b - a))}`;
  return names.length ? names[int(0, names.length - 1)]! : String(a);
}

const ZONES = ['UTC', 'Europe/Berlin', 'America/New_York', 'Asia/Kolkata', 'Australia/Sydney'];
const offset = (ms: number, tz: string) => wallClock(Math.floor(ms / 1000) * 1000, tz) - Math.floor(ms / 1000) * 1000;

test('cross-check: the in-tree robfig reading agrees with croner on 3000 generated schedules (those whose runs cross no DST change)', () => {
  const r = rng(20261124);
  let compared = 0;
  for (let i = 0; i < 3000; i++) {
    const spec = [field(r, 0, 59), field(r, 0, 23), r() < 0.5 ? '*' : field(r, 1, 28), field(r, 1, 12, ['JAN-MAR', 'jun', 'SEP-DEC']), r() < 0.5 ? '*' : field(r, 0, 6, ['MON-FRI', 'sun', 'SAT'])].join(' ');
    const tz = ZONES[i % ZONES.length]!;
    const after = Date.UTC(2026, 0, 1) + Math.floor(r() * 365 * 86_400_000);
    const ours = parseSchedule(spec).next(new Date(after), tz)?.getTime();
    const theirs = new Cron(spec, { timezone: tz }).nextRun(new Date(after))?.getTime();
    const crossesDst = [ours, theirs].some((t) => t !== undefined && offset(t, tz) !== offset(after, tz));
    if (crossesDst) continue; // robfig skips a wall time a DST jump removes and repeats one it replays; croner does neither
    compared++;
    assert.equal(ours, theirs, `${spec} in ${tz} after ${new Date(after).toISOString()}`);
  }
  assert.ok(compared > 2000, `only ${compared} compared`);
});

// Where robfig (and so Kubernetes) differs from croner; the in-tree reading follows robfig.
const robfigOnly: Array<{ name: string; spec: string; tz: string; after: string; want: string | undefined; croner: string }> = [
  { name: '*/1 keeps the star, so day-of-month and day-of-week AND', spec: '0 0 */1 * 1', tz: 'UTC', after: '2026-11-24T00:00:00Z', want: '2026-11-30T00:00:00.000Z', croner: 'ORs them: 2026-11-25' },
  { name: 'N/step means N-max/step', spec: '5/10 * * * *', tz: 'UTC', after: '2026-11-24T00:00:00Z', want: '2026-11-24T00:05:00.000Z', croner: 'rejects the pattern' },
  { name: 'a wall time skipped by DST does not run that day', spec: '30 2 * * *', tz: 'America/New_York', after: '2026-03-08T06:00:00Z', want: '2026-03-09T06:30:00.000Z', croner: 'runs at 03:00 that day' },
  { name: 'a wall time repeated by DST runs twice', spec: '30 1 * * *', tz: 'America/New_York', after: '2026-11-01T05:30:00Z', want: '2026-11-01T06:30:00.000Z', croner: 'runs once' },
  { name: '@every is a constant delay from the last run', spec: '@every 90s', tz: 'UTC', after: '2026-11-24T00:00:00Z', want: '2026-11-24T00:01:30.000Z', croner: 'has no @every' },
];

for (const c of robfigOnly) {
  test(`robfig, not croner: ${c.name} (croner ${c.croner})`, () => {
    assert.equal(parseSchedule(c.spec).next(new Date(c.after), c.tz)?.toISOString(), c.want);
  });
}
