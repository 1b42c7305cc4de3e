// List merging for strategic merge patch, following apimachinery's pkg/util/strategicpatch/patch.go
// (mergeSlice, mergeSliceWithSpecialElements, normalizeElementOrder, mergeSortedSlice): maps are merged
// by merge key, `$patch: delete|replace` elements act on the list, primitives are unioned, and the
// result keeps server-only items in live order with patched items placed in patch order.
import { goKind, goSprint, isJsonMap, type JsonMap } from './go-json.js';
import { errBadArgType, errBadPatchType, errNoMergeKey, unknownPatchError, unprocessablePatch } from './patch-errors.js';
import { stripDirectives } from './strip-directives.js';

type Kind = ReturnType<typeof goKind>;
/** Merges one patch element into the live element with the same key (mergeMap, bound to the element schema). */
export type MergeElement = (original: JsonMap, patch: JsonMap) => JsonMap;

/** sliceElementType: the one kind every element shares; lists of lists are rejected with a 422. */
export function sliceElementKind(...slices: unknown[][]): Kind | undefined {
  let prev: Kind | undefined;
  for (const s of slices) {
    for (const v of s) {
      const k = goKind(v);
      if (prev === undefined) {
        if (k === 'slice') throw unprocessablePatch();
        prev = k;
      } else if (prev !== k) {
        throw unknownPatchError(`list element types are not identical: ${goSprint(slices)}`);
      }
    }
  }
  return prev;
}

export function mergeSlice(original: unknown[], patch: unknown[], mergeKey: string, isDeleteList: boolean, mergeElement: MergeElement): unknown[] {
  if (original.length === 0 && patch.length === 0) return original;
  const kind = sliceElementKind(original, patch);
  let merged: unknown[];
  if (kind !== 'map') {
    if (isDeleteList) return deleteFromSlice(original, patch);
    merged = [...new Set([...original, ...patch])];
  } else {
    if (!mergeKey) throw unknownPatchError('cannot merge lists without merge key for type struct');
    [original, patch] = mergeSpecialElements(original as JsonMap[], patch as JsonMap[], mergeKey);
    merged = mergePlainElements(original as JsonMap[], patch as JsonMap[], mergeKey, mergeElement);
  }
  const [patchItems, serverOnly] = partition(merged, patch, mergeKey);
  return normalizeElementOrder(patchItems, serverOnly, patch, original, mergeKey, kind);
}

// mergeSliceWithSpecialElements: `$patch: delete` removes by key, `$patch: replace` makes the rest of the
// patch list the whole list.
function mergeSpecialElements(original: JsonMap[], patch: JsonMap[], mergeKey: string): [JsonMap[], JsonMap[]] {
  const plain: JsonMap[] = [];
  let replace = false;
  for (const v of patch) {
    if (!Object.prototype.hasOwnProperty.call(v, '$patch')) {
      plain.push(v);
      continue;
    }
    const directive = v.$patch;
    if (directive === 'delete') {
      if (!Object.prototype.hasOwnProperty.call(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      original = original.filter((o) => !(isJsonMap(o) && Object.prototype.hasOwnProperty.call(o, mergeKey) && o[mergeKey] === v[mergeKey]));
    } else if (directive === 'replace') {
      replace = true;
    } else if (directive === 'merge') {
      throw unknownPatchError('merging lists cannot yet be specified in the patch');
    } else {
      throw errBadPatchType(directive, v);
    }
  }
  return replace ? [plain.map((v) => stripDirectives(v) as JsonMap), []] : [original, plain];
}

// mergeSliceWithoutSpecialElements: merge into the element with the same key, or append.
function mergePlainElements(original: JsonMap[], patch: JsonMap[], mergeKey: string, mergeElement: MergeElement): JsonMap[] {
  const out = [...original];
  for (const v of patch) {
    if (!Object.prototype.hasOwnProperty.call(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
    const i = out.findIndex((o) => o[mergeKey] === v[mergeKey]);
    if (i >= 0) out[i] = mergeElement(out[i], v);
    else out.push(stripDirectives(v) as JsonMap);
  }
  return out;
}

function deleteFromSlice(current: unknown[], toDelete: unknown[]): unknown[] {
  const drop = new Set(toDelete);
  return current.filter((v) => !drop.has(v));
}

const keyOf = (item: unknown, mergeKey: string, kind: Kind | undefined): unknown =>
  kind === 'map' ? (isJsonMap(item) ? item[mergeKey] : null) : item;

function indexIn(list: readonly unknown[], item: unknown, mergeKey: string, kind: Kind | undefined): number {
  const want = keyOf(item, mergeKey, kind);
  return list.findIndex((v) => keyOf(v, mergeKey, kind) === want);
}

/** partitionPrimitivesByPresentInList / partitionMapsByPresentInList: [in `by`, server only]. */
export function partition(items: unknown[], by: unknown[], mergeKey: string): [unknown[], unknown[]] {
  const inBy: unknown[] = [];
  const serverOnly: unknown[] = [];
  for (const v of items) {
    let found: boolean;
    if (!mergeKey) {
      found = by.includes(v);
    } else {
      if (!isJsonMap(v)) throw errBadArgType('map', v);
      if (!Object.prototype.hasOwnProperty.call(v, mergeKey)) throw errNoMergeKey(v, mergeKey);
      found = by.some((b, i) => {
        if (!isJsonMap(b)) throw unknownPatchError(`value for key ${i} is not a map.`);
        return Object.prototype.hasOwnProperty.call(b, mergeKey) && b[mergeKey] === v[mergeKey];
      });
    }
    (found ? inBy : serverOnly).push(v);
  }
  return [inBy, serverOnly];
}

/** normalizeElementOrder: patch items in patch order, server-only items in live order, then interleaved. */
export function normalizeElementOrder(patch: unknown[], serverOnly: unknown[], patchOrder: unknown[], serverOrder: unknown[], mergeKey: string, kind: Kind | undefined): unknown[] {
  const p = normalizeSliceOrder(patch, patchOrder, mergeKey, kind);
  const s = normalizeSliceOrder(serverOnly, serverOrder, mergeKey, kind);
  return mergeSortedSlice(s, p, serverOrder, mergeKey, kind);
}

function normalizeSliceOrder(toSort: unknown[], order: unknown[], mergeKey: string, kind: Kind | undefined): unknown[] {
  let toDelete: unknown[] = [];
  if (kind === 'map') {
    for (const list of [toSort, order]) {
      for (const item of list) {
        if (!isJsonMap(item)) throw errBadArgType('map', item);
        if (!Object.prototype.hasOwnProperty.call(item, mergeKey)) throw errNoMergeKey(item, mergeKey);
      }
    }
    toDelete = toSort.filter((v) => isJsonMap(v) && v.$patch === 'delete');
    toSort = toSort.filter((v) => !(isJsonMap(v) && v.$patch === 'delete'));
  }
  const sorted = [...toSort].sort((a, b) => {
    const ia = indexIn(order, a, mergeKey, kind);
    const ib = indexIn(order, b, mergeKey, kind);
    return ia >= 0 && ib >= 0 ? ia - ib : 0;
  });
  return [...sorted, ...toDelete];
}

// mergeSortedSlice: walk both lists; a server-only item goes first only when the live list shows it
// before the next patch item.
function mergeSortedSlice(left: unknown[], right: unknown[], serverOrder: unknown[], mergeKey: string, kind: Kind | undefined): unknown[] {
  const out: unknown[] = [];
  let i = 0;
  let j = 0;
  while (i < left.length || j < right.length) {
    if (i >= left.length) out.push(right[j++]);
    else if (j >= right.length) out.push(left[i++]);
    else {
      const li = indexIn(serverOrder, left[i], mergeKey, kind);
      const ri = indexIn(serverOrder, right[j], mergeKey, kind);
      if (li >= 0 && ri >= 0 && li < ri) out.push(left[i++]);
      else out.push(right[j++]);
    }
  }
  return out;
}
