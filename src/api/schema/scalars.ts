// Values Go types parse themselves (UnmarshalJSON): a failure there aborts decoding with the type's own
// message, unlike a plain UnmarshalTypeError which encoding/json saves and reports at the end.

const FORMAT_WRONG =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";
const SUFFIX = "unable to parse quantity's suffix";
const SUFFIXES = new Set(['', 'n', 'u', 'm', 'k', 'M', 'G', 'T', 'P', 'E', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei']);

/**
 * Why `text` is not a resource.Quantity, or undefined when it is. Mirrors ParseQuantity and
 * parseQuantityString in k8s.io/apimachinery/pkg/api/resource/quantity.go: number, optional fraction,
 * then a suffix made of [eEinumkKMGTP]* and an optional signed integer; the suffix must be known.
 */
export function quantityError(text: string): string | undefined {
  const s = text.trim();
  if (s === '') return FORMAT_WRONG;
  let pos = s[0] === '-' || s[0] === '+' ? 1 : 0;
  while (pos < s.length && s[pos]! >= '0' && s[pos]! <= '9') pos++;
  if (s[pos] === '.') {
    pos++;
    while (pos < s.length && s[pos]! >= '0' && s[pos]! <= '9') pos++;
  }
  const suffixStart = pos;
  while (pos < s.length && 'eEinumkKMGTP'.includes(s[pos]!)) pos++;
  if (s[pos] === '-' || s[pos] === '+') pos++;
  while (pos < s.length && s[pos]! >= '0' && s[pos]! <= '9') pos++;
  if (pos < s.length) return FORMAT_WRONG;
  const suffix = s.slice(suffixStart);
  if (SUFFIXES.has(suffix) || /^[eE][-+]?\d+$/.test(suffix)) return undefined;
  return SUFFIX;
}

const RFC3339 = '2006-01-02T15:04:05Z07:00';
// The layout's elements as time.Parse walks them: [value pattern, layout text].
const ELEMENTS: Array<[RegExp, string]> = [
  [/^\d{4}/, '2006'],
  [/^-/, '-'],
  [/^\d{2}/, '01'],
  [/^-/, '-'],
  [/^\d{2}/, '02'],
  [/^T/, 'T'],
  [/^\d{2}/, '15'],
  [/^:/, ':'],
  [/^\d{2}/, '04'],
  [/^:/, ':'],
  [/^\d{2}(?:[.,]\d+)?/, '05'],
  [/^(?:Z|[+-]\d{2}:\d{2})$/, 'Z07:00'],
];
const LIMITS: Array<[number, number, number, string]> = [
  // [element index, min, max, Go's range error]
  [2, 1, 12, 'month'],
  [4, 1, 31, 'day'],
  [6, 0, 23, 'hour'],
  [8, 0, 59, 'minute'],
  [10, 0, 59, 'second'],
];

/**
 * Why `value` is not an RFC 3339 time as metav1.Time's UnmarshalJSON parses it (time.Parse with
 * time.RFC3339), in Go's words, or undefined when it parses. Covers the common failures, not every
 * wording of Go's time package.
 */
export function timeError(value: string): string | undefined {
  return wellFormedTime(value) ? undefined : rfc3339Error(value);
}

// The whole layout at once, for the times nearly every request carries (timestamps, conditions):
// a match in range is exactly what the element walk below accepts.
const RFC3339_WHOLE = /^\d{4}-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:[.,]\d+)?(?:Z|[+-]\d{2}:\d{2})$/;

function wellFormedTime(value: string): boolean {
  const m = RFC3339_WHOLE.exec(value);
  if (!m) return false;
  // The groups are LIMITS' elements in its order: month, day, hour, minute, second.
  return LIMITS.every(([, min, max], i) => { const n = Number(m[i + 1]); return n >= min && n <= max; });
}

/** timeError's element walk, which names the failure; exported for the test that compares the two. */
export function rfc3339Error(value: string): string | undefined {
  let rest = value;
  const q = JSON.stringify(value);
  for (let i = 0; i < ELEMENTS.length; i++) {
    const [re, layout] = ELEMENTS[i]!;
    const m = re.exec(rest);
    if (!m) {
      if (i === ELEMENTS.length - 1 && /^(?:Z|[+-]\d{2}:\d{2})/.test(rest)) {
        return `parsing time ${q}: extra text: ${JSON.stringify(rest.replace(/^(?:Z|[+-]\d{2}:\d{2})/, ''))}`;
      }
      return `parsing time ${q} as "${RFC3339}": cannot parse ${JSON.stringify(rest)} as "${layout}"`;
    }
    const limit = LIMITS.find((l) => l[0] === i);
    if (limit) {
      const n = Number.parseInt(m[0], 10);
      if (n < limit[1] || n > limit[2]) return `parsing time ${q}: ${limit[3]} out of range`;
    }
    rest = rest.slice(m[0].length);
  }
  return undefined;
}

const B64 = /^[A-Za-z0-9+/]*$/;

/** Why `value` is not standard padded base64 ([]byte in Go), as encoding/base64's CorruptInputError. */
export function base64Error(value: string): string | undefined {
  // Go's decoder skips \r and \n anywhere.
  const s = value.replace(/[\r\n]/g, '');
  const body = s.replace(/={1,2}$/, '');
  if (!B64.test(body)) {
    const bad = [...body].findIndex((c) => !/[A-Za-z0-9+/]/.test(c));
    return `illegal base64 data at input byte ${bad}`;
  }
  if (s.length % 4 !== 0 || body.length % 4 === 1) {
    // Go reports an offset inside the incomplete last quantum; we report where that quantum starts.
    return `illegal base64 data at input byte ${Math.floor(body.length / 4) * 4}`;
  }
  return undefined;
}

/** JSON type names as encoding/json's UnmarshalTypeError prints them ("number 1.5" for bad integers). */
export function jsonTypeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'number';
  if (typeof v === 'string') return 'string';
  return 'object';
}

export const INT32_MIN = -2147483648;
export const INT32_MAX = 2147483647;

/** Whether a JSON number fits the Go integer type (strconv.ParseInt plus the type's overflow check). */
export function fitsInteger(n: number, bits: 32 | 64): boolean {
  if (!Number.isInteger(n)) return false;
  return bits === 32 ? n >= INT32_MIN && n <= INT32_MAX : Number.isSafeInteger(n) || Math.abs(n) < 2 ** 63;
}
