// Duplicate keys in a raw JSON body: JSON.parse keeps the last silently, but strict decoding
// (sigs.k8s.io/json, kubernetes_patch.go) reports each as `duplicate field "<path>"`, the path written
// like an unknown field's: parent keys joined by '.', list indices as `[i]`.

/**
 * Paths of every repeated key, in the order the repeats appear (each path once). Given what
 * JSON.parse made of raw, a body without repeats (nearly all) is recognised by counting keys alone.
 */
export function findDuplicateFields(raw: string, parsed?: unknown): string[] {
  if (parsed !== undefined && rawKeyCount(raw) === parsedKeyCount(parsed)) return [];
  const out: string[] = [];
  const seen = new Set<string>();
  let i = 0;
  const ws = () => {
    while (i < raw.length && (raw[i] === ' ' || raw[i] === '\n' || raw[i] === '\r' || raw[i] === '\t')) i++;
  };
  const str = (): string => {
    const start = i++;
    while (i < raw.length && raw[i] !== '"') i += raw[i] === '\\' ? 2 : 1;
    i++;
    try {
      return JSON.parse(raw.slice(start, i)) as string;
    } catch {
      return raw.slice(start + 1, i - 1);
    }
  };
  const value = (path: string): void => {
    ws();
    const c = raw[i];
    if (c === '{') {
      i++;
      const keys = new Set<string>();
      for (;;) {
        ws();
        if (raw[i] !== '"') break; // '}' or malformed: JSON.parse reports the latter
        const key = str();
        const keyPath = path ? `${path}.${key}` : key;
        if (keys.has(key)) {
          if (!seen.has(keyPath) && out.length < MAX_STRICT_ERRORS) out.push(keyPath);
          seen.add(keyPath);
        }
        keys.add(key);
        ws();
        if (raw[i] === ':') i++;
        value(keyPath);
        ws();
        if (raw[i] !== ',') break;
        i++;
      }
      if (raw[i] === '}') i++;
    } else if (c === '[') {
      i++;
      for (let n = 0; ; n++) {
        ws();
        if (raw[i] === ']') break;
        value(`${path}[${n}]`);
        ws();
        if (raw[i] !== ',') break;
        i++;
      }
      if (raw[i] === ']') i++;
    } else if (c === '"') {
      str();
    } else {
      while (i < raw.length && !',}] \n\r\t'.includes(raw[i]!)) i++;
    }
  };
  value('');
  return out;
}

/** As upstream: strict errors stop accumulating at 100 (kubernetes_patch.go saveStrictError). */
export const MAX_STRICT_ERRORS = 100;

/** Keys written in raw JSON: every ':' outside a string. JSON.parse keeps one key per repeat, so
 *  this equals parsedKeyCount exactly when no object repeats a key. */
function rawKeyCount(raw: string): number {
  let n = 0;
  let inString = false;
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x3a) n++;
  }
  return n;
}

function parsedKeyCount(v: unknown): number {
  if (v === null || typeof v !== 'object') return 0;
  let n = 0;
  if (Array.isArray(v)) { for (const x of v) n += parsedKeyCount(x); return n; }
  for (const k in v) { n++; n += parsedKeyCount((v as Record<string, unknown>)[k]); }
  return n;
}
