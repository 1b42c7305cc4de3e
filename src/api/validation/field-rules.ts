// Generic one-field rules of pkg/apis/core/validation/validation.go: ValidateImmutableField (with Semantic
// equality and the bad value rendered as Go does) and ValidateNonnegativeField.
import { invalidValue, type FieldError } from '../errors.js';
import { withGoValue } from './go-value.js';
import { semanticEqual } from './semantic-equal.js';

export const FIELD_IMMUTABLE = 'field is immutable';

/**
 * `render` turns a struct value into its Go form; scalars (numbers, strings, nil) print as they are.
 * object-meta.ts's validateImmutableField is the plain-equality variant metadata and a few scalar fields use.
 */
export function immutableField(value: unknown, old: unknown, path: string, render?: (v: never) => string): FieldError[] {
  if (semanticEqual(value, old)) return [];
  const err = invalidValue(path, value ?? null, FIELD_IMMUTABLE);
  return [render && value !== undefined && value !== null ? withGoValue(err, render(value as never)) : err];
}

export const nonNegative = (v: number | undefined, path: string): FieldError[] =>
  v !== undefined && v < 0 ? [invalidValue(path, v, 'must be greater than or equal to 0')] : [];
