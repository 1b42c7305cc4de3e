// How objects are stored and read back: JSON that always begins `{"apiVersion":…,"kind":…,"metadata":{`
// without the resourceVersion (the store's revision is it), Go's omitempty for metadata collections,
// and answers spliced from the stored bytes where nothing needs the object itself.
import { gvString, type KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import type { KeyValue } from '../../store/store.js';

/** The object a stored value holds, as `def` serves it (converted when def is stored as another kind). */
export function decodeKV(kv: KeyValue, def?: KindDef): KObject {
  const obj = JSON.parse(kv.value) as KObject;
  obj.metadata.resourceVersion = String(kv.modRevision);
  return def?.storedAs ? def.storedAs.fromStorage(obj) : obj;
}

/** A write's answer as an object. */
export function decodeWritten(w: Written, def: KindDef): KObject {
  return 'kv' in w ? decodeKV(w.kv, def) : w.obj;
}

const OMITEMPTY_META = ['labels', 'annotations', 'ownerReferences', 'finalizers', 'managedFields'] as const;

/**
 * ObjectMeta's collections are `omitempty` in Go: a write that empties one (a released pod's last owner
 * reference, a removed finalizer) leaves no `[]` or `{}` behind, as a real server's answers show.
 */
function dropEmptyMetadata(meta: KObject['metadata']): void {
  const m = meta as Record<string, unknown>;
  for (const k of OMITEMPTY_META) {
    const v = m[k];
    if (v !== undefined && (v === null || (Array.isArray(v) ? v.length === 0 : typeof v === 'object' && Object.keys(v as object).length === 0))) delete m[k];
  }
}

/**
 * Stored JSON always begins `{"apiVersion":…,"kind":…,"metadata":{`, so a plain list can be answered
 * by splicing stored values (see rawListItem) instead of parsing and re-serialising each object.
 */
export function encode(def: KindDef, obj: KObject): string {
  dropEmptyMetadata(obj.metadata);
  const stored = def.storedAs ? def.storedAs.toStorage(obj) : obj;
  const { resourceVersion: _rv, ...meta } = stored.metadata;
  const { apiVersion, kind, metadata: _m, ...rest } = stored;
  return JSON.stringify({ apiVersion, kind, metadata: meta, ...rest });
}

/**
 * Where a stored value's metadata begins: stored JSON is `{"apiVersion":…,"kind":…,"metadata":{…`,
 * so it can be answered by splicing in the resourceVersion instead of parsing and re-serialising it.
 * Undefined when the value is not in that shape (or is converted on the way out): decode it then.
 */
function metadataStart(def: KindDef, kv: KeyValue): number | undefined {
  if (def.storedAs) return undefined;
  const head = `{"apiVersion":"${gvString(def)}","kind":"${def.kind}","metadata":{`;
  if (!kv.value.startsWith(head) || kv.value.charCodeAt(head.length) === 125 /* } */) return undefined;
  return head.length;
}

/** A stored value as a list item (no apiVersion/kind, resourceVersion set) without parsing it. */
export function rawListItem(def: KindDef, kv: KeyValue): string | undefined {
  const at = metadataStart(def, kv);
  return at === undefined ? undefined : `{"metadata":{"resourceVersion":"${kv.modRevision}",${kv.value.slice(at)}`;
}

/**
 * A stored value as the whole object with its resourceVersion, without parsing it (what a write and
 * a watch event send): the decoded object's JSON, but for where resourceVersion sits in metadata.
 */
export function rawObjectJson(def: KindDef, kv: KeyValue): string | undefined {
  const at = metadataStart(def, kv);
  return at === undefined ? undefined : `${kv.value.slice(0, at)}"resourceVersion":"${kv.modRevision}",${kv.value.slice(at)}`;
}

/** What a write answers: the stored version, or an object that was not stored (dry run, no-op, finalized). */
export type Written = { kv: KeyValue } | { obj: KObject };
