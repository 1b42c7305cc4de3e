// Describers against `kubectl describe` output captured from a real control plane
// (shared/reference/golden): the same objects and events must print byte for byte the same text.
process.env.TZ = 'UTC'; // the captures were taken in UTC; describe prints local time
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { parse } from 'yaml';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js';
import type { Event } from 'kubernetes-types/core/v1.js';
import { goldenTablesDir } from '../../api/kinds/shared/golden.js';
import { describeCronJob } from './cronjob.js';
import { describeJob } from './job.js';

const goldenDir = goldenTablesDir()?.replace(/\/tables$/, '');
const read = (p: string) => readFileSync(join(goldenDir!, p), 'utf8');
const eventsAbout = (file: string, kind: string, name: string) =>
  (parse(read(file)) as { items: Event[] }).items.filter((e) => e.involvedObject.kind === kind && e.involvedObject.name === name);

/** `now` such that the first event (by lastTimestamp) is `age` seconds old, as when the capture was taken. */
const nowFor = (events: Event[], ageSeconds: number) => Math.min(...events.map((e) => Date.parse(e.lastTimestamp!))) + ageSeconds * 1000 + 500;

const cases = [
  { name: 'job a-simple: completed job', dir: 'jobs/a-simple', kind: 'Job', obj: 'job.yaml', want: 'describe.txt', firstAge: 35 },
  { name: 'job d-active-deadline: deadline exceeded, Active Deadline Seconds', dir: 'jobs/d-active-deadline', kind: 'Job', obj: 'job.yaml', want: 'describe.txt', firstAge: 36 },
  { name: 'job b-completions5-parallelism2', dir: 'jobs/b-completions5-parallelism2', kind: 'Job', obj: 'job.yaml', want: 'describe.txt', firstAge: undefined },
  { name: 'cronjob every-minute after two runs', dir: 'cronjob', kind: 'CronJob', obj: 'cronjob.yaml', want: 'describe-cronjob.txt', firstAge: 63 },
];

for (const c of cases) {
  test(`golden describe: ${c.name}`, { skip: !goldenDir || !existsSync(join(goldenDir ?? '', c.dir, c.want)) }, () => {
    const obj = parse(read(join(c.dir, c.obj))) as Job | CronJob;
    const events = eventsAbout(join(c.dir, 'events.yaml'), c.kind, obj.metadata!.name!);
    const want = read(join(c.dir, c.want));
    const firstAge = c.firstAge ?? Number(/^ {2}\S+\s+\S+\s+(\d+)s /m.exec(want.split('\nEvents:\n')[1] ?? '')?.[1] ?? 0);
    const now = nowFor(events, firstAge);
    const got = c.kind === 'Job' ? describeJob(obj as Job, events, now) : describeCronJob(obj as CronJob, events, now);
    assert.equal(got, want);
  });
}
