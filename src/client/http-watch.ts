// A watch over HTTP as client-go's reflector keeps one going: `?watch=1&resourceVersion=N&
// allowWatchBookmarks=true`, newline-delimited JSON events; when the server ends the stream (its
// timeout) or the connection drops, it reconnects from the last resourceVersion seen (bookmarks
// included), so no event is lost or repeated. An ERROR event or an HTTP error answer (410 Gone when
// the revision was compacted, 401/403) ends the watch with one onError: the caller relists.
import type { IncomingMessage } from 'node:http';
import type { KObject } from '../api/object.js';
import type { Watch, WatchEvent } from './api-client.js';
import { readAll, statusErrorFrom, type Transport } from './http-transport.js';

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000; // as the reflector's back-off cap is small: a node must see pods soon after a blip

interface RawEvent { type: string; object: KObject }

export function httpWatch(
  transport: Transport,
  collectionPath: string,
  query: URLSearchParams,
  fromRevision: number,
  onEvent: (ev: WatchEvent) => void,
  onError?: (err: unknown) => void,
): Watch {
  let rv = String(fromRevision);
  let stopped = false;
  let abort = new AbortController();
  let delay = RECONNECT_MIN_MS;
  let timer: NodeJS.Timeout | undefined;

  const fail = (err: unknown) => {
    if (stopped) return;
    stopped = true;
    abort.abort();
    if (onError) onError(err);
  };

  const handleLine = (line: string): boolean => {
    if (!line.trim()) return true;
    const ev = JSON.parse(line) as RawEvent;
    if (ev.type === 'ERROR') { fail(statusErrorFrom(Number((ev.object as { code?: number }).code ?? 500), ev.object)); return false; }
    const objRv = ev.object?.metadata?.resourceVersion;
    if (objRv) rv = objRv;
    if (ev.type === 'BOOKMARK') return true;
    if (ev.type === 'ADDED' || ev.type === 'MODIFIED' || ev.type === 'DELETED') onEvent({ type: ev.type, object: ev.object });
    return !stopped;
  };

  const consume = (res: IncomingMessage) => new Promise<void>((resolve) => {
    let buf = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => {
      delay = RECONNECT_MIN_MS; // data flowed: the connection is healthy
      buf += chunk;
      let nl: number;
      while ((nl = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, nl);
        buf = buf.slice(nl + 1);
        try {
          if (!handleLine(line)) { res.destroy(); break; }
        } catch (e) { fail(e); res.destroy(); break; }
      }
    });
    res.on('end', resolve);
    res.on('close', resolve);
    res.on('error', () => resolve());
  });

  const connect = async (): Promise<void> => {
    if (stopped) return;
    const q = new URLSearchParams(query);
    q.set('watch', '1');
    q.set('resourceVersion', rv);
    q.set('allowWatchBookmarks', 'true');
    abort = new AbortController();
    try {
      const res = await transport.open({ method: 'GET', path: `${collectionPath}?${q}`, watch: true }, abort.signal);
      const code = res.statusCode ?? 0;
      if (code !== 200) { fail(statusErrorFrom(code, await readAll(res))); return; }
      await consume(res);
    } catch (e) {
      if (stopped) return;
      // A refused or reset connection is retried: the server may be restarting.
      void e;
    }
    if (stopped) return;
    timer = setTimeout(() => { void connect(); }, delay);
    delay = Math.min(delay * 2, RECONNECT_MAX_MS);
  };

  void connect();
  return {
    stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      abort.abort();
    },
  };
}
