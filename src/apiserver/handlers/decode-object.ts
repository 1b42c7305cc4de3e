// Turns a write request's body into an object of the URL's kind: decodes JSON/YAML/protobuf, checks
// apiVersion/kind, and applies field validation (Strict | Warn | Ignore) for unknown and duplicate
// fields and wrong types, as apiserver's strict decoding does.
import { badRequest } from '../../api/errors.js';
import { gvString, type KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { checkFields, decodeErrorMessage, findDuplicateFields, strictDecodingMessage, strictErrorStrings } from '../../api/schema/index.js';
import { decodeText, mediaKind, readBody } from '../http/body.js';
import { decodeProtobufObject } from '../protobuf/index.js';
import type { ResourceRequest } from './context.js';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

export function fieldValidation(url: URL): FieldValidation {
  const v = url.searchParams.get('fieldValidation') ?? 'Warn';
  if (v !== 'Strict' && v !== 'Warn' && v !== 'Ignore') {
    throw badRequest(`fieldValidation invalid value: ${v}, valid values are "Ignore", "Warn", or "Strict"`);
  }
  return v;
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
    try { obj = decodeProtobufObject(buf); } catch (e) { throw badRequest(`the object provided is unrecognized (must be of type ${def.kind}): ${(e as Error).message}`); }
  } else {
    const d = decodeText(buf, media, def.kind);
    obj = d.obj;
    if (media === 'json' && validation !== 'Ignore') duplicates = findDuplicateFields(d.text);
  }
  const want = gvString(def);
  if (obj.apiVersion !== undefined && obj.apiVersion !== want) {
    throw badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${want})`);
  }
  if (obj.kind !== undefined && obj.kind !== def.kind) {
    throw badRequest(`the object provided is unrecognized (must be of type ${def.kind}): no kind "${String(obj.kind)}" is registered for version "${want}" in scheme`);
  }
  const warnings = checkDecoded(def, obj, validation, duplicates);
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  return { obj: obj as KObject, warnings };
}
