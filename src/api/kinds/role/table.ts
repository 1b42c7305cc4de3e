// Role table: kubernetes registers no printer for it (pkg/registry/rbac/role/storage uses
// rest.NewDefaultTableConvertor), so `kubectl get` shows NAME and CREATED AT.
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { defaultCells, defaultColumns } from '../shared/default-table.js';

export const columns: TableColumn[] = defaultColumns;

export function cells(obj: KObject, _now: number): unknown[] {
  return defaultCells(obj);
}
