// YAML exactly as kubectl writes it: sigs.k8s.io/yaml turns the object into JSON and hands it to
// go-yaml v2, so keys come out in go-yaml's natural order (yaml.v2 sorter.go), sequences are not
// indented under their key, strings are quoted only when go-yaml would read them back as another
// type (yaml.v2 encode.go stringv + resolve.go) or the emitter forbids plain style (emitterc.go
// yaml_emitter_analyze_scalar), multi-line strings are literal blocks, and long scalars fold at a
// space once the column passes 80 (best_width).
const BEST_WIDTH = 80;

/** yaml.v2 keyList.Less: letters after non-letters, runs of digits compared as numbers. */
export function goYamlKeyLess(a: string, b: string): boolean {
  const ar = [...a];
  const br = [...b];
  const isLetter = (c: string) => /\p{L}/u.test(c);
  const isDigit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
  for (let i = 0; i < ar.length && i < br.length; i++) {
    if (ar[i] === br[i]) continue;
    const al = isLetter(ar[i]!);
    const bl = isLetter(br[i]!);
    if (al && bl) return ar[i]! < br[i]!;
    if (al || bl) return bl;
    let an = 0;
    let bn = 0;
    if (ar[i] === '0' || br[i] === '0') {
      for (let j = i - 1; j >= 0 && isDigit(ar[j]); j--) if (ar[j] !== '0') { an = 1; bn = 1; break; }
    }
    let ai = i;
    let bi = i;
    for (; ai < ar.length && isDigit(ar[ai]); ai++) an = an * 10 + Number(ar[ai]);
    for (; bi < br.length && isDigit(br[bi]); bi++) bn = bn * 10 + Number(br[bi]);
    if (an !== bn) return an < bn;
    if (ai !== bi) return ai < bi;
    return ar[i]! < br[i]!;
  }
  return ar.length < br.length;
}

const RESOLVES_TO_OTHER = new Set([
  '~', 'null', 'Null', 'NULL', 'y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF',
  'true', 'True', 'TRUE', 'false', 'False', 'FALSE', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF',
  '.nan', '.NaN', '.NAN', '<<',
]);

/** Whether go-yaml would read s, unquoted, as something other than a string (so it double-quotes it). */
function needsDoubleQuotes(s: string): boolean {
  if (s === '' || RESOLVES_TO_OTHER.has(s)) return true;
  if (/^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$/.test(s)) return true; // base 60 float
  const c = s[0]!;
  if (!(c >= '0' && c <= '9') && !'-+.'.includes(c)) return false;
  if (/^\d{4}-\d{1,2}-\d{1,2}(?:(?:[Tt]\d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?(?:Z|[+-]\d{1,2}:\d{2}))|(?: \d{1,2}:\d{1,2}:\d{1,2}(?:\.\d+)?))?$/.test(s)) return true;
  const plain = s.replace(/_/g, '');
  if (/^[-+]?(?:0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.test(plain)) return true;
  if (/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(plain)) return true;
  return false;
}

const isPrintable = (cp: number) => cp === 0x0a || (cp >= 0x20 && cp <= 0x7e) || cp === 0x85 || (cp >= 0xa0 && cp <= 0xd7ff) ||
  (cp >= 0xe000 && cp <= 0xfffd && cp !== 0xfeff) || (cp >= 0x10000 && cp <= 0x10ffff);
const isBreak = (c: string | undefined) => c === '\n' || c === '\r' || c === '\u0085' || c === '\u2028' || c === '\u2029';
const isBlankz = (c: string | undefined) => c === undefined || c === ' ' || c === '\t' || isBreak(c);

interface Analysis { blockPlain: boolean; single: boolean; block: boolean; multiline: boolean }

/** emitterc.go yaml_emitter_analyze_scalar, for block context. */
function analyze(s: string): Analysis {
  if (s === '') return { blockPlain: true, single: true, block: false, multiline: false };
  const chars = [...s];
  let blockIndicators = s.startsWith('---') || s.startsWith('...');
  let special = false, lineBreaks = false, leadingSpace = false, leadingBreak = false, trailingSpace = false, trailingBreak = false;
  let breakSpace = false, spaceBreak = false, prevSpace = false, prevBreak = false, precededByWs = true;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    const followedByWs = isBlankz(chars[i + 1]);
    if (i === 0) {
      if ('#,[]{}&*!|>\'"%@`'.includes(c)) blockIndicators = true;
      if ((c === '?' || c === ':') && followedByWs) blockIndicators = true;
      if (c === '-' && followedByWs) blockIndicators = true;
    } else {
      if (c === ':' && followedByWs) blockIndicators = true;
      if (c === '#' && precededByWs) blockIndicators = true;
    }
    if (!isPrintable(c.codePointAt(0)!)) special = true;
    if (isBreak(c)) lineBreaks = true;
    if (c === ' ') {
      if (i === 0) leadingSpace = true;
      if (i === chars.length - 1) trailingSpace = true;
      if (prevBreak) breakSpace = true;
      prevSpace = true; prevBreak = false;
    } else if (isBreak(c)) {
      if (i === 0) leadingBreak = true;
      if (i === chars.length - 1) trailingBreak = true;
      if (prevSpace) spaceBreak = true;
      prevBreak = true; prevSpace = false;
    } else { prevSpace = false; prevBreak = false; }
    precededByWs = isBlankz(c);
  }
  let blockPlain = true, single = true, block = true;
  if (leadingSpace || leadingBreak || trailingSpace || trailingBreak) blockPlain = false;
  if (trailingSpace) block = false;
  if (breakSpace) { blockPlain = false; single = false; }
  if (spaceBreak || special) { blockPlain = false; single = false; block = false; }
  if (lineBreaks) blockPlain = false;
  if (blockIndicators) blockPlain = false;
  return { blockPlain, single, block, multiline: lineBreaks };
}

type Style = 'plain' | 'single' | 'double' | 'literal';

function styleOf(s: string, simpleKey: boolean): Style {
  let style: Style = s.includes('\n') ? 'literal' : needsDoubleQuotes(s) ? 'double' : 'plain';
  const a = analyze(s);
  if (simpleKey && a.multiline) return 'double';
  if (style === 'plain' && (!a.blockPlain || (s === '' && simpleKey))) style = 'single';
  if (style === 'single' && !a.single) style = 'double';
  if (style === 'literal' && (!a.block || simpleKey)) style = 'double';
  return style;
}

/** Writes one scalar that starts at `column`; continuation lines (folds) go at `indent`. */
class Writer {
  out = '';
  column = 0;
  put(text: string): void { this.out += text; this.column += [...text].length; }
  newline(indent: number): void { this.out += '\n' + ' '.repeat(indent); this.column = indent; }
}

function writeFolding(w: Writer, chars: string[], indent: number, quoteEdges: boolean, escape: (c: string) => string): void {
  let spaces = false;
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === ' ') {
      const edgeOk = !quoteEdges || (i > 0 && i < chars.length - 1);
      if (!spaces && w.column > BEST_WIDTH && edgeOk && chars[i + 1] !== ' ') { w.newline(indent); spaces = true; continue; }
      w.put(' ');
      spaces = true;
    } else { w.put(escape(c)); spaces = false; }
  }
}

function doubleEscape(c: string): string {
  const cp = c.codePointAt(0)!;
  switch (c) {
    case '"': return '\\"';
    case '\\': return '\\\\';
    case '\0': return '\\0';
    case '\x07': return '\\a';
    case '\b': return '\\b';
    case '\t': return '\\t';
    case '\n': return '\\n';
    case '\x0b': return '\\v';
    case '\f': return '\\f';
    case '\r': return '\\r';
    case '\x1b': return '\\e';
    case '\u0085': return '\\N';
    case '\u00a0': return '\\_';
    case '\u2028': return '\\L';
    case '\u2029': return '\\P';
  }
  if (isPrintable(cp) && cp !== 0xfeff) return c;
  const hex = cp.toString(16).toUpperCase();
  if (cp <= 0xff) return '\\x' + hex.padStart(2, '0');
  if (cp <= 0xffff) return '\\u' + hex.padStart(4, '0');
  return '\\U' + hex.padStart(8, '0');
}

function writeScalar(w: Writer, s: string, indent: number, simpleKey: boolean): void {
  const style = styleOf(s, simpleKey);
  const chars = [...s];
  if (style === 'plain') { if (simpleKey) w.put(s); else writeFolding(w, chars, indent, false, (c) => c); return; }
  if (style === 'single') {
    w.put("'");
    if (simpleKey) w.put(s.replace(/'/g, "''"));
    else writeFolding(w, chars, indent, true, (c) => (c === "'" ? "''" : c));
    w.put("'");
    return;
  }
  if (style === 'double') {
    w.put('"');
    if (simpleKey) w.put(chars.map(doubleEscape).join(''));
    else {
      let spaces = false;
      for (let i = 0; i < chars.length; i++) {
        const c = chars[i]!;
        if (c === ' ' && !spaces && w.column > BEST_WIDTH && i !== 0 && i !== chars.length - 1) {
          w.newline(indent);
          if (chars[i + 1] === ' ') w.put('\\');
          spaces = true;
          continue;
        }
        w.put(doubleEscape(c));
        spaces = c === ' ';
      }
    }
    w.put('"');
    return;
  }
  // Literal block: chomping from the trailing newlines, an indentation hint when it starts with a space.
  const trailing = s.length - s.replace(/\n+$/, '').length;
  const chomp = trailing === 0 ? '-' : trailing === 1 ? '' : '+';
  const hint = s.startsWith(' ') || s.startsWith('\n') ? '2' : '';
  w.put(`|${hint}${chomp}`);
  const body = trailing >= 1 ? s.slice(0, -1) : s;
  for (const line of body.split('\n')) {
    if (line === '') { w.out += '\n'; w.column = 0; } else { w.newline(indent); w.put(line); }
  }
}

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const isCollection = (v: Json): v is Json[] | { [k: string]: Json } => typeof v === 'object' && v !== null && (Array.isArray(v) ? v.length > 0 : Object.keys(v).length > 0);

function scalarText(v: Json): string | undefined {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'number') return goFloat(v);
  if (Array.isArray(v) && v.length === 0) return '[]';
  if (typeof v === 'object' && Object.keys(v).length === 0) return '{}';
  return undefined;
}

/** Go's strconv.FormatFloat(f, 'g', -1, 64) as yaml.v2 writes floats; integers plainly. */
function goFloat(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return String(n);
  if (Number.isNaN(n)) return '.nan';
  if (!Number.isFinite(n)) return n > 0 ? '.inf' : '-.inf';
  const exp = Math.floor(Math.log10(Math.abs(n)));
  if (exp < -4 || exp >= 21) return n.toExponential().replace(/e([+-])(\d)$/, 'e$10$2');
  return String(n);
}

function emitValue(w: Writer, v: Json, indent: number): void {
  // The value of a mapping key (after "key:"), or of a sequence item (after "- ").
  const text = scalarText(v);
  if (text !== undefined) { w.put(text); return; }
  if (typeof v === 'string') { writeScalar(w, v, indent + 2, false); return; }
}

function emitMapping(w: Writer, obj: { [k: string]: Json }, indent: number, first: boolean): void {
  const keys = Object.keys(obj).sort((a, b) => (goYamlKeyLess(a, b) ? -1 : goYamlKeyLess(b, a) ? 1 : 0));
  keys.forEach((k, i) => {
    if (!(first && i === 0)) w.newline(indent);
    writeScalar(w, k, indent, true);
    w.put(':');
    const v = obj[k]!;
    if (isCollection(v)) {
      if (Array.isArray(v)) emitSequence(w, v, indent, false); // go-yaml: indentless under a mapping key
      else { w.newline(indent + 2); emitMapping(w, v, indent + 2, true); }
    } else { w.put(' '); emitValue(w, v, indent); }
  });
}

function emitSequence(w: Writer, items: Json[], indent: number, first: boolean): void {
  items.forEach((v, i) => {
    if (!(first && i === 0)) w.newline(indent);
    w.put('-');
    if (isCollection(v)) {
      w.put(' ');
      if (Array.isArray(v)) emitSequence(w, v, indent + 2, true);
      else emitMapping(w, v, indent + 2, true);
    } else { w.put(' '); emitValue(w, v, indent); }
  });
}

/** The YAML document kubectl prints for a JSON value (with the trailing newline). */
export function toGoYaml(value: unknown): string {
  const v = JSON.parse(JSON.stringify(value ?? null)) as Json;
  const w = new Writer();
  if (isCollection(v)) {
    if (Array.isArray(v)) emitSequence(w, v, 0, true);
    else emitMapping(w, v, 0, true);
  } else emitValue(w, v, -2);
  return w.out + '\n';
}
