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

test('triggers: an indexed watcher is offered only events about its value, before or after; others see all', () => {
  const w = new EventWindow(0);
  // The value is the last path segment's letter here (a pod's node, in the API server).
  const calls: string[] = [];
  const node = (key: string) => key.split('/')[3]!.slice(0, 1);
  const byNode = {
    prefix: '/pods/',
    values: (ev: StoreEvent) => { calls.push(ev.key); return [node(ev.key), ...(ev.prev ? [node(ev.prev.key)] : [])]; },
  };
  const seen: Record<string, string[]> = { a: [], b: [], all: [] };
  const wa = w.watch('/pods/', 0, (ev) => seen.a!.push(ev.key), { by: byNode, value: 'a' });
  w.watch('/pods/ns1/', 0, (ev) => seen.b!.push(ev.key), { by: byNode, value: 'b' });
  w.watch('/pods/', 0, (ev) => seen.all!.push(ev.key));
  w.append(put('/pods/ns1/a1', 1));
  w.append(put('/pods/ns2/b1', 2)); // b's watcher is for ns1 only
  w.append(put('/pods/ns1/b2', 3));
  w.append(put('/nodes/x/a', 4)); // not under the trigger's prefix: its values are not asked for
  w.append({ ...put('/pods/ns1/b3', 5), prev: put('/pods/ns1/a3', 4).kv }); // moved from a to b: both see it
  w.append({ ...put('/pods/ns1/a4', 6), prev: put('/pods/ns1/a4', 5).kv }); // a before and after: once
  assert.equal(wa.progress?.(), 6, 'offered everything up to the newest event, delivered or not');
  wa.stop();
  w.append(put('/pods/ns1/a5', 7));
  assert.deepEqual(seen, {
    a: ['/pods/ns1/a1', '/pods/ns1/b3', '/pods/ns1/a4'],
    b: ['/pods/ns1/b2', '/pods/ns1/b3'],
    all: ['/pods/ns1/a1', '/pods/ns2/b1', '/pods/ns1/b2', '/pods/ns1/b3', '/pods/ns1/a4', '/pods/ns1/a5'],
  });
  assert.equal(calls.includes('/nodes/x/a'), false);
});

test('triggers: history is replayed to a new indexed watcher unfiltered (its own filter decides)', () => {
  const w = new EventWindow(0);
  w.append(put('/pods/ns/a1', 1));
  w.append(put('/pods/ns/b1', 2));
  const seen: string[] = [];
  w.watch('/pods/', 0, (ev) => seen.push(ev.key), { by: { prefix: '/pods/', values: () => ['a'] }, value: 'a' });
  assert.deepEqual(seen, ['/pods/ns/a1', '/pods/ns/b1']);
});
