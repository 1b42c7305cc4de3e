// A reader for the plain block YAML kubeconfig files are written in (mappings, sequences,
// plain/quoted one-line scalars, `{}`, `[]`), so CLI commands read their kubeconfig without loading
// the full `yaml` library (~35 ms of start-up). Anything else (block scalars, flow collections with
// content, anchors, multi-line scalars) answers undefined and the caller falls back to `yaml`.

interface Line { indent: number; text: string }

class Unsupported extends Error {}

function scalar(raw: string): unknown {
  const s = raw.trim();
  if (s === '' || s === '~' || s === 'null' || s === 'Null' || s === 'NULL') return null;
  if (s === '{}') return {};
  if (s === '[]') return [];
  if (s.startsWith('"')) {
    if (!/^"(?:[^"\\]|\\.)*"$/.test(s)) throw new Unsupported();
    return JSON.parse(s) as string;
  }
  if (s.startsWith("'")) {
    if (!/^'(?:[^']|'')*'$/.test(s)) throw new Unsupported();
    return s.slice(1, -1).replace(/''/g, "'");
  }
  if (/^[[{&*!|>%@`]/.test(s) || / #/.test(s)) throw new Unsupported();
  if (s === 'true' || s === 'True' || s === 'TRUE') return true;
  if (s === 'false' || s === 'False' || s === 'FALSE') return false;
  if (/^[-+]?\d+$/.test(s)) return Number(s);
  return s;
}

/** Splits `key: value` (a key without quotes or colons-space inside). */
function keyValue(text: string): [string, string] | undefined {
  const m = /^([^'"#{[\]}&*!|>%@`\s][^:]*?|"(?:[^"\\]|\\.)*"|'(?:[^']|'')*'):(?:\s+(.*))?$/.exec(text);
  if (!m) return undefined;
  const key = scalar(m[1]!);
  return [String(key), m[2] ?? ''];
}

function parseBlock(lines: Line[], at: { i: number }, indent: number): unknown {
  const first = lines[at.i];
  if (!first || first.indent < indent) return null;
  if (first.text === '-' || first.text.startsWith('- ')) {
    const seqIndent = first.indent;
    const items: unknown[] = [];
    while (at.i < lines.length && lines[at.i]!.indent === seqIndent && (lines[at.i]!.text === '-' || lines[at.i]!.text.startsWith('- '))) {
      const line = lines[at.i]!;
      const rest = line.text.slice(1).trimStart();
      if (!rest) { at.i++; items.push(parseBlock(lines, at, seqIndent + 1)); continue; }
      // "- key: v" opens a mapping whose keys sit at the column after "- ".
      const itemIndent = line.indent + (line.text.length - rest.length);
      if (keyValue(rest)) {
        lines[at.i] = { indent: itemIndent, text: rest };
        items.push(parseBlock(lines, at, itemIndent));
      } else { at.i++; items.push(scalar(rest)); }
    }
    return items;
  }
  const mapIndent = first.indent;
  const obj: Record<string, unknown> = {};
  while (at.i < lines.length && lines[at.i]!.indent === mapIndent) {
    const kv = keyValue(lines[at.i]!.text);
    if (!kv) throw new Unsupported();
    at.i++;
    const [k, v] = kv;
    if (v.trim() === '' || v.trim().startsWith('#')) {
      const next = lines[at.i];
      // A value on the following lines: more indented, or an indentless sequence at the same column.
      if (next && (next.indent > mapIndent || (next.indent === mapIndent && (next.text === '-' || next.text.startsWith('- '))))) obj[k] = parseBlock(lines, at, next.indent);
      else obj[k] = null;
    } else obj[k] = scalar(v);
  }
  if (at.i < lines.length && lines[at.i]!.indent > mapIndent) throw new Unsupported();
  return obj;
}

/** The document, or undefined when the text uses YAML this reader does not handle. */
export function parseSimpleYaml(text: string): unknown {
  const lines: Line[] = [];
  for (const raw of text.split(/\r?\n/)) {
    if (/^\s*(#.*)?$/.test(raw) || raw === '---') continue;
    if (raw.includes('\t')) return undefined;
    const trimmed = raw.trimStart();
    lines.push({ indent: raw.length - trimmed.length, text: trimmed.trimEnd() });
  }
  if (!lines.length) return null;
  try {
    const at = { i: 0 };
    const doc = parseBlock(lines, at, 0);
    return at.i === lines.length ? doc : undefined;
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}
