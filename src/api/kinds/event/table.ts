// core/v1 Event table, as printEvent in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { Event } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { eventCells, eventColumns } from '../shared/event-row.js';

export const columns: TableColumn[] = eventColumns;

export function cells(obj: KObject, now: number): unknown[] {
  const e = obj as unknown as Event; // Event declares required fields a stored object may lack
  return eventCells({
    name: e.metadata?.name, type: e.type, reason: e.reason,
    involvedKind: e.involvedObject?.kind, involvedName: e.involvedObject?.name, fieldPath: e.involvedObject?.fieldPath,
    sourceComponent: e.source?.component, sourceHost: e.source?.host,
    // core/v1 spells the internal ReportingController "reportingComponent".
    reportingController: e.reportingComponent, reportingInstance: e.reportingInstance,
    message: e.message, firstTimestamp: e.firstTimestamp, lastTimestamp: e.lastTimestamp, eventTime: e.eventTime,
    count: e.count, series: e.series,
  }, now);
}
