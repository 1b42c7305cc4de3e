import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WriteBehind } from './write-behind.js';

test('a burst of changes costs few writes, and saved() covers every change made before it', async () => {
  let state = 0;
  const written: number[] = [];
  let release!: () => void;
  const w = new WriteBehind(async () => { const v = state; await new Promise<void>((r) => { release = r; }); written.push(v); });
  state = 1; w.changed();
  state = 2; w.changed();
  state = 3; w.changed(); // all three during the first write: one more write takes them
  const saved = w.saved();
  release();
  await new Promise((r) => setImmediate(r));
  release();
  await saved;
  assert.deepEqual(written, [1, 3]);
  await w.saved(); // nothing pending: resolves at once
});

test('a failed write rejects saved() and the next change writes again', async () => {
  let fail = true;
  let writes = 0;
  const w = new WriteBehind(async () => { writes++; if (fail) throw new Error('disk full'); });
  w.changed();
  await assert.rejects(w.saved(), /disk full/);
  fail = false;
  w.changed();
  await w.saved();
  assert.equal(writes, 2);
});
