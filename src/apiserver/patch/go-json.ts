// Go-flavoured JSON helpers for patch errors: parse failures worded as encoding/json words them, Go type
// names for "cannot unmarshal" messages, and fmt's %v rendering of decoded JSON values (map[k:v] [a b]).

export type JsonMap = Record<string, unknown>;

export const isJsonMap = (v: unknown): v is JsonMap => typeof v === 'object' && v !== null && !Array.isArray(v);

/** JSON.parse whose errors read like encoding/json's SyntaxError messages (best effort: V8 words them differently). */
export function parseGoJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (e) {
    throw new Error(goSyntaxMessage(text, (e as Error).message));
  }
}

function goSyntaxMessage(text: string, v8: string): string {
  if (text.trim() === '' || /end of JSON input|Unterminated string/.test(v8)) return 'unexpected end of JSON input';
  const at = /at position (\d+)/.exec(v8);
  const tok = /Unexpected token '(.)'/.exec(v8);
  const ch = at ? text[Number(at[1])] : tok ? tok[1] : text.trim()[0];
  if (ch === undefined) return 'unexpected end of JSON input';
  let context = 'looking for beginning of value';
  if (/property name/.test(v8)) context = 'looking for beginning of object key string';
  else if (/after JSON/.test(v8)) context = 'after top-level value';
  else if (/after property value/.test(v8)) context = 'after object key:value pair';
  else if (/after array element/.test(v8)) context = 'after array element';
  else if (/after property name/.test(v8)) context = 'after object key';
  else if (/control character/.test(v8)) context = 'in string literal';
  return `invalid character ${goQuoteChar(ch)} ${context}`;
}

// encoding/json's quoteChar.
function goQuoteChar(c: string): string {
  if (c === "'") return `'\\''`;
  if (c === '"') return `'"'`;
  const q = JSON.stringify(c);
  return `'${q.slice(1, -1)}'`;
}

/** The JSON kind as encoding/json's UnmarshalTypeError names it. */
export function goJsonType(v: unknown): string {
  if (Array.isArray(v)) return 'array';
  if (v === null) return 'null';
  switch (typeof v) {
    case 'string': return 'string';
    case 'number': return 'number';
    case 'boolean': return 'bool';
    default: return 'object';
  }
}

/** reflect Kind of a decoded JSON value, for strategicpatch's type comparisons and messages. */
export function goKind(v: unknown): 'map' | 'slice' | 'string' | 'float64' | 'bool' | 'nil' {
  if (Array.isArray(v)) return 'slice';
  if (v === null || v === undefined) return 'nil';
  if (typeof v === 'string') return 'string';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'boolean') return 'bool';
  return 'map';
}

/** fmt %v of a decoded JSON value: maps sorted by key as `map[a:1 b:x]`, slices as `[a b]`, nil as `<nil>`. */
export function goSprint(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (Array.isArray(v)) return `[${v.map(goSprint).join(' ')}]`;
  if (isJsonMap(v)) {
    const keys = Object.keys(v).sort();
    return `map[${keys.map((k) => `${k}:${goSprint(v[k])}`).join(' ')}]`;
  }
  return String(v);
}
