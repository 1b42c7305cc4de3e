import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EventWindow } from './event-window.js';
import type { StoreEvent } from './store.js';

const put = (key: string, revision: number): StoreEvent => ({ type: 'PUT', key, revision, kv: { key, value: 'v', createRevision: revision, modRevision: revision } });

test('a watch from a revision not yet appended gets only the events after it', () => {
  // SqliteStore lists at its committed revision while that revision's events wait for the WAL sync.
  const w = new EventWindow(0);
  w.append(put('/a/1', 1));
  const seen: number[] = [];
  w.watch('/a/', 3, (ev) => seen.push(ev.revision));
  for (const [k, r] of [['/a/2', 2], ['/a/3', 3], ['/b/4', 4], ['/a/5', 5]] as const) w.append(put(k, r));
  assert.deepEqual(seen, [5]);
});

test('a watch from an old revision replays what is retained, then follows', () => {
  const w = new EventWindow(0);
  w.append(put('/a/1', 1));
  w.append(put('/a/2', 2));
  const seen: number[] = [];
  w.watch('/a/', 1, (ev) => seen.push(ev.revision));
  w.append(put('/a/3', 3));
  assert.deepEqual(seen, [2, 3]);
});
