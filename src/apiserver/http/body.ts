// Reads and decodes request bodies (JSON, YAML, Kubernetes protobuf) with apiserver's limits:
// 3 MiB per request and bounded nesting, answering malformed input with a 400 Status.
import type { IncomingMessage } from 'node:http';
import { parseYaml } from '../../util/yaml.js';
import { badRequest, requestEntityTooLarge, unsupportedMediaType } from '../../api/errors.js';

export const MAX_REQUEST_BYTES = 3 * 1024 * 1024; // as apiserver's MaxRequestBodyBytes
export const MAX_DEPTH = 10_000; // as sigs.k8s.io/json's nesting limit

export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? 0);
    if (declared > MAX_REQUEST_BYTES) { req.resume(); reject(requestEntityTooLarge(`limit is ${MAX_REQUEST_BYTES}`)); return; }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_REQUEST_BYTES) { chunks.length = 0; req.destroy(); reject(requestEntityTooLarge(`limit is ${MAX_REQUEST_BYTES}`)); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** Deepest nesting of objects/arrays in a JSON text, ignoring brackets inside strings. */
export function jsonDepth(text: string): number {
  let depth = 0, max = 0, inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 92) i++; // backslash escapes the next character
      else if (c === 34) inString = false;
    } else if (c === 34) inString = true;
    else if (c === 123 || c === 91) { if (++depth > max) max = depth; }
    else if (c === 125 || c === 93) depth--;
  }
  return max;
}

/** Go's encoding/json wording for a JSON.parse failure. */
function goJsonError(text: string, err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  const m = /position (\d+)/.exec(msg);
  // V8 reports a truncated document as "Expected ',' or '}' ... at position <length>": Go sees EOF.
  if (/end of (JSON )?input|Unterminated string/i.test(msg) || (m && Number(m[1]) >= text.trimEnd().length)) return 'unexpected end of JSON input';
  const ch = m ? text[Number(m[1])] : undefined;
  return ch ? `invalid character '${ch}' looking for beginning of value` : msg;
}

export type MediaKind = 'json' | 'yaml' | 'protobuf';

export function mediaKind(contentType: string | undefined): MediaKind {
  const t = (contentType ?? 'application/json').split(';')[0]!.trim().toLowerCase();
  if (t === 'application/json' || t === '' || t === '*/*') return 'json';
  if (t === 'application/yaml' || t === 'application/x-yaml' || t === 'text/yaml') return 'yaml';
  if (t === 'application/vnd.kubernetes.protobuf') return 'protobuf';
  throw unsupportedMediaType(t);
}

/** Decodes a JSON or YAML body into a plain object; `kindLabel` names the expected kind in errors. */
export function decodeText(buf: Buffer, media: 'json' | 'yaml', kindLabel: string): { obj: Record<string, unknown>; text: string } {
  const text = buf.toString('utf8');
  const unrecognized = (why: string) => badRequest(`the object provided is unrecognized (must be of type ${kindLabel}): couldn't get version/kind; ${why}`);
  const preview = text.length > 30 ? `${text.slice(0, 30)} ...` : text;
  if (text.trim() === '') throw unrecognized(`json parse error: unexpected end of JSON input (${preview})`);
  // Each level takes a bracket: a text no longer than the limit cannot pass it (nearly every body).
  if (text.length > MAX_DEPTH && jsonDepth(text) > MAX_DEPTH) throw unrecognized(`json parse error: exceeded max depth (${preview})`);
  let obj: unknown;
  if (media === 'json') {
    try { obj = JSON.parse(text); } catch (e) { throw unrecognized(`json parse error: ${goJsonError(text, e)} (${preview})`); }
  } else {
    try { obj = parseYaml(text, { maxAliasCount: 100 }); } catch (e) { throw unrecognized(`yaml parse error: ${(e as Error).message.split('\n')[0]}`); }
  }
  if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) {
    throw unrecognized(`json parse error: json: cannot unmarshal ${Array.isArray(obj) ? 'array' : typeof obj} into Go value of type struct { APIVersion string "json:\\"apiVersion,omitempty\\""; Kind string "json:\\"kind,omitempty\\"" }`);
  }
  return { obj: obj as Record<string, unknown>, text: media === 'json' ? text : JSON.stringify(obj) };
}
