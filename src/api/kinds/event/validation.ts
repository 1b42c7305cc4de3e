// core/v1 Event validation (pkg/apis/core/validation/events.go legacyValidateEvent): v1 keeps the legacy
// rules on create and update for backwards compatibility.
import type { Event } from 'kubernetes-types/core/v1.js';
import { invalidValue, required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { isQualifiedName } from '../../validation/labels.js';
import { byteLength, isDNS1123Subdomain } from '../../validation/names.js';

export type EventObject = KObject & Event;

/** Upstream's field length limits for events. */
export const REPORTING_INSTANCE_LIMIT = 128;
export const ACTION_LIMIT = 128;
export const REASON_LIMIT = 128;
export const NOTE_LIMIT = 1024;

export function legacyValidateEvent(ev: EventObject, reportingField: string): FieldError[] {
  const errs: FieldError[] = [];
  const ns = ev.metadata.namespace ?? '';
  const involvedNs = ev.involvedObject?.namespace ?? '';
  const mismatch = () => invalidValue('involvedObject.namespace', involvedNs, 'does not match event.namespace');
  if (!ev.eventTime) {
    // Old-style events: the event lives in its object's namespace ("default" for cluster objects).
    if (!involvedNs ? ns !== '' && ns !== 'default' : ns !== involvedNs) errs.push(mismatch());
  } else {
    if (!involvedNs && ns !== 'default' && ns !== 'kube-system') errs.push(mismatch());
    const rc = ev.reportingComponent ?? '';
    if (!rc) errs.push(required(reportingField));
    errs.push(...isQualifiedName(rc).map((m) => invalidValue(reportingField, rc, m)));
    const limited: Array<[string, string | undefined, number, boolean]> = [
      ['reportingInstance', ev.reportingInstance, REPORTING_INSTANCE_LIMIT, true],
      ['action', ev.action, ACTION_LIMIT, true],
      ['reason', ev.reason, REASON_LIMIT, true],
      ['message', ev.message, NOTE_LIMIT, false],
    ];
    for (const [field, value, limit, needed] of limited) {
      if (needed && !value) errs.push(required(field));
      if (byteLength(value ?? '') > limit) errs.push(invalidValue(field, '', `can have at most ${limit} characters`));
    }
  }
  errs.push(...isDNS1123Subdomain(ns).map((m) => invalidValue('namespace', ns, m)));
  return errs;
}

export const validateEvent = (obj: KObject): FieldError[] => legacyValidateEvent(obj as EventObject, 'reportingComponent');
export const validateEventUpdate = (obj: KObject): FieldError[] => validateEvent(obj);
