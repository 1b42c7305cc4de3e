// kubectl's JSONPath templates (k8s.io/client-go/util/jsonpath): text with `{…}` actions holding
// paths (`.a.b`, `['a.b']`, `[0]`, `[-1]`, `[*]`, `[1:3]`, `..name`, `[?(@.x=="y")]`), string
// literals (`{"\n"}`) and `{range …}…{end}`. Several results of one action are joined by a space;
// strings print raw, objects as compact JSON. Missing keys print nothing (kubectl get's
// --allow-missing-template-keys=true).
import { byteOrder, toGoJson } from './go-json.js';

type Node =
  | { t: 'text'; s: string }
  | { t: 'path'; steps: Step[] }
  | { t: 'range'; steps: Step[]; body: Node[] };
type Step =
  | { t: 'field'; name: string }
  | { t: 'recursive'; name: string }
  | { t: 'index'; start?: number; end?: number; step?: number; single: boolean }
  | { t: 'wildcard' }
  | { t: 'filter'; left: Step[]; op?: string; right?: Step[] | string | number; rightIsPath: boolean }
  | { t: 'root' };

export class JsonPathError extends Error {}

/** Splits a template into text and actions, nesting range…end. */
export function parseTemplate(template: string): Node[] {
  const stack: Node[][] = [[]];
  const ranges: Array<{ steps: Step[] }> = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{', i);
    if (open < 0) { stack[stack.length - 1]!.push({ t: 'text', s: template.slice(i) }); break; }
    if (open > i) stack[stack.length - 1]!.push({ t: 'text', s: template.slice(i, open) });
    const close = findClose(template, open);
    if (close < 0) throw new JsonPathError(`unclosed action`);
    const inner = template.slice(open + 1, close).trim();
    i = close + 1;
    if (inner === 'end') {
      if (!ranges.length) throw new JsonPathError('not in range, nothing to end');
      const body = stack.pop()!;
      const r = ranges.pop()!;
      stack[stack.length - 1]!.push({ t: 'range', steps: r.steps, body });
    } else if (inner.startsWith('range ') || inner === 'range') {
      ranges.push({ steps: parsePath(inner.slice(5).trim()) });
      stack.push([]);
    } else if (/^"(?:[^"\\]|\\.)*"$/.test(inner) || /^'[^']*'$/.test(inner)) {
      stack[stack.length - 1]!.push({ t: 'text', s: inner.startsWith('"') ? (JSON.parse(inner) as string) : inner.slice(1, -1) });
    } else stack[stack.length - 1]!.push({ t: 'path', steps: parsePath(inner) });
  }
  if (ranges.length) throw new JsonPathError('unclosed range');
  return stack[0]!;
}

function findClose(s: string, open: number): number {
  let quote: string | undefined;
  let depth = 0;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) { if (c === '\\') i++; else if (c === quote) quote = undefined; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i;
  }
  return -1;
}

/** One path expression: `.a.b[0]`, `@.x`, `$.items[*]`, `..name`. */
export function parsePath(text: string): Step[] {
  const steps: Step[] = [];
  let i = 0;
  const s = text.trim();
  if (s[0] === '$') { steps.push({ t: 'root' }); i = 1; } else if (s[0] === '@') i = 1;
  while (i < s.length) {
    const c = s[i]!;
    if (c === '.') {
      if (s[i + 1] === '.') {
        const m = /^[^.[\s]*/.exec(s.slice(i + 2))![0];
        steps.push({ t: 'recursive', name: m });
        i += 2 + m.length;
        continue;
      }
      let j = i + 1;
      let name = '';
      while (j < s.length && s[j] !== '.' && s[j] !== '[') {
        if (s[j] === '\\' && j + 1 < s.length) { name += s[j + 1]; j += 2; continue; }
        name += s[j]; j++;
      }
      if (name === '*') steps.push({ t: 'wildcard' });
      else if (name) steps.push({ t: 'field', name });
      i = j;
    } else if (c === '[') {
      const close = matchingBracket(s, i);
      const inner = s.slice(i + 1, close).trim();
      steps.push(parseBracket(inner));
      i = close + 1;
    } else if (/\s/.test(c)) i++;
    else {
      // A bare name without a leading dot (as kubectl's relaxed paths allow after the first).
      const m = /^[^.[]+/.exec(s.slice(i))![0];
      steps.push({ t: 'field', name: m });
      i += m.length;
    }
  }
  return steps;
}

function matchingBracket(s: string, open: number): number {
  let depth = 0;
  let quote: string | undefined;
  for (let i = open; i < s.length; i++) {
    const c = s[i]!;
    if (quote) { if (c === quote) quote = undefined; continue; }
    if (c === '"' || c === "'") quote = c;
    else if (c === '[') depth++;
    else if (c === ']' && --depth === 0) return i;
  }
  throw new JsonPathError(`unterminated array`);
}

function parseBracket(inner: string): Step {
  if (inner === '*') return { t: 'wildcard' };
  if (/^'.*'$|^".*"$/.test(inner)) return { t: 'field', name: inner.slice(1, -1) };
  if (inner.startsWith('?(') && inner.endsWith(')')) {
    const body = inner.slice(2, -1).trim();
    const m = /^(.*?)\s*(==|!=|<=|>=|<|>|=~)\s*(.*)$/.exec(body);
    if (!m) return { t: 'filter', left: parsePath(body), rightIsPath: false };
    const right = m[3]!.trim();
    if (right.startsWith('@') || right.startsWith('$')) return { t: 'filter', left: parsePath(m[1]!), op: m[2], right: parsePath(right), rightIsPath: true };
    const lit = /^['"].*['"]$/.test(right) ? right.slice(1, -1) : Number.isFinite(Number(right)) ? Number(right) : right;
    return { t: 'filter', left: parsePath(m[1]!), op: m[2], right: lit, rightIsPath: false };
  }
  const parts = inner.split(':').map((p) => p.trim());
  const n = (p: string | undefined) => (p === undefined || p === '' ? undefined : Number(p));
  if (parts.length === 1) return { t: 'index', start: n(parts[0]), single: true };
  return { t: 'index', start: n(parts[0]), end: n(parts[1]), step: n(parts[2]), single: false };
}

function children(v: unknown): unknown[] {
  if (Array.isArray(v)) return v;
  if (v && typeof v === 'object') return Object.keys(v).sort(byteOrder).map((k) => (v as Record<string, unknown>)[k]);
  return [];
}

function recursive(v: unknown, name: string, out: unknown[]): void {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    if (name && name in v) out.push((v as Record<string, unknown>)[name]);
    else if (!name) out.push(v);
  }
  for (const c of children(v)) recursive(c, name, out);
}

function compare(a: unknown, op: string, b: unknown): boolean {
  switch (op) {
    case '==': return a === b || (typeof a === 'number' && Number(b) === a) || String(a) === String(b);
    case '!=': return !compare(a, '==', b);
    case '<': return Number(a) < Number(b);
    case '>': return Number(a) > Number(b);
    case '<=': return Number(a) <= Number(b);
    case '>=': return Number(a) >= Number(b);
    case '=~': return new RegExp(String(b)).test(String(a));
  }
  return false;
}

/** Every value a path reaches from `data` (root) starting at `cur`. */
export function evaluate(steps: Step[], cur: unknown, root: unknown = cur): unknown[] {
  let values = [cur];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const v of values) {
      switch (step.t) {
        case 'root': next.push(root); break;
        case 'field':
          if (v && typeof v === 'object' && !Array.isArray(v) && step.name in v) next.push((v as Record<string, unknown>)[step.name]);
          break;
        case 'recursive': recursive(v, step.name, next); break;
        case 'wildcard': next.push(...children(v)); break;
        case 'index': {
          if (!Array.isArray(v)) break;
          const len = v.length;
          const norm = (x: number) => (x < 0 ? Math.max(0, len + x) : Math.min(x, len));
          if (step.single) {
            const at = step.start! < 0 ? len + step.start! : step.start!;
            if (at >= 0 && at < len) next.push(v[at]);
            else throw new JsonPathError(`array index out of bounds: index ${step.start}, length ${len}`);
            break;
          }
          const from = norm(step.start ?? 0), to = norm(step.end ?? len), by = step.step ?? 1;
          for (let k = from; k < to; k += by) next.push(v[k]);
          break;
        }
        case 'filter': {
          for (const item of children(v)) {
            const left = evaluate(step.left, item, root);
            if (!step.op) { if (left.length) next.push(item); continue; }
            const right = step.rightIsPath ? evaluate(step.right as Step[], item, root) : [step.right];
            if (left.length && right.length && compare(left[0], step.op, right[0])) next.push(item);
          }
          break;
        }
      }
    }
    values = next;
  }
  return values;
}

/** How one result prints: strings raw, everything else as Go's json.Marshal. */
export function valueText(v: unknown): string {
  if (typeof v === 'string') return v;
  if (v === undefined) return '';
  if (v === null) return '<nil>';
  if (typeof v === 'object') return JSON.stringify(sortDeep(v)).replace(/[<>&]/g, (c) => ({ '<': '\\u003c', '>': '\\u003e', '&': '\\u0026' })[c]!);
  return String(v);
}

function sortDeep(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortDeep);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort(byteOrder).map((k) => [k, sortDeep((v as Record<string, unknown>)[k])]));
  return v;
}

/**
 * Walks a template as client-go's JSONPath executes it: each text or path node prints its results
 * (a text node's result is its text), in order, and a range repeats its body for every item.
 */
function walk(nodes: Node[], cur: unknown, root: unknown, print: (n: Exclude<Node, { t: 'range' }>, results: unknown[]) => string): string {
  let out = '';
  for (const n of nodes) {
    if (n.t === 'range') for (const item of evaluate(n.steps, cur, root).flatMap((v) => (Array.isArray(v) ? v : [v]))) out += walk(n.body, item, root, print);
    else out += print(n, n.t === 'text' ? [n.s] : evaluate(n.steps, cur, root));
  }
  return out;
}

/** Executes a template against data (kubectl -o jsonpath=…). */
export function executeTemplate(template: string, data: unknown): string {
  return walk(parseTemplate(template), data, data, (n, results) => (n.t === 'text' ? n.s : results.map(valueText).join(' ')));
}

/**
 * -o jsonpath-as-json: as client-go's JSONPath with EnableJSONOutput, every text or path node of the
 * template prints its results as one indented JSON array (`[\n    "web"\n]`), node after node.
 */
export function executeTemplateAsJson(template: string, data: unknown): string {
  return walk(parseTemplate(template), data, data, (_n, results) => toGoJson(results));
}

/** kubectl's RelaxedJSONPathExpression: `.a.b`, `a.b` and `{.a.b}` all mean `{.a.b}`. */
export function relaxedPath(expr: string): string {
  const s = expr.trim();
  if (s.startsWith('{') && s.endsWith('}')) return s;
  return `{${s.startsWith('.') ? s : `.${s}`}}`;
}
