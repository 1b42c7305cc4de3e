// application/json-patch+json (RFC 6902) and application/merge-patch+json (RFC 7386), with the errors of
// the apiserver's jsonPatcher.applyJSPatch (handlers/patch.go), which uses evanphx/json-patch v4.
import fastJsonPatch from 'fast-json-patch';
import type { Operation } from 'fast-json-patch';
import { badRequest, requestEntityTooLarge } from '../../api/errors.js';
import { goJsonType, isJsonMap, parseGoJson, type JsonMap } from './go-json.js';
import { unprocessablePatch } from './patch-errors.js';
import { pruneNulls } from './strip-directives.js';

/** maxJSONPatchOperations, as upstream: bounds the work one request can ask for. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

/**
 * Decoding problems are 400s (jsonpatch.DecodePatch); anything failing while applying (a `test` that does
 * not hold, a missing path, an unknown op) is a 422 whose message is fixed and says nothing more.
 */
export function applyJsonPatch(original: JsonMap, body: string): unknown {
  let ops: unknown;
  try {
    ops = parseGoJson(body);
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  if (ops === null) ops = [];
  if (!Array.isArray(ops)) throw badRequest(`json: cannot unmarshal ${goJsonType(ops)} into Go value of type jsonpatch.Patch`);
  for (const op of ops) {
    if (!isJsonMap(op) && op !== null) throw badRequest(`json: cannot unmarshal ${goJsonType(op)} into Go value of type jsonpatch.Operation`);
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw requestEntityTooLarge(`The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`);
  }
  try {
    return fastJsonPatch.applyPatch(structuredClone(original), ops as Operation[], true, true).newDocument;
  } catch {
    throw unprocessablePatch();
  }
}

/**
 * RFC 7386 as evanphx's MergePatch does it: null deletes, maps merge, anything else replaces (with nulls
 * pruned from inserted maps). A body that is not a JSON object is `Invalid JSON Patch` (400); upstream
 * lets a top-level array through to fail decoding later, we reject it here.
 */
export function applyMergePatch(original: JsonMap, body: string): JsonMap {
  let patch: unknown;
  try {
    patch = JSON.parse(body);
  } catch {
    throw badRequest('Invalid JSON Patch');
  }
  if (!isJsonMap(patch)) throw badRequest('Invalid JSON Patch');
  return mergeDocs(structuredClone(original), patch);
}

function mergeDocs(doc: JsonMap, patch: JsonMap): JsonMap {
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete doc[k];
    else if (isJsonMap(v) && isJsonMap(doc[k])) doc[k] = mergeDocs(doc[k] as JsonMap, v);
    else doc[k] = pruneNulls(v);
  }
  return doc;
}
