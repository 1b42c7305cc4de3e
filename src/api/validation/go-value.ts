// Values errors.ts's goValue cannot render as Go's %#v does (field.Error.ErrorBody falls back to %#v).
import type { FieldError } from '../errors.js';

/** `map[string]string{"a":"b", "c":"d"}`: Go prints map keys sorted. */
export function goStringMap(m: Record<string, string> | undefined): string {
  const entries = Object.keys(m ?? {}).sort().map((k) => `${JSON.stringify(k)}:${JSON.stringify(m![k])}`);
  return m ? `map[string]string{${entries.join(', ')}}` : 'map[string]string(nil)';
}

/**
 * An Invalid error whose value is already rendered. The value travels in the detail, so the error
 * reads `Invalid value: <rendered>: <detail>` exactly as upstream's.
 */
export const invalidRendered = (field: string, rendered: string, detail: string): FieldError =>
  ({ type: 'FieldValueInvalid', field, detail: `${rendered}: ${detail}` });
