// The table for kinds without a printer (Role, ClusterRole): apiserver's default table convertor
// (k8s.io/apiserver pkg/registry/rest/table.go) shows NAME and CREATED AT, the latter an RFC 3339
// UTC date cell that kubectl renders as is.
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn } from './columns.js';

export const defaultColumns: TableColumn[] = [
  nameColumn,
  { name: 'Created At', type: 'date', format: '', priority: 0, description: ageColumn.description },
];

/** Go's time.RFC3339 of the creation time in UTC: whole seconds, `Z`; the zero time when unset. */
export function createdAt(timestamp: string | undefined): string {
  const ms = timestamp ? Date.parse(timestamp) : NaN;
  if (Number.isNaN(ms)) return '0001-01-01T00:00:00Z';
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function defaultCells(obj: KObject): unknown[] {
  return [obj.metadata.name, createdAt(obj.metadata.creationTimestamp)];
}
