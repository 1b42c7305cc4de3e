// PATCH bodies applied to an object, as a pure function: the handler reads the live object, calls
// applyPatch, then runs the normal update path (defaults, validation, resourceVersion precondition).
// Upstream: staging/src/k8s.io/apiserver/pkg/endpoints/handlers/patch.go.
import { badRequest, forbiddenField, invalid, required, type FieldError, type StatusError } from '../../api/errors.js';
import { applyConfiguration } from './apply.js';
import { goJsonType, isJsonMap, parseGoJson, type JsonMap } from './go-json.js';
import { applyJsonPatch, applyMergePatch } from './json-patch.js';
import { PATCH_CONTENT_TYPES, unprocessablePatch, unsupportedPatchMediaType } from './patch-errors.js';
import type { PatchContext } from './patch-meta.js';
import { strategicMerge } from './strategic-merge.js';

export type { FieldPatchMeta, PatchContext, PatchMetaSource } from './patch-meta.js';
export { PATCH_CONTENT_TYPES, unsupportedPatchMediaType } from './patch-errors.js';

export type PatchType = (typeof PATCH_CONTENT_TYPES)[number];

/** The patch type of a Content-Type header: parameters (`; charset=utf-8`) are cut, the rest must match exactly. */
export function patchTypeOf(contentType: string | undefined): PatchType | undefined {
  let ct = contentType ?? '';
  const semi = ct.indexOf(';');
  if (semi > 0) ct = ct.slice(0, semi);
  return (PATCH_CONTENT_TYPES as readonly string[]).includes(ct) ? (ct as PatchType) : undefined;
}

export const isPatchContentType = (contentType: string | undefined) => patchTypeOf(contentType) !== undefined;

/** Server-side apply creates a missing object (forceAllowCreate); the other patch types answer 404. */
export const createsWhenMissing = (contentType: string | undefined) => patchTypeOf(contentType) === 'application/apply-patch+yaml';

/**
 * The patched object. `original` is the live object (for apply on a missing object, `{}`); it is not
 * modified. Throws StatusError: 415 for an unknown content type, 400 for an undecodable body, 422 for a JSON
 * patch that does not apply, 413 for too many JSON patch operations.
 */
export function applyPatch(contentType: string | undefined, original: object, patchBody: string, ctx: PatchContext): JsonMap {
  const live = original as JsonMap;
  let result: unknown;
  switch (patchTypeOf(contentType)) {
    case 'application/json-patch+json':
      result = applyJsonPatch(live, patchBody);
      break;
    case 'application/merge-patch+json':
      result = applyMergePatch(live, patchBody);
      break;
    case 'application/strategic-merge-patch+json':
      result = strategicMerge(live, decodeStrategicPatch(patchBody), ctx);
      break;
    case 'application/apply-patch+yaml':
      result = applyConfiguration(live, patchBody, ctx);
      break;
    default:
      throw unsupportedPatchMediaType();
  }
  // Upstream fails decoding a non-object result into the kind; a fixed 422 stands in for that.
  if (!isJsonMap(result)) throw unprocessablePatch();
  return result;
}

// strategicPatchObject: the body must decode into map[string]interface{} (null decodes to an empty patch).
function decodeStrategicPatch(body: string): JsonMap {
  let patch: unknown;
  try {
    patch = parseGoJson(body);
  } catch (e) {
    throw badRequest((e as Error).message);
  }
  if (patch === null) return {};
  if (!isJsonMap(patch)) throw badRequest(`json: cannot unmarshal ${goJsonType(patch)} into Go value of type map[string]interface {}`);
  return patch;
}

/**
 * validation.ValidatePatchOptions (apimachinery pkg/apis/meta/v1/validation): apply needs a field manager,
 * `force` belongs to apply only. Returns the 422 to send, if any.
 */
export function validatePatchOptions(contentType: string | undefined, opts: { fieldManager?: string; force?: boolean | string }): StatusError | undefined {
  const errs: FieldError[] = [];
  if (createsWhenMissing(contentType)) {
    if (!opts.fieldManager) errs.push(required('fieldManager', 'is required for apply patch'));
  } else if (opts.force !== undefined) {
    errs.push(forbiddenField('force', 'may not be specified for non-apply patch'));
  }
  return errs.length ? invalid({ group: 'meta.k8s.io', kind: 'PatchOptions' }, '', errs) : undefined;
}
