// Watch (?watch=true): newline-delimited JSON events streamed over a chunked response, from the
// store's in-memory event window. Selector transitions become ADDED/DELETED as apiserver's watch
// cache reports them; a compacted resourceVersion yields an ERROR event with a 410 Expired Status.
import { expired } from '../../api/errors.js';
import { gvString, type KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { StoreError, type KeyValue, type StoreEvent, type TriggerFilter, type Watcher, type WatchTrigger } from '../../store/store.js';
import { tableVersion } from '../http/negotiate.js';
import { resourcePrefix } from '../registry/keys.js';
import { rawObjectJson } from '../registry/stored-form.js';
import { sharedDecode } from '../registry/shared-decode.js';
import { toTable } from '../table.js';
import type { ResourceRequest } from './context.js';
import { listObjects } from './read.js';
import { selectionFrom, type Selection } from './selection.js';

const BOOKMARK_INTERVAL_MS = 60_000; // as the watch cache's bookmark frequency
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024; // a watcher this far behind is dropped; it will relist

// Every watcher of an event shares one decoded object (shared-decode.ts) and one JSON rendering of
// it: the stored bytes with the resourceVersion spliced in, not a serialisation of the object. The
// store hands an event to all its watchers in turn, so only the last rendering is kept (one kept per
// retained event held a second copy of the whole window).
let rendered: { kv: KeyValue; def: KindDef; json: string } | undefined;
function jsonOf(kv: KeyValue, def: KindDef): string {
  if (rendered?.kv !== kv || rendered.def !== def) {
    rendered = { kv, def, json: rawObjectJson(def, kv) ?? JSON.stringify(sharedDecode(kv, def)) };
  }
  return rendered.json;
}

// As kube-apiserver indexes pod watchers by spec.nodeName (the pod strategy's NodeNameTriggerFunc):
// a kubelet's watch of its own node's pods is offered only those pods' events, not every pod's.
const nodeNameTriggers = new Map<KindDef, WatchTrigger>();
function triggerFor(def: KindDef, sel: Selection): TriggerFilter | undefined {
  const value = def.group === '' && def.kind === 'Pod' && !def.storedAs ? sel.requiredField('spec.nodeName') : undefined;
  if (value === undefined) return undefined;
  let by = nodeNameTriggers.get(def);
  if (!by) {
    const nodeName = (kv: KeyValue) => String((sharedDecode(kv, def).spec as { nodeName?: string } | undefined)?.nodeName ?? '');
    by = { prefix: resourcePrefix(def), values: (ev) => (ev.prev ? [nodeName(ev.kv), nodeName(ev.prev)] : [nodeName(ev.kv)]) };
    nodeNameTriggers.set(def, by);
  }
  return { by, value };
}

type EventType = 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';

// The event store delivers one event to every watcher in turn, so a one-line cache lets them all
// write the same bytes, UTF-8 encoded once instead of once per watcher.
let lastLine: { type: EventType; json: string; bytes: Buffer } | undefined;
function sharedLine(type: EventType, json: string): Buffer {
  if (lastLine?.json !== json || lastLine.type !== type) lastLine = { type, json, bytes: Buffer.from(`{"type":"${type}","object":${json}}\n`) };
  return lastLine.bytes;
}

export async function watchCollection(r: ResourceRequest): Promise<void> {
  const { res, url, def, ctx } = r;
  const q = url.searchParams;
  const sel = selectionFrom(def, url);
  const tv = tableVersion(r.accept);
  const bookmarks = q.get('allowWatchBookmarks') === 'true';
  const timeoutSeconds = Number(q.get('timeoutSeconds') ?? 0) || 1800 + Math.floor(Math.random() * 1800);
  const rvParam = q.get('resourceVersion');
  const sendInitial = q.get('sendInitialEvents') === 'true' || !rvParam || rvParam === '0';
  const name = r.path.name ?? (q.get('fieldSelector')?.match(/^metadata\.name=([^,]+)$/)?.[1]);

  res.writeHead(200, { 'Content-Type': 'application/json', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  res.flushHeaders();
  let columnsSent = false;
  let lastRV = 0;
  // A group commit delivers its events in one go: corked until the tick ends, they leave as one
  // chunk (one TLS record, one syscall) instead of one each.
  let corked = false;
  const cork = () => {
    if (corked) return;
    corked = true;
    res.cork();
    process.nextTick(() => { corked = false; res.uncork(); });
  };
  const write = (type: EventType, obj: KObject | object, kv?: KeyValue) => {
    cork();
    let line: string;
    if (tv && (type === 'ADDED' || type === 'MODIFIED' || type === 'DELETED')) {
      const table = toTable(def, [obj as KObject], ctx.clock.now(), { version: tv, includeObject: 'Metadata', resourceVersion: (obj as KObject).metadata.resourceVersion, withColumns: !columnsSent });
      columnsSent = true;
      line = JSON.stringify({ type, object: table });
    } else if (kv !== undefined) {
      res.write(sharedLine(type, jsonOf(kv, def)));
      if (res.writableLength > MAX_BUFFERED_BYTES) finish();
      return;
    } else {
      line = `{"type":"${type}","object":${JSON.stringify(obj)}}`;
    }
    res.write(line + '\n');
    if (res.writableLength > MAX_BUFFERED_BYTES) finish();
  };

  let fromRevision: number;
  if (sendInitial) {
    const page = await listObjects({ ...r, url: new URL(`${url.pathname}?${selectorQuery(q)}`, url) });
    for (const obj of page.items) if (!name || obj.metadata.name === name) write('ADDED', obj);
    fromRevision = page.revision;
    if (q.get('sendInitialEvents') === 'true' && bookmarks) {
      write('BOOKMARK', bookmarkObject(r, page.revision, true));
    }
  } else {
    fromRevision = Number(rvParam);
  }
  lastRV = fromRevision;

  const matches = (obj: KObject) => (!name || obj.metadata.name === name) && sel.matches(obj);
  const onEvent = (ev: StoreEvent) => {
    lastRV = ev.revision;
    const cur = sharedDecode(ev.kv, def);
    const prev = ev.prev ? sharedDecode(ev.prev, def) : undefined;
    const nowMatches = ev.type === 'PUT' && matches(cur);
    const prevMatched = !!prev && matches(prev);
    if (ev.type === 'DELETE') { if (prevMatched) write('DELETED', cur, ev.kv); return; }
    if (nowMatches && prevMatched) write('MODIFIED', cur, ev.kv);
    else if (nowMatches) write('ADDED', cur, ev.kv);
    else if (prevMatched) write('DELETED', cur, ev.kv);
  };

  let watcher: Watcher | undefined;
  // A bookmark reports how far this watch is known to be current: past events a trigger kept away
  // from it too (as the watch cache bookmarks at its own revision), so an idle kubelet's watch
  // resumes from a recent revision rather than one the window has long dropped.
  const bookmarkRV = () => Math.max(lastRV, watcher?.progress?.() ?? 0);
  let done = false;
  const timers: NodeJS.Timeout[] = [];
  function finish(): void {
    if (done) return;
    done = true;
    watcher?.stop();
    timers.forEach(clearTimeout);
    ctx.shutdown.removeEventListener('abort', finish);
    res.end();
  }
  try {
    watcher = ctx.registry.store.watch(resourcePrefix(def, r.path.namespace), fromRevision, onEvent, triggerFor(def, sel));
  } catch (e) {
    if (e instanceof StoreError && e.code === 'Compacted') {
      write('ERROR', expired(`too old resource version: ${fromRevision} (${e.compactRevision})`).toStatus());
      finish();
      return;
    }
    throw e;
  }
  res.on('close', finish);
  ctx.shutdown.addEventListener('abort', finish);
  timers.push(setTimeout(() => {
    // Upstream sends a last bookmark shortly before a timed-out watch closes.
    if (bookmarks) write('BOOKMARK', bookmarkObject(r, bookmarkRV(), false));
    finish();
  }, timeoutSeconds * 1000));
  if (bookmarks) {
    const tick = () => { if (!done) { write('BOOKMARK', bookmarkObject(r, bookmarkRV(), false)); timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS)); } };
    timers.push(setTimeout(tick, BOOKMARK_INTERVAL_MS));
  }
}

function selectorQuery(q: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const k of ['labelSelector', 'fieldSelector']) { const v = q.get(k); if (v) out.set(k, v); }
  return out.toString();
}

/** BOOKMARK objects are skeletal objects of the watched kind carrying only a resourceVersion. */
function bookmarkObject(r: ResourceRequest, rv: number, initialEventsEnd: boolean): object {
  const metadata: Record<string, unknown> = { resourceVersion: String(rv), creationTimestamp: null };
  if (initialEventsEnd) metadata.annotations = { 'k8s.io/initial-events-end': 'true' };
  return { kind: r.def.kind, apiVersion: gvString(r.def), metadata };
}
