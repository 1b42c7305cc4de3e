// events.k8s.io/v1 Event table: the same printEvent as core/v1 (one internal Event type), reached
// through the v1 -> core conversion (note -> message, regarding -> involvedObject, deprecated* -> the
// old fields; pkg/apis/events/v1/conversion.go), so the renames live in conversion.ts alone.
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { cells as coreCells, columns as coreColumns } from '../event/table.js';
import { toStorage } from './conversion.js';

export const columns: TableColumn[] = coreColumns;

export const cells = (obj: KObject, now: number): unknown[] => coreCells(toStorage(obj), now);
