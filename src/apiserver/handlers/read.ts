// GET of one object and LIST of a collection, as JSON or as a Table for `kubectl get`.
import { gone } from '../../api/errors.js';
import { gvString } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { sendJSON } from '../http/respond.js';
import { tableVersion } from '../http/negotiate.js';
import { resourcePrefix } from '../registry/keys.js';
import { rawListItem } from '../registry/stored-form.js';
import { parseIncludeObject, toTable } from '../table.js';
import { encodeContinue, decodeContinue } from './continue-token.js';
import type { ResourceRequest } from './context.js';
import { selectionFrom } from './selection.js';

export async function getObject(r: ResourceRequest): Promise<void> {
  const obj = await r.ctx.registry.get(r.def, r.path.namespace, r.path.name!);
  const tv = tableVersion(r.accept);
  if (tv) {
    const table = toTable(r.def, [obj], r.ctx.clock.now(), { version: tv, includeObject: parseIncludeObject(r.url.searchParams.get('includeObject')), resourceVersion: obj.metadata.resourceVersion });
    sendJSON(r.res, 200, table);
    return;
  }
  sendJSON(r.res, 200, obj);
}

const PAGE = 500;

export interface ListPage { items: KObject[]; revision: number; continueToken?: string; remainingItemCount?: number }

/** Reads a collection page by page from the store, filtering by selectors, up to `limit` matches. */
export async function listObjects(r: ResourceRequest): Promise<ListPage> {
  const { registry } = r.ctx;
  const sel = selectionFrom(r.def, r.url);
  const q = r.url.searchParams;
  const limit = Math.max(0, Number.parseInt(q.get('limit') ?? '0', 10) || 0);
  const token = q.get('continue');
  const rvParam = q.get('resourceVersion');
  const current = registry.store.revision();
  if (q.get('resourceVersionMatch') === 'Exact' && rvParam && Number(rvParam) < current) {
    throw gone('The resourceVersion for the provided list is too old.');
  }
  const prefix = resourcePrefix(r.def, r.path.namespace);
  const state = token ? decodeContinue(token) : undefined;
  let startKey = state?.start ? prefix + state.start : undefined;
  const items: KObject[] = [];
  let revision = state?.rv ?? current;
  for (;;) {
    const want = limit ? Math.max(limit - items.length, sel.everything ? 0 : PAGE) : 0;
    const page = await registry.list(r.def, r.path.namespace, { startKey, limit: want || undefined });
    if (!state) revision = page.revision;
    for (let i = 0; i < page.items.length; i++) {
      const obj = page.items[i]!;
      if (!sel.matches(obj)) continue;
      items.push(obj);
      if (limit && items.length === limit) {
        const lastKey = page.items.length > i + 1 || page.more ? prefix + keySuffix(r, obj) : undefined;
        if (!lastKey) return { items, revision };
        const start = keySuffix(r, obj) + '\u0000';
        const remaining = sel.everything ? await registry.store.count(prefix, prefix + start) : undefined;
        return { items, revision, continueToken: encodeContinue(revision, start), remainingItemCount: remaining };
      }
    }
    if (!page.more || !page.lastKey) return { items, revision };
    startKey = page.lastKey + '\u0000';
  }
}

function keySuffix(r: ResourceRequest, obj: KObject): string {
  return r.def.namespaced && !r.path.namespace ? `${obj.metadata.namespace}/${obj.metadata.name}` : obj.metadata.name!;
}

/** A whole unfiltered collection as JSON, spliced from stored values: the common `list` of a client cache. */
async function plainList(r: ResourceRequest): Promise<boolean> {
  const q = r.url.searchParams;
  if (q.get('labelSelector') || q.get('fieldSelector') || q.get('limit') || q.get('continue') || q.get('resourceVersionMatch')) return false;
  const res = await r.ctx.registry.listRaw(r.def, r.path.namespace);
  const parts: string[] = [];
  for (const kv of res.items) {
    const raw = rawListItem(r.def, kv);
    if (raw === undefined) return false;
    parts.push(raw);
  }
  const body = `{"kind":"${r.def.listKind}","apiVersion":"${gvString(r.def)}","metadata":{"resourceVersion":"${res.revision}"},"items":[${parts.join(',')}]}`;
  sendJSON(r.res, 200, body);
  return true;
}

export async function listCollection(r: ResourceRequest): Promise<void> {
  const tv = tableVersion(r.accept);
  if (!tv && await plainList(r)) return;
  const page = await listObjects(r);
  const rv = String(page.revision);
  if (tv) {
    sendJSON(r.res, 200, toTable(r.def, page.items, r.ctx.clock.now(), {
      version: tv, includeObject: parseIncludeObject(r.url.searchParams.get('includeObject')), resourceVersion: rv,
      continueToken: page.continueToken, remainingItemCount: page.remainingItemCount,
    }));
    return;
  }
  const metadata: Record<string, unknown> = { resourceVersion: rv };
  if (page.continueToken) metadata.continue = page.continueToken;
  if (page.remainingItemCount !== undefined) metadata.remainingItemCount = page.remainingItemCount;
  // List items carry no apiVersion/kind of their own, as the list's JSON from kube-apiserver.
  const items = page.items.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  sendJSON(r.res, 200, { kind: r.def.listKind, apiVersion: gvString(r.def), metadata, items });
}
