// The Status errors a PATCH can fail with before validation, as staging/src/k8s.io/apiserver/pkg/
// endpoints/handlers/patch.go produces them (and the mergepatch package's error texts).
import { badRequest, StatusError } from '../../api/errors.js';
import { goKind, goSprint } from './go-json.js';

/** mergepatch/errors.go sentinel texts. */
export const smpErrors = {
  badJSONDoc: 'invalid JSON document',
  noListOfLists: 'lists of lists are not supported',
  badPatchFormatForPrimitiveList: 'invalid patch format of primitive list',
  badPatchFormatForRetainKeys: 'invalid patch format of retainKeys',
  badPatchFormatForSetElementOrderList: 'invalid patch format of setElementOrder list',
  unsupportedStrategicMergePatchFormat: 'strategic merge patch format is not supported',
} as const;

/**
 * errors.NewGenericServerResponse(422, ...) with no resource: the fixed message replaces the cause (a failed
 * JSON patch `test`, a list of lists), and details is an empty object.
 */
export function unprocessablePatch(): StatusError {
  return new StatusError(422, 'Invalid', 'the server rejected our request due to an error in our request', {});
}

/**
 * A plain Go error reaching the handler: ErrorToAPIStatus answers 500 with reason Unknown (""), keeping the
 * text. Only malformed strategic patches that kubectl never sends end up here.
 */
export function unknownPatchError(message: string): StatusError {
  return new StatusError(500, '', message);
}

/** interpretStrategicMergePatchError for the sentinel errors that are the client's fault. */
export const smpBadRequest = (message: string) => badRequest(message);

export const errNoMergeKey = (m: unknown, key: string) => unknownPatchError(`map: ${goSprint(m)} does not contain declared merge key: ${key}`);
export const errBadArgType = (expected: string, actual: unknown) => unknownPatchError(`expected a ${expected}, but received a ${goKind(actual)}`);
export const errBadPatchType = (t: unknown, m: unknown) => unknownPatchError(`unknown patch type: ${goSprint(t)} in map: ${goSprint(m)}`);

/** The PATCH content types a built-in resource accepts, in installer.go's order. */
export const PATCH_CONTENT_TYPES = [
  'application/json-patch+json',
  'application/merge-patch+json',
  'application/strategic-merge-patch+json',
  'application/apply-patch+yaml',
] as const;

/** negotiation.NewUnsupportedMediaTypeError(patchTypes): a 415 listing the accepted patch types, no details. */
export function unsupportedPatchMediaType(): StatusError {
  return new StatusError(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: ${PATCH_CONTENT_TYPES.join(', ')}`);
}
