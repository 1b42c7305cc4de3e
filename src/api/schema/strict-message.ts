// The words strict decoding uses. The decoder's error becomes a 400 BadRequest Status
// `<Kind> in version "<v>" cannot be handled as a <Kind>: <err>` (apiserver handlers/rest.go via
// runtime.NewStrictDecodingError in apimachinery/pkg/runtime/error.go: "strict decoding error: " + errs
// joined by ", "). With fieldValidation=Warn each strict error is one `299 - "<err>"` Warning header.
import { MAX_STRICT_ERRORS } from './duplicate-fields.js';

/** Go's strconv.Quote for the printable paths field names make. */
function goQuote(s: string): string {
  return JSON.stringify(s);
}

/**
 * The individual strict errors (`unknown field "spec.x"`, `duplicate field "metadata.name"`), deduplicated
 * and capped like upstream. Upstream keeps them in document order; we list unknown fields first.
 */
export function strictErrorStrings(unknown: string[], duplicates: string[] = []): string[] {
  const all = [...unknown.map((p) => `unknown field ${goQuote(p)}`), ...duplicates.map((p) => `duplicate field ${goQuote(p)}`)];
  return [...new Set(all)].slice(0, MAX_STRICT_ERRORS);
}

/** `Pod in version "v1" cannot be handled as a Pod: strict decoding error: unknown field "spec.x", ...` */
export function strictDecodingMessage(kind: string, version: string, unknown: string[], duplicates: string[] = []): string {
  return decodeErrorMessage(kind, version, `strict decoding error: ${strictErrorStrings(unknown, duplicates).join(', ')}`);
}

/** `<Kind> in version "<v>" cannot be handled as a <Kind>: <detail>`, for type errors too. */
export function decodeErrorMessage(kind: string, version: string, detail: string): string {
  return `${kind} in version ${goQuote(version)} cannot be handled as a ${kind}: ${detail}`;
}
