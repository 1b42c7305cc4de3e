// The shared suite every store backend passes (the etcd backend will too): one contract, one test.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { StoreError, type Store, type StoreEvent } from './store.js';

const code = (e: unknown) => (e instanceof StoreError ? e.code : String(e));

export function storeConformance(name: string, open: () => Promise<{ store: Store; reopen?: () => Promise<Store>; cleanup?: () => void }>): void {
  const withStore = (title: string, fn: (s: Store, reopen?: () => Promise<Store>) => Promise<void>) =>
    test(`${name}: ${title}`, async () => {
      const { store, reopen, cleanup } = await open();
      try { await fn(store, reopen); } finally { await store.close().catch(() => {}); cleanup?.(); }
    });

  withStore('create assigns increasing revisions and refuses an existing key', async (s) => {
    const a = await s.create('/r/a', '1');
    const b = await s.create('/r/b', '2');
    assert.equal(a.createRevision, a.modRevision);
    assert.ok(b.modRevision > a.modRevision);
    assert.equal(s.revision(), b.modRevision);
    await assert.rejects(s.create('/r/a', 'x'), (e) => code(e) === 'KeyExists');
  });

  withStore('a list taken while writes are in flight and a watch from its revision see each write once', async (s) => {
    const writes = Array.from({ length: 20 }, (_, i) => s.create(`/r/${String(i).padStart(2, '0')}`, String(i)));
    await new Promise((r) => setImmediate(r)); // committed, perhaps not yet acknowledged
    const listed = await s.list('/r/');
    const watched: string[] = [];
    const w = s.watch('/r/', listed.revision, (ev) => watched.push(ev.key));
    await Promise.all(writes);
    await s.create('/r/later', 'x');
    w.stop();
    const all = [...listed.items.map((kv) => kv.key), ...watched].sort();
    assert.deepEqual(all, [...Array.from({ length: 20 }, (_, i) => `/r/${String(i).padStart(2, '0')}`), '/r/later']);
  });

  withStore('update and delete only when the revision matches', async (s) => {
    const a = await s.create('/r/a', '1');
    await assert.rejects(s.update('/r/a', '2', a.modRevision + 100), (e) => code(e) === 'RevisionMismatch');
    const u = await s.update('/r/a', '2', a.modRevision);
    assert.equal(u.createRevision, a.createRevision);
    assert.equal((await s.get('/r/a'))?.value, '2');
    await assert.rejects(s.delete('/r/a', a.modRevision), (e) => code(e) === 'RevisionMismatch');
    const d = await s.delete('/r/a', u.modRevision);
    assert.equal(d.value, '2');
    assert.equal(await s.get('/r/a'), undefined);
    await assert.rejects(s.update('/r/a', '3', u.modRevision), (e) => code(e) === 'KeyNotFound');
    await assert.rejects(s.delete('/r/a'), (e) => code(e) === 'KeyNotFound');
  });

  withStore('list by prefix in key order, with limit and start key', async (s) => {
    for (const k of ['c', 'a', 'b']) await s.create(`/r/x/${k}`, k);
    await s.create('/r/y/a', 'other');
    await s.create('/r/xz', 'not under /r/x/');
    const all = await s.list('/r/x/');
    assert.deepEqual(all.items.map((i) => i.value), ['a', 'b', 'c']);
    assert.equal(all.more, false);
    const page = await s.list('/r/x/', { limit: 2 });
    assert.deepEqual(page.items.map((i) => i.value), ['a', 'b']);
    assert.equal(page.more, true);
    const rest = await s.list('/r/x/', { startKey: '/r/x/b\u0000' });
    assert.deepEqual(rest.items.map((i) => i.value), ['c']);
    assert.equal(await s.count('/r/x/'), 3);
    assert.equal(await s.count('/r/x/', '/r/x/b'), 2);
  });

  withStore('watch replays from a revision, then delivers live events in order', async (s) => {
    const a = await s.create('/w/a', '1');
    await s.update('/w/a', '2', a.modRevision);
    const seen: StoreEvent[] = [];
    const w = s.watch('/w/', a.modRevision, (ev) => seen.push(ev));
    await s.create('/w/b', '3');
    await s.create('/other', 'x');
    await s.delete('/w/a');
    w.stop();
    await s.create('/w/c', 'after stop');
    assert.deepEqual(seen.map((e) => [e.type, e.key, e.kv.value]), [['PUT', '/w/a', '2'], ['PUT', '/w/b', '3'], ['DELETE', '/w/a', '2']]);
    assert.equal(seen[0]!.prev?.value, '1');
    assert.ok(seen.every((e, i) => i === 0 || e.revision > seen[i - 1]!.revision));
  });

  withStore('an update\'s prev is the version the key\'s last event carried (watchers decode each version once)', async (s) => {
    const seen: StoreEvent[] = [];
    const w = s.watch('/p/', s.revision(), (ev) => seen.push(ev));
    const a = await s.create('/p/a', '1');
    const b = await s.update('/p/a', '2', a.modRevision);
    await Promise.all([s.update('/p/a', '3', b.modRevision), s.create('/p/b', 'x')]);
    w.stop();
    assert.equal(seen[1]!.prev, seen[0]!.kv);
    assert.equal(seen[2]!.prev, seen[1]!.kv);
    assert.deepEqual(seen.map((e) => [e.kv.value, e.prev?.value]), [['1', undefined], ['2', '1'], ['3', '2'], ['x', undefined]]);
  });

  withStore('a watch from a compacted revision fails with Compacted', async (s) => {
    const a = await s.create('/c/a', '1');
    const b = await s.update('/c/a', '2', a.modRevision);
    await s.compact(b.modRevision);
    assert.throws(() => s.watch('/c/', a.modRevision, () => {}), (e) => code(e) === 'Compacted');
    const events: string[] = [];
    s.watch('/c/', b.modRevision, (ev) => events.push(ev.kv.value)).stop();
    assert.deepEqual(events, []);
  });

  withStore('writes issued together all commit, each with its own outcome', async (s) => {
    const results = await Promise.allSettled([s.create('/g/a', '1'), s.create('/g/a', 'dup'), s.create('/g/b', '2')]);
    assert.deepEqual(results.map((r) => r.status), ['fulfilled', 'rejected', 'fulfilled']);
    assert.equal((await s.list('/g/')).items.length, 2);
  });

  withStore('close acknowledges the writes still in flight, and they survive a reopen (durable backends)', async (s, reopen) => {
    if (!reopen) return;
    const first = Array.from({ length: 10 }, (_, i) => s.create(`/f/${i}`, String(i)));
    await new Promise((r) => setImmediate(r)); // committed; the sync that acknowledges them may be running
    const second = Array.from({ length: 10 }, (_, i) => s.create(`/f/${10 + i}`, String(10 + i)));
    await s.close();
    const settled = await Promise.allSettled([...first, ...second]);
    assert.deepEqual(settled.map((r) => r.status), Array(20).fill('fulfilled'));
    const s2 = await reopen();
    try { assert.equal((await s2.list('/f/')).items.length, 20); } finally { await s2.close(); }
  });

  withStore('data and revision survive a reopen (durable backends)', async (s, reopen) => {
    if (!reopen) return; // memory: nothing to persist; the other cases cover it
    await s.create('/p/a', '1');
    const rev = (await s.create('/p/b', '2')).modRevision;
    await s.close();
    const s2 = await reopen();
    try {
      assert.equal(s2.revision(), rev);
      assert.deepEqual((await s2.list('/p/')).items.map((i) => i.value), ['1', '2']);
      const c = await s2.create('/p/c', '3');
      assert.equal(c.modRevision, rev + 1);
    } finally { await s2.close(); }
  });
}
