// The Event table shared by core/v1 and events.k8s.io/v1 Events: both are stored as the one
// internal Event and printed by printEvent in kubernetes pkg/printers/internalversion/printers.go.
import type { TableColumn } from '../../kind.js';
import { nameColumn, stringColumn } from './columns.js';
import { age } from './duration.js';

export const eventColumns: TableColumn[] = [
  stringColumn('Last Seen', 'The time at which the most recent occurrence of this event was recorded.'),
  stringColumn('Type', 'Type of this event (Normal, Warning), new types could be added in the future'),
  stringColumn('Reason', "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  stringColumn('Object', 'The object that this event is about.'),
  stringColumn('Subobject', 'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2]. For example, if the object reference is to a container within a pod, this would take on a value like: "spec.containers{name}" (where "name" refers to the name of the container that triggered the event) or if no container name is specified "spec.containers[2]" (container with index 2 in this pod). This syntax is chosen only to have some well-defined way of referencing a part of an object.', 1),
  stringColumn('Source', 'The component reporting this event. Should be a short machine understandable string.', 1),
  stringColumn('Message', 'A human-readable description of the status of this operation.'),
  stringColumn('First Seen', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)', 1),
  // The column says string, but the cell is an integer (int64(count) upstream).
  stringColumn('Count', 'The number of times this event has occurred.', 1),
  { ...nameColumn, priority: 1 },
];

/** The internal Event's printed fields, whichever API version the object came from. */
export interface EventFields {
  name?: string;
  type?: string;
  reason?: string;
  involvedKind?: string;
  involvedName?: string;
  fieldPath?: string;
  sourceComponent?: string;
  sourceHost?: string;
  reportingController?: string;
  reportingInstance?: string;
  message?: string;
  firstTimestamp?: string | null;
  lastTimestamp?: string | null;
  eventTime?: string | null;
  count?: number;
  series?: { count?: number; lastObservedTime?: string } | null;
}

const firstNonEmpty = (...ss: Array<string | undefined>) => ss.find((s) => !!s) ?? '';

/** formatEventSource: component (or reportingController), then ", instance" when there is one. */
function eventSource(e: EventFields): string {
  const component = firstNonEmpty(e.sourceComponent, e.reportingController);
  const instance = firstNonEmpty(e.sourceHost, e.reportingInstance);
  return instance ? `${component}, ${instance}` : component;
}

export function eventCells(e: EventFields, now: number): unknown[] {
  // New-API events carry only eventTime; series events their last observation and count.
  const firstSeen = e.firstTimestamp ? age(e.firstTimestamp, now) : age(e.eventTime, now);
  let lastSeen = e.lastTimestamp ? age(e.lastTimestamp, now) : firstSeen;
  let count = e.count ?? 0;
  if (e.series) {
    lastSeen = age(e.series.lastObservedTime, now);
    count = e.series.count ?? 0;
  } else if (count === 0) {
    count = 1; // singleton events have no count in the new API
  }
  const kind = (e.involvedKind ?? '').toLowerCase();
  const target = e.involvedName ? `${kind}/${e.involvedName}` : kind;
  return [
    lastSeen, e.type ?? '', e.reason ?? '', target, e.fieldPath ?? '', eventSource(e),
    (e.message ?? '').trim(), firstSeen, count, e.name ?? '',
  ];
}
