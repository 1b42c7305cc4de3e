import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseSchedule, scheduleError } from './schedule.js';

const errorCases: Array<[string, string]> = [
  ['61 * * * *', 'end of range (61) above maximum (59): 61'],
  ['* * * *', 'expected exactly 5 fields, found 4: [* * * *]'],
  ['0 0 * * * *', 'expected exactly 5 fields, found 6: [0 0 * * * *]'],
  ['   ', 'expected exactly 5 fields, found 0: []'],
  ['* 24 * * *', 'end of range (24) above maximum (23): 24'],
  ['* * 0 * *', 'beginning of range (0) below minimum (1): 0'],
  ['* * * 13 *', 'end of range (13) above maximum (12): 13'],
  ['* * * * 7', 'end of range (7) above maximum (6): 7'],
  ['5-2 * * * *', 'beginning of range (5) beyond end of range (2): 5-2'],
  ['*/0 * * * *', 'step of range should be a positive number: */0'],
  ['1-2-3 * * * *', 'too many hyphens: 1-2-3'],
  ['1/2/3 * * * *', 'too many slashes: 1/2/3'],
  ['x * * * *', 'failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
  ['-1 * * * *', 'failed to parse int from : strconv.Atoi: parsing "": invalid syntax'],
  ['* * * foo *', 'failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
  ['@reboot', 'unrecognized descriptor: @reboot'],
  ['@every 5x', 'failed to parse duration @every 5x: time: unknown unit "x" in duration "5x"'],
  ['@every 5', 'failed to parse duration @every 5: time: missing unit in duration "5"'],
  ['TZ=Mars/Base * * * * *', 'provided bad location Mars/Base: unknown time zone Mars/Base'],
];

for (const [spec, want] of errorCases) test(`rejects ${JSON.stringify(spec)}`, () => assert.equal(scheduleError(spec), want));

for (const spec of ['* * * * *', '*/15 9-17 * JAN-dec mon-FRI', '0 0 1,15 * ?', '@hourly', '@yearly', '@every 1h30m', 'CRON_TZ=Europe/Berlin 0 6 * * *', '5/10 * * * *']) {
  test(`accepts ${JSON.stringify(spec)}`, () => assert.equal(scheduleError(spec), undefined));
}

const at = (iso: string) => new Date(iso);
const nextCases: Array<{ name: string; spec: string; after: string; tz?: string; want: string | undefined }> = [
  { name: 'every minute rounds up', spec: '* * * * *', after: '2026-11-24T10:00:30.500Z', want: '2026-11-24T10:01:00.000Z' },
  { name: 'exact activation is not repeated', spec: '* * * * *', after: '2026-11-24T10:01:00.000Z', want: '2026-11-24T10:02:00.000Z' },
  { name: 'weekdays at 9 in New York', spec: '0 9 * * 1-5', after: '2026-11-27T15:00:00Z', tz: 'America/New_York', want: '2026-11-30T14:00:00.000Z' },
  { name: 'day of month OR weekday when both are restricted', spec: '0 0 1 * 1', after: '2026-11-24T00:00:00Z', want: '2026-11-30T00:00:00.000Z' },
  { name: 'a */2 day of month is not a star: OR again', spec: '0 0 */2 * 1', after: '2026-11-01T00:00:00Z', want: '2026-11-02T00:00:00.000Z' },
  { name: 'a * day of week ANDs', spec: '0 0 13 * *', after: '2026-11-24T00:00:00Z', want: '2026-12-13T00:00:00.000Z' },
  { name: 'wall time skipped by DST never fires that day', spec: '30 2 * * *', after: '2026-03-08T06:00:00Z', tz: 'America/New_York', want: '2026-03-09T06:30:00.000Z' },
  { name: 'repeated hour fires at its first occurrence', spec: '30 1 * * *', after: '2026-11-01T05:00:00Z', tz: 'America/New_York', want: '2026-11-01T05:30:00.000Z' },
  { name: 'repeated hour fires again at its second occurrence', spec: '30 1 * * *', after: '2026-11-01T05:30:00Z', tz: 'America/New_York', want: '2026-11-01T06:30:00.000Z' },
  { name: 'TZ prefix overrides the zone given', spec: 'CRON_TZ=Asia/Tokyo 0 9 * * *', after: '2026-11-24T00:00:00Z', tz: 'UTC', want: '2026-11-25T00:00:00.000Z' },
  { name: 'yearly', spec: '@yearly', after: '2026-11-24T00:00:00Z', want: '2027-01-01T00:00:00.000Z' },
  { name: '@every adds to the whole second', spec: '@every 90s', after: '2026-11-24T00:00:00.700Z', want: '2026-11-24T00:01:30.000Z' },
  { name: 'February 30th never comes', spec: '0 0 30 2 *', after: '2026-11-24T00:00:00Z', want: undefined },
];

for (const c of nextCases) {
  test(`next: ${c.name}`, () => assert.equal(parseSchedule(c.spec).next(at(c.after), c.tz)?.toISOString(), c.want));
}
