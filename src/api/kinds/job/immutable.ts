// ValidateImmutableField (pkg/apis/core/validation) with Semantic equality and the bad value rendered as Go does.
import { invalidValue, type FieldError } from '../../errors.js';
import { withGoValue } from './go-format.js';
import { semanticEqual } from './semantic-equal.js';

export const FIELD_IMMUTABLE = 'field is immutable';

/** `render` turns a struct value into its Go form; scalars (numbers, strings, nil) print as they are. */
export function immutableField(value: unknown, old: unknown, path: string, render?: (v: never) => string): FieldError[] {
  if (semanticEqual(value, old)) return [];
  const err = invalidValue(path, value ?? null, FIELD_IMMUTABLE);
  return [render && value !== undefined && value !== null ? withGoValue(err, render(value as never)) : err];
}

export const nonNegative = (v: number | undefined, path: string): FieldError[] =>
  v !== undefined && v < 0 ? [invalidValue(path, v, 'must be greater than or equal to 0')] : [];
