// One label selector requirement, as apimachinery's pkg/labels/selector.go models it: a key, an
// operator (pkg/selection/operator.go spellings) and values. newRequirement validates exactly as
// upstream's NewRequirement, and its errors read the same (an aggregated field.ErrorList).
import { isQualifiedName, isValidLabelValue } from '../validation/labels.js';

export type Operator = 'in' | 'notin' | '=' | '==' | '!=' | 'exists' | '!' | 'gt' | 'lt';

export interface Requirement {
  readonly key: string;
  readonly operator: Operator;
  readonly values: readonly string[];
}

export const binaryOperators: readonly Operator[] = ['in', 'notin', '=', '==', '!=', 'gt', 'lt'];

/** A field error rendered as field/errors.go's Error(): `path: Invalid value: <value>: detail`. */
export function invalidFieldMessage(path: string, value: string | readonly string[], detail: string): string {
  return `${path}: Invalid value: ${goQuotedValue(value)}: ${detail}`;
}

// %q of a string; %#v of a []string (always nil when empty: upstream copies with append([]string(nil), ...)).
function goQuotedValue(v: string | readonly string[]): string {
  if (typeof v === 'string') return JSON.stringify(v);
  return v.length === 0 ? '[]string(nil)' : `[]string{${v.map((s) => JSON.stringify(s)).join(', ')}}`;
}

/** utilerrors.NewAggregate(...).Error(): one message alone, several deduplicated inside brackets. */
export function aggregateMessage(msgs: readonly string[]): string {
  const unique = [...new Set(msgs)];
  return unique.length === 1 ? unique[0] : `[${unique.join(', ')}]`;
}

/** The label key check that the parser and NewRequirement share; `path` is `<nil>` for the parser. */
export function labelKeyError(key: string, path: string): string | undefined {
  const errs = isQualifiedName(key);
  return errs.length ? invalidFieldMessage(path, key, errs.join('; ')) : undefined;
}

const isGoInt64 = (s: string) => /^[+-]?\d+$/.test(s) && BigInt(s) <= 9223372036854775807n && BigInt(s) >= -9223372036854775808n;

/** NewRequirement: returns the requirement, or the aggregated error message. */
export function newRequirement(key: string, operator: Operator, values: readonly string[]): Requirement | { error: string } {
  const errs: string[] = [];
  const keyErr = labelKeyError(key, 'key');
  if (keyErr) errs.push(keyErr);
  switch (operator) {
    case 'in':
    case 'notin':
      if (values.length === 0) errs.push(invalidFieldMessage('values', values, "for 'in', 'notin' operators, values set can't be empty"));
      break;
    case '=':
    case '==':
    case '!=':
      if (values.length !== 1) errs.push(invalidFieldMessage('values', values, 'exact-match compatibility requires one single value'));
      break;
    case 'exists':
    case '!':
      if (values.length !== 0) errs.push(invalidFieldMessage('values', values, 'values set must be empty for exists and does not exist'));
      break;
    case 'gt':
    case 'lt':
      if (values.length !== 1) errs.push(invalidFieldMessage('values', values, "for 'Gt', 'Lt' operators, exactly one value is required"));
      values.forEach((v, i) => {
        if (!isGoInt64(v)) errs.push(invalidFieldMessage(`values[${i}]`, v, "for 'Gt', 'Lt' operators, the value must be an integer"));
      });
      break;
  }
  values.forEach((v, i) => {
    const valueErrs = isValidLabelValue(v);
    if (valueErrs.length) errs.push(invalidFieldMessage(`values[${i}][${key}]`, v, valueErrs.join('; ')));
  });
  return errs.length ? { error: aggregateMessage(errs) } : { key, operator, values: [...values] };
}

export function requirementMatches(r: Requirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key] : undefined;
  switch (r.operator) {
    case 'in':
    case '=':
    case '==':
      return value !== undefined && r.values.includes(value);
    case 'notin':
    case '!=':
      return value === undefined || !r.values.includes(value);
    case 'exists':
      return has;
    case '!':
      return !has;
    case 'gt':
    case 'lt': {
      if (value === undefined || !isGoInt64(value) || r.values.length !== 1 || !isGoInt64(r.values[0])) return false;
      const have = BigInt(value);
      const want = BigInt(r.values[0]);
      return r.operator === 'gt' ? have > want : have < want;
    }
  }
}

const opText: Record<Operator, string> = { '=': '=', '==': '==', '!=': '!=', in: ' in ', notin: ' notin ', gt: '>', lt: '<', exists: '', '!': '' };

/** Requirement.String(): `!key`, `key`, `key=v`, `key in (a,b)`; several values print sorted. */
export function requirementString(r: Requirement): string {
  if (r.operator === 'exists') return r.key;
  if (r.operator === '!') return `!${r.key}`;
  const values = r.values.length === 1 ? r.values[0] : [...r.values].sort(compareStrings).join(',');
  const set = r.operator === 'in' || r.operator === 'notin';
  return `${r.key}${opText[r.operator]}${set ? `(${values})` : values}`;
}

/** Go's byte-wise string order (sort.Strings), which differs from localeCompare. */
export function compareStrings(a: string, b: string): number {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return Buffer.compare(x, y);
}
