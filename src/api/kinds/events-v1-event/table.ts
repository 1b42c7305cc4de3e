// events.k8s.io/v1 Event table: the same printEvent as core/v1 (one internal Event type), reached
// through the v1 -> internal conversion (note -> message, regarding -> involvedObject,
// deprecated* -> the old fields). See kubernetes pkg/apis/events/v1/conversion.go.
import type { Event } from 'kubernetes-types/events/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { eventCells, eventColumns } from '../shared/event-row.js';

export const columns: TableColumn[] = eventColumns;

export function cells(obj: KObject, now: number): unknown[] {
  const e = obj as unknown as Event; // Event declares required fields a stored object may lack
  return eventCells({
    name: e.metadata?.name, type: e.type, reason: e.reason,
    involvedKind: e.regarding?.kind, involvedName: e.regarding?.name, fieldPath: e.regarding?.fieldPath,
    sourceComponent: e.deprecatedSource?.component, sourceHost: e.deprecatedSource?.host,
    reportingController: e.reportingController, reportingInstance: e.reportingInstance,
    message: e.note, firstTimestamp: e.deprecatedFirstTimestamp, lastTimestamp: e.deprecatedLastTimestamp,
    eventTime: e.eventTime, count: e.deprecatedCount, series: e.series,
  }, now);
}
