// Turns a write request's body into an object of the URL's kind: decodes JSON/YAML/protobuf, checks
// apiVersion/kind, and applies field validation (Strict | Warn | Ignore) for unknown and duplicate
// fields and wrong types, as apiserver's strict decoding does.
import { badRequest } from '../../api/errors.js';
import { gvString, type KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { checkFields, decodeErrorMessage, findDuplicateFields, strictDecodingMessage, strictErrorStrings } from '../../api/schema/index.js';
import { decodeText, mediaKind, readBody } from '../http/body.js';
import type { ResourceRequest } from './context.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function fieldValidation(url: URL): FieldValidation {
  const v = url.searchParams.get('fieldValidation') ?? 'Warn';
  if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') {
    throw badRequest(`fieldValidation invalid value: ${v}, valid values are "Ignore", "Warn", or "Strict"`);
  }
  return v;
}

/**
 * apiVersion/kind in the body must be the URL's (either may be omitted). Wording as apiserver's
 * create handler and versioning decoder give it.
 */
function checkTypeMeta(r: ResourceRequest, def: KindDef, obj: Record<string, unknown>): void {
  const want = gvString(def);
  const apiVersion = typeof obj.apiVersion === 'string' ? obj.apiVersion : want;
  const kind = typeof obj.kind === 'string' ? obj.kind : def.kind;
  if (apiVersion !== want) {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') as [string, string] : ['', apiVersion];
    if (r.ctx.discovery.servesGroupVersion(group, version)) {
      throw badRequest(`the API version in the data (${apiVersion}) does not match the expected API version (${want})`);
    }
    throw badRequest(`${kind} in version "${version}" cannot be handled as a ${def.kind}: no kind "${kind}" is registered for version "${apiVersion}" in scheme "pkg/api/legacyscheme/scheme.go:30"`);
  }
  if (kind !== def.kind) {
    const internal = (k: string) => `${def.group ? def.group.split('.')[0] : 'core'}.${k}`;
    throw badRequest(`${kind} in version "${def.version}" cannot be handled as a ${def.kind}: converting (${def.version}.${kind}) to (${internal(def.kind)}): unknown conversion`);
  }
}

export interface Decoded { obj: KObject; warnings: string[] }

/** Validates an already-parsed object (also used after a patch is applied). */
export function checkDecoded(def: KindDef, obj: Record<string, unknown>, validation: FieldValidation, duplicates: string[] = []): string[] {
  const label = def.kind;
  const { unknown, typeErrors } = checkFields(def.model, obj, { kindLabel: label });
  if (typeErrors.length) throw badRequest(decodeErrorMessage(label, def.version, typeErrors[0]!));
  if (validation === 'Ignore') return [];
  if (validation === 'Strict' && (unknown.length || duplicates.length)) {
    throw badRequest(strictDecodingMessage(label, def.version, unknown, duplicates));
  }
  return strictErrorStrings(unknown, duplicates);
}

export async function decodeObject(r: ResourceRequest, def: KindDef = r.def): Promise<Decoded> {
  const validation = fieldValidation(r.url);
  const buf = await readBody(r.req);
  const media = mediaKind(r.req.headers['content-type']);
  let obj: Record<string, unknown>;
  let duplicates: string[] = [];
  if (media === 'protobuf') {
    // protobufjs and the schema load on the first protobuf body only.
    const { decodeProtobufObject } = await import('../protobuf/index.js');
    try { obj = decodeProtobufObject(buf); } catch (e) { throw badRequest(`the object provided is unrecognized (must be of type ${def.kind}): ${(e as Error).message}`); }
  } else {
    const d = decodeText(buf, media, def.kind);
    obj = d.obj;
    if (media === 'json' && validation !== 'Ignore') duplicates = findDuplicateFields(d.text, d.obj);
  }
  checkTypeMeta(r, def, obj);
  const warnings = checkDecoded(def, obj, validation, duplicates);
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  return { obj: obj as KObject, warnings };
}
