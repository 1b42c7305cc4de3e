// labelSelector and fieldSelector query parameters as one predicate over objects.
import { badRequest, StatusError } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { fieldLabelNotSupported, matchesFields, parseFieldSelector, requiredFieldValue } from '../../api/meta/field-selector.js';
import { matches as matchesLabels, parseLabelSelector } from '../../api/meta/label-selector.js';

export interface Selection {
  /** True when no selector was given: every object matches. */
  everything: boolean;
  matches(obj: KObject): boolean;
  /** The value the field selector pins a field to (`=`/`==`), if it does. */
  requiredField(field: string): string | undefined;
}

function fieldGetter(def: KindDef, obj: KObject): (field: string) => string | undefined {
  return (field) => {
    if (field === 'metadata.name') return obj.metadata.name ?? '';
    if (field === 'metadata.namespace' && def.namespaced) return obj.metadata.namespace ?? '';
    const f = def.fieldSelectors?.[field];
    return f ? f(obj) ?? '' : undefined;
  };
}

const asBadRequest = (e: unknown) => (e instanceof StatusError ? e : badRequest((e as Error).message));

export function selectionFrom(def: KindDef, url: URL): Selection {
  return selection(def, url.searchParams.get('labelSelector') ?? '', url.searchParams.get('fieldSelector') ?? '');
}

/** The predicate for a labelSelector and fieldSelector in their string syntax (400 when malformed). */
export function selection(def: KindDef, ls = '', fs = ''): Selection {
  let labels, fields;
  try { labels = ls ? parseLabelSelector(ls) : undefined; } catch (e) { throw asBadRequest(e); }
  try { fields = fs ? parseFieldSelector(fs) : undefined; } catch (e) { throw asBadRequest(e); }
  if (fields) {
    // Reject unsupported field labels up front, as apiserver's field label conversion does.
    const probe = fieldGetter(def, { metadata: {} });
    for (const r of fields.requirements) {
      if (probe(r.field) === undefined) {
        throw fieldLabelNotSupported(r.field);
      }
    }
  }
  return {
    everything: !labels && !fields,
    matches: (obj) => (!labels || matchesLabels(labels, obj.metadata.labels ?? {})) && (!fields || matchesFields(fields, fieldGetter(def, obj))),
    requiredField: (field) => (fields ? requiredFieldValue(fields, field) : undefined),
  };
}
