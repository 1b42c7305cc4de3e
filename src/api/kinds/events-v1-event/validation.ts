// events.k8s.io/v1 Event validation (pkg/apis/core/validation/events.go ValidateEventCreate/Update, strict
// rules). Upstream validates the internal core.Event, so errors name its fields (involvedObject, message...).
import { isDeepStrictEqual } from 'node:util';
import type { Event } from 'kubernetes-types/events/v1.js';
import { invalidValue, required, type FieldError } from '../../errors.js';
import type { KObject } from '../../object.js';
import { legacyValidateEvent, type EventObject } from '../event/validation.js';
import { nameIsDNSSubdomain } from '../../validation/names.js';
import { validateImmutableField, validateObjectMeta, validateObjectMetaUpdate } from '../../validation/object-meta.js';

type V1Event = KObject & Event;

/** The same event as core/v1 sees it, for the legacy rules. */
function asCore(e: V1Event): EventObject {
  return {
    metadata: e.metadata, eventTime: e.eventTime, involvedObject: e.regarding ?? {}, reportingComponent: e.reportingController,
    reportingInstance: e.reportingInstance, action: e.action, reason: e.reason, message: e.note, type: e.type,
  } as EventObject;
}

function validateSeries(e: V1Event): FieldError[] {
  if (!e.series) return [];
  const errs: FieldError[] = [];
  if ((e.series.count ?? 0) < 2) errs.push(invalidValue('series.count', '', 'should be at least 2'));
  if (!e.series.lastObservedTime) errs.push(required('series.lastObservedTime'));
  return errs;
}

export function validateEventsV1Event(obj: KObject): FieldError[] {
  const e = obj as V1Event;
  const errs = legacyValidateEvent(asCore(e), 'reportingController');
  errs.push(...validateObjectMeta(e.metadata, true, nameIsDNSSubdomain));
  errs.push(...validateSeries(e));
  if (!e.eventTime) errs.push(required('eventTime'));
  if (e.type !== 'Normal' && e.type !== 'Warning') errs.push(invalidValue('type', '', `has invalid value: ${e.type ?? ''}`));
  if (e.deprecatedFirstTimestamp) errs.push(invalidValue('firstTimestamp', '', 'needs to be unset'));
  if (e.deprecatedLastTimestamp) errs.push(invalidValue('lastTimestamp', '', 'needs to be unset'));
  if (e.deprecatedCount) errs.push(invalidValue('count', '', 'needs to be unset'));
  if (e.deprecatedSource?.component || e.deprecatedSource?.host) errs.push(invalidValue('source', '', 'needs to be unset'));
  return errs;
}

export function validateEventsV1EventUpdate(obj: KObject, oldObj: KObject): FieldError[] {
  const e = obj as V1Event;
  const old = oldObj as V1Event;
  const errs = legacyValidateEvent(asCore(e), 'reportingController');
  errs.push(...validateObjectMetaUpdate(e.metadata, old.metadata));
  if (!isDeepStrictEqual(e.series, old.series)) errs.push(...validateSeries(e));
  const immutable: Array<[string, keyof Event]> = [
    ['involvedObject', 'regarding'], ['reason', 'reason'], ['message', 'note'], ['source', 'deprecatedSource'],
    ['firstTimestamp', 'deprecatedFirstTimestamp'], ['lastTimestamp', 'deprecatedLastTimestamp'], ['count', 'deprecatedCount'],
    ['type', 'type'], ['eventTime', 'eventTime'], ['action', 'action'], ['related', 'related'],
    ['reportingController', 'reportingController'], ['reportingInstance', 'reportingInstance'],
  ];
  for (const [path, key] of immutable) errs.push(...validateImmutableField(e[key], old[key], path));
  return errs;
}

export const eventsV1FieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  'regarding.kind': (o) => (o as V1Event).regarding?.kind ?? '',
  'regarding.namespace': (o) => (o as V1Event).regarding?.namespace ?? '',
  'regarding.name': (o) => (o as V1Event).regarding?.name ?? '',
  'regarding.uid': (o) => (o as V1Event).regarding?.uid ?? '',
  'regarding.apiVersion': (o) => (o as V1Event).regarding?.apiVersion ?? '',
  'regarding.resourceVersion': (o) => (o as V1Event).regarding?.resourceVersion ?? '',
  'regarding.fieldPath': (o) => (o as V1Event).regarding?.fieldPath ?? '',
  reason: (o) => (o as V1Event).reason ?? '',
  reportingController: (o) => (o as V1Event).reportingController ?? '',
  type: (o) => (o as V1Event).type ?? '',
};
