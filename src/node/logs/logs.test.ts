import assert from 'node:assert/strict';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { text } from 'node:stream/consumers';
import { test } from 'node:test';
import { FakeClock } from '../../util/clock.js';
import { parseEntry, rfc3339Nano } from './cri-format.js';
import { LogWriter } from './log-writer.js';
import { OutputCapture } from './output-capture.js';
import { readLogs, type ReadLogsOptions } from './read-logs.js';

const T0 = Date.UTC(2024, 4, 1, 10, 0, 0);
const dir = mkdtempSync(join(tmpdir(), 'kubelite-logs-'));
test.after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const fresh = () => join(dir, `c${n++}`, '0.log');

test('entries are CRI lines with nine fractional digits that parse back', () => {
  assert.equal(rfc3339Nano(T0 + 5, 42), '2024-05-01T10:00:00.005000042Z');
  assert.deepEqual(parseEntry('2024-05-01T10:00:00.005000042Z stderr P a b '),
    { time: '2024-05-01T10:00:00.005000042Z', ms: T0 + 5, stream: 'stderr', partial: true, content: 'a b ' });
  assert.equal(parseEntry('garbage'), undefined);
  assert.equal(parseEntry('2024-05-01T10:00:00Z stdin F x'), undefined);
});

test('the writer splits chunks into lines, keeps order within a millisecond, and flushes the rest on close', () => {
  const clock = new FakeClock(T0);
  const path = fresh();
  const w = new LogWriter(path, clock);
  w.write('stdout', 'one\ntw');
  w.write('stdout', Buffer.from('o\n'));
  clock.advance(1000);
  const euro = Buffer.from('€\n');
  w.write('stderr', euro.subarray(0, 1)); // a character split across chunks
  w.write('stderr', euro.subarray(1));
  w.write('stdout', 'no newline');
  w.close();
  assert.equal(readFileSync(path, 'utf8'), [
    '2024-05-01T10:00:00.000000000Z stdout F one',
    '2024-05-01T10:00:00.000000001Z stdout F two',
    '2024-05-01T10:00:01.000000000Z stderr F €',
    '2024-05-01T10:00:01.000000001Z stdout F no newline', ''].join('\n'));
});

test('the writer rotates to .1 at the size cap and marks over-long lines partial', async () => {
  const path = fresh();
  const w = new LogWriter(path, new FakeClock(T0), 200);
  for (let i = 0; i < 6; i++) w.write('stdout', `line ${i}\n`);
  w.write('stdout', `${'x'.repeat(16 * 1024 + 3)}\n`);
  w.close();
  assert.ok(existsSync(`${path}.1`));
  const all = await text(readLogs(path));
  assert.ok(all.endsWith(`${'x'.repeat(16 * 1024 + 3)}\n`));
  assert.ok(readFileSync(`${path}.1`, 'utf8').includes(' stdout P ')); // the split line's first part, rotated out
});

function sample(): string {
  const path = fresh();
  const clock = new FakeClock(T0);
  const w = new LogWriter(path, clock);
  for (let i = 1; i <= 5; i++) { w.write(i === 3 ? 'stderr' : 'stdout', `l${i}\n`); clock.advance(10_000); }
  w.close();
  appendFileSync(path, '2024-05-01T10:01:00.000000000Z stdout P par\n2024-05-01T10:01:00.000000001Z stdout F tial\nnot a log line\n');
  return path;
}

const readCases: Array<{ name: string; opts: ReadLogsOptions; want: string }> = [
  { name: 'everything, plain', opts: {}, want: 'l1\nl2\nl3\nl4\nl5\npartial\n' },
  { name: 'tailLines counts joined partial lines once', opts: { tailLines: 2 }, want: 'l5\npartial\n' },
  { name: 'tailLines 0', opts: { tailLines: 0 }, want: '' },
  { name: 'timestamps prefix each line', opts: { tailLines: 2, timestamps: true },
    want: '2024-05-01T10:00:40.000000000Z l5\n2024-05-01T10:01:00.000000001Z partial\n' },
  { name: 'sinceSeconds against the clock', opts: { sinceSeconds: 45, clock: new FakeClock(T0 + 70_000) }, want: 'l4\nl5\npartial\n' },
  { name: 'sinceTime', opts: { sinceTime: '2024-05-01T10:00:30Z' }, want: 'l4\nl5\npartial\n' },
  { name: 'limitBytes cuts mid-line', opts: { limitBytes: 7 }, want: 'l1\nl2\nl' },
];
for (const c of readCases) test(`readLogs: ${c.name}`, async () => assert.equal(await text(readLogs(sample(), c.opts)), c.want));

test('follow streams appended lines and ends once the instance is done', async () => {
  const path = fresh();
  const clock = new FakeClock(T0);
  const w = new LogWriter(path, clock);
  w.write('stdout', 'first\n');
  let finish = () => {};
  const done = new Promise<void>((r) => (finish = r));
  const stream = readLogs(path, { follow: true, done });
  const got: string[] = [];
  const ended = new Promise<void>((r) => stream.on('end', r));
  stream.on('data', (d: Buffer) => {
    got.push(d.toString());
    if (got.length === 1) w.write('stdout', 'second\n');
    if (got.length === 2) { w.write('stdout', 'third\n'); w.close(); finish(); }
  });
  await ended;
  assert.equal(got.join(''), 'first\nsecond\nthird\n');
});

test('follow on a file that does not exist yet waits for it', async () => {
  const path = fresh();
  const stream = readLogs(path, { follow: true, done: new Promise((r) => setTimeout(r, 600)) });
  setTimeout(() => { const w = new LogWriter(path, new FakeClock(T0)); w.write('stdout', 'late\n'); w.close(); }, 50);
  assert.equal(await text(stream), 'late\n');
});

test('capture moves raw output into the log, resumes from its saved offset, and cleans up', () => {
  const d = mkdtempSync(join(dir, 'raw-'));
  const files = { stdout: join(d, 'c.out'), stderr: join(d, 'c.err') };
  writeFileSync(files.stdout, 'hello\n');
  writeFileSync(files.stderr, 'oops\n');
  const path = join(d, 'log', '0.log');
  const live: string[] = [];
  const a = new OutputCapture(files, new LogWriter(path, new FakeClock(T0)), (s, c) => live.push(`${s}:${c}`));
  a.drain();
  assert.deepEqual(live, ['stdout:hello\n', 'stderr:oops\n']);
  // The agent dies here (no finish); the container writes on; a new agent resumes.
  appendFileSync(files.stdout, 'again\n');
  const b = new OutputCapture(files, new LogWriter(path, new FakeClock(T0 + 1000)));
  b.finish();
  assert.deepEqual(readFileSync(path, 'utf8').split('\n').map((l) => l.slice(31)), ['stdout F hello', 'stderr F oops', 'stdout F again', '']);
  assert.equal(existsSync(files.stdout) || existsSync(`${files.stdout}.pos`), false);
});

test('a stopped capture (agent shutdown) keeps the raw files, ends a cut line as partial, and holds nothing open', async () => {
  const d = mkdtempSync(join(dir, 'raw-'));
  const files = { stdout: join(d, 'c.out'), stderr: join(d, 'c.err') };
  writeFileSync(files.stdout, 'whole\nhalf');
  writeFileSync(files.stderr, '');
  const path = join(d, 'log', '0.log');
  const handles = () => (process as unknown as { _getActiveHandles(): object[] })._getActiveHandles().filter((h) => h.constructor.name === 'FSWatcher').length;
  const before = handles();
  const a = new OutputCapture(files, new LogWriter(path, new FakeClock(T0)));
  a.start();
  assert.ok(handles() > before, 'the capture watches its files');
  a.stop();
  await new Promise((r) => setTimeout(r, 10)); // a closed watcher leaves the list once libuv has closed it
  assert.ok(handles() <= before, 'its watchers are closed'); // <=: an earlier test's may close meanwhile
  appendFileSync(files.stdout, ' done\n');
  const b = new OutputCapture(files, new LogWriter(path, new FakeClock(T0 + 1000)));
  b.finish();
  assert.deepEqual(readFileSync(path, 'utf8').split('\n').map((l) => l.slice(31)), ['stdout F whole', 'stdout P half', 'stdout F  done', '']);
});
