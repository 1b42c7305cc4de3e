// RoleBinding table, as printRoleBinding in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { bindingCells, bindingColumns } from '../shared/binding-row.js';

// The printer reads rbac/v1beta1's doc for roleRef.
export const columns: TableColumn[] = bindingColumns(
  'RoleRef can reference a Role in the current namespace or a ClusterRole in the global namespace. If the RoleRef cannot be resolved, the Authorizer must return an error.',
  'roleBinding',
);

export function cells(obj: KObject, now: number): unknown[] {
  return bindingCells(obj, now);
}
