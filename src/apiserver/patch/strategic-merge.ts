// Strategic merge patch (application/strategic-merge-patch+json), applying a patch the way
// apimachinery's pkg/util/strategicpatch/patch.go StrategicMergeMapPatch does on the server
// (MergeParallelList and IgnoreUnmatchedNulls on): maps merge key by key, null deletes, lists with a
// `merge` strategy merge by their merge key (or union, for primitives), other lists are replaced, and the
// directives kubectl sends are honoured: `$patch: replace|delete` on a map, `$retainKeys`,
// `$setElementOrder/<list>` and `$deleteFromPrimitiveList/<list>`.
import { goKind, isJsonMap, type JsonMap } from './go-json.js';
import { errBadArgType, errBadPatchType, smpBadRequest, smpErrors, unknownPatchError } from './patch-errors.js';
import { resolveField, type PatchContext, type SchemaCursor } from './patch-meta.js';
import { mergeSlice, normalizeElementOrder, partition, sliceElementKind } from './strategic-list.js';
import { stripDirectives } from './strip-directives.js';

const SET_ORDER = '$setElementOrder';
const DELETE_FROM = '$deleteFromPrimitiveList';
const has = (o: object, k: string) => Object.prototype.hasOwnProperty.call(o, k);

/** Applies `patch` to `original` (neither is modified) and returns the patched object. */
export function strategicMerge(original: JsonMap, patch: JsonMap, ctx: PatchContext): JsonMap {
  return mergeMap(structuredClone(original), structuredClone(patch), { model: ctx.model, meta: ctx.meta });
}

// mergeMap: works on private copies, mutating them as upstream does.
function mergeMap(original: JsonMap, patch: JsonMap, at: SchemaCursor): JsonMap {
  if (has(patch, '$patch')) {
    const directive = patch.$patch;
    if (directive === 'replace') return stripDirectives(patch) as JsonMap;
    if (directive === 'delete') return {};
    throw errBadPatchType(directive, patch);
  }
  applyRetainKeys(original, patch);
  mergeSetElementOrder(original, patch, at);

  // Deletion lists go after the additions for the same list (upstream's map order is random; kubectl never
  // sends the same item in both).
  const keys = Object.keys(patch).sort((a, b) => Number(a.startsWith(DELETE_FROM)) - Number(b.startsWith(DELETE_FROM)));
  for (let k of keys) {
    const patchV = patch[k];
    let isDeleteList = false;
    if (k.startsWith(DELETE_FROM)) {
      k = extractKey(k, DELETE_FROM, smpErrors.badPatchFormatForPrimitiveList);
      isDeleteList = true;
    }
    if (patchV === null) {
      delete original[k];
      continue;
    }
    if (!has(original, k)) {
      // Upstream would store the deletion list itself as the field; deleting from nothing is a no-op.
      if (isDeleteList) continue;
      const v = stripDirectives(patchV);
      if (v !== undefined) original[k] = v;
      continue;
    }
    const current = original[k];
    if (goKind(current) !== goKind(patchV)) {
      const v = stripDirectives(patchV);
      if (v === undefined) delete original[k];
      else original[k] = v;
      continue;
    }
    const field = resolveField(at, k);
    if (isJsonMap(current) && isJsonMap(patchV)) {
      original[k] = field.strategy === 'replace' ? (stripDirectives(patchV) as JsonMap) : mergeMap(current, patchV, field.child);
    } else if (Array.isArray(current) && Array.isArray(patchV)) {
      original[k] = field.strategy === 'merge'
        ? mergeSlice(current, patchV, field.mergeKey, isDeleteList, (o, p) => mergeMap(o, p, field.child))
        : stripDirectives(patchV);
    } else {
      original[k] = patchV;
    }
  }
  return original;
}

function extractKey(key: string, prefix: string, badFormat: string): string {
  const slash = key.indexOf('/');
  if (slash < 0 || key.slice(0, slash) !== prefix) throw smpBadRequest(badFormat);
  return key.slice(slash + 1);
}

// applyRetainKeysDirective: every non-null patch field must be listed; live fields not listed are cleared.
function applyRetainKeys(original: JsonMap, patch: JsonMap): void {
  if (!has(patch, '$retainKeys')) return;
  const list = patch.$retainKeys;
  delete patch.$retainKeys;
  if (!Array.isArray(list)) throw smpBadRequest(smpErrors.badPatchFormatForRetainKeys);
  const keep = new Set<unknown>(list);
  for (const [k, v] of Object.entries(patch)) {
    if (v === null || k.startsWith(DELETE_FROM) || k.startsWith(SET_ORDER)) continue;
    if (!keep.has(k)) throw smpBadRequest(smpErrors.badPatchFormatForRetainKeys);
  }
  for (const k of Object.keys(original)) if (!keep.has(k)) delete original[k];
}

// mergePatchIntoOriginal: merges each list that has a `$setElementOrder/<list>` and puts it in that order
// (precedence: $setElementOrder, then patch order, then live order); both keys then leave the patch.
function mergeSetElementOrder(original: JsonMap, patch: JsonMap, at: SchemaCursor): void {
  for (const key of Object.keys(patch)) {
    if (!key.startsWith(SET_ORDER)) continue;
    const order = patch[key];
    delete patch[key];
    if (!Array.isArray(order)) throw errBadArgType('slice', order);
    const k = extractKey(key, SET_ORDER, smpErrors.badPatchFormatForSetElementOrderList);
    const foundOriginal = has(original, k);
    const foundPatch = has(patch, k);
    const originalList = foundOriginal ? original[k] : [];
    const patchList = foundPatch ? patch[k] : [];
    if (!Array.isArray(originalList)) throw errBadArgType('slice', originalList);
    if (!Array.isArray(patchList)) throw errBadArgType('slice', patchList);
    const field = resolveField(at, k);
    validateAgainstOrder(patchList, order, field.mergeKey);
    if (!foundOriginal && !foundPatch) continue;
    let merged: unknown[];
    if (!foundPatch) merged = originalList;
    else if (!foundOriginal) merged = patchList;
    else merged = field.strategy === 'merge'
      ? mergeSlice(originalList, patchList, field.mergeKey, false, (o, p) => mergeMap(o, p, field.child))
      : patchList;
    const [patchItems, serverOnly] = partition(merged, order, field.mergeKey);
    const kind = sliceElementKind(originalList, patchList);
    original[k] = stripDirectives(normalizeElementOrder(patchItems, serverOnly, order, originalList, field.mergeKey, kind));
    delete patch[k];
  }
}

// validatePatchWithSetOrderList: patch items (deletions aside) must appear in $setElementOrder in the same order.
function validateAgainstOrder(patchList: unknown[], order: unknown[], mergeKey: string): void {
  if (order.length === 0 || patchList.length === 0) return;
  const items = mergeKey ? patchList.filter((v) => !(isJsonMap(v) && v.$patch === 'delete')) : patchList;
  const keyOf = (v: unknown) => (mergeKey ? (isJsonMap(v) ? v[mergeKey] : undefined) : v);
  let p = 0;
  let o = 0;
  while (p < items.length && o < order.length) {
    if (isJsonMap(items[p]) && has(items[p] as JsonMap, '$patch')) {
      p++;
      continue;
    }
    if (keyOf(items[p]) === keyOf(order[o])) p++;
    o++;
  }
  if (p < items.length) {
    throw unknownPatchError(`The order in patch list:\n${JSON.stringify(patchList)}\n doesn't match ${SET_ORDER} list:\n${JSON.stringify(order)}\n`);
  }
}
