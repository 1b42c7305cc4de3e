// Field selectors (`--field-selector a=b,c!=d`), as apimachinery's pkg/fields/selector.go parses them:
// terms split on unescaped commas and sorted, the first `!=`, `==` or `=` splits a term, and values
// may escape `\`, `,` and `=` with a backslash.
import { badRequest, StatusError } from '../errors.js';

export interface FieldRequirement {
  readonly field: string;
  readonly operator: '=' | '==' | '!=';
  readonly value: string;
}

export interface FieldSelector {
  readonly requirements: readonly FieldRequirement[];
}

const termOperators = ['!=', '==', '='] as const;

/** fields.ParseSelector; throws a 400 BadRequest with upstream's message. */
export function parseFieldSelector(selector: string): FieldSelector {
  const parts = splitTerms(selector).sort(byBytes);
  const requirements: FieldRequirement[] = [];
  for (const part of parts) {
    if (part === '') continue;
    const term = splitTerm(part);
    if (!term) throw badRequest(`invalid selector: '${selector}'; can't understand '${part}'`);
    requirements.push({ field: term.lhs, operator: term.op, value: unescapeValue(term.rhs) });
  }
  return { requirements };
}

// sort.StringSlice: byte order.
function byBytes(a: string, b: string): number {
  return Buffer.compare(Buffer.from(a, 'utf8'), Buffer.from(b, 'utf8'));
}

function splitTerms(s: string): string[] {
  if (s.length === 0) return [];
  const terms: string[] = [];
  let start = 0;
  let inSlash = false;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inSlash) inSlash = false;
    else if (c === '\\') inSlash = true;
    else if (c === ',') {
      terms.push(s.slice(start, i));
      start = i + 1;
    }
  }
  terms.push(s.slice(start));
  return terms;
}

function splitTerm(term: string): { lhs: string; op: FieldRequirement['operator']; rhs: string } | undefined {
  for (let i = 0; i < term.length; i++) {
    for (const op of termOperators) {
      if (term.startsWith(op, i)) return { lhs: term.slice(0, i), op, rhs: term.slice(i + op.length) };
    }
  }
  return undefined;
}

/** fields.UnescapeValue; errors are InvalidEscapeSequence / UnescapedRune (which prints the rune's number). */
export function unescapeValue(s: string): string {
  if (!/[\\,=]/.test(s)) return s;
  let out = '';
  let inSlash = false;
  for (const c of s) {
    if (inSlash) {
      if (c !== '\\' && c !== ',' && c !== '=') throw badRequest(`invalid field selector: invalid escape sequence: \\${c}`);
      out += c;
      inSlash = false;
      continue;
    }
    if (c === '\\') inSlash = true;
    else if (c === ',' || c === '=') throw badRequest(`invalid field selector: unescaped character in value: ${c.codePointAt(0)}`);
    else out += c;
  }
  if (inSlash) throw badRequest('invalid field selector: invalid escape sequence: \\');
  return out;
}

/** fields.EscapeValue. */
export const escapeValue = (s: string) => s.replace(/[\\,=]/g, (c) => `\\${c}`);

/**
 * Selector.Matches. `getField` returns the object's value for a field label, or undefined when the field
 * is absent (which compares as the empty string, as fields.Set.Get does).
 */
export function matchesFields(selector: FieldSelector, getField: (path: string) => string | undefined): boolean {
  return selector.requirements.every((r) => {
    const have = getField(r.field) ?? '';
    return r.operator === '!=' ? have !== r.value : have === r.value;
  });
}

/** Selector.String(): `a=b,c!=d` with values escaped (`==` prints as `=`, as hasTerm does). */
export function fieldSelectorToString(selector: FieldSelector): string {
  return selector.requirements.map((r) => `${r.field}${r.operator === '!=' ? '!=' : '='}${escapeValue(r.value)}`).join(',');
}

/** RequiresExactMatch: the value the selector pins `field` to with `=`/`==`, if any. */
export function requiredFieldValue(selector: FieldSelector, field: string): string | undefined {
  return selector.requirements.find((r) => r.field === field && r.operator !== '!=')?.value;
}

/** The labels every kind supports (DefaultMetaV1FieldSelectorConversion). */
export const defaultFieldLabels: readonly string[] = ['metadata.name', 'metadata.namespace'];

/**
 * Rejects labels the kind does not support, with the 400 the list handler returns
 * (`field label not supported: X`, from the scheme's field label conversion).
 */
export function checkFieldLabels(selector: FieldSelector, supported: (label: string) => boolean): void {
  for (const r of selector.requirements) if (!supported(r.field)) throw fieldLabelNotSupported(r.field);
}

export function fieldLabelNotSupported(label: string): StatusError {
  return badRequest(`field label not supported: ${label}`);
}
