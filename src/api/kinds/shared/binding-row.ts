// RoleBinding and ClusterRoleBinding tables, as printRoleBinding / printClusterRoleBinding in
// kubernetes pkg/printers/internalversion/printers.go (v1.33), subjects split as rbac.SubjectsStrings.
import type { RoleRef, Subject } from 'kubernetes-types/rbac/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from './columns.js';
import { age } from './duration.js';

/** `noun` is "roleBinding" or "clusterRoleBinding", as the upstream descriptions say. */
export function bindingColumns(roleRefDescription: string, noun: string): TableColumn[] {
  return [
    nameColumn,
    stringColumn('Role', roleRefDescription),
    ageColumn,
    stringColumn('Users', `Users in the ${noun}`, 1),
    stringColumn('Groups', `Groups in the ${noun}`, 1),
    stringColumn('ServiceAccounts', `ServiceAccounts in the ${noun}`, 1),
  ];
}

export function bindingCells(obj: KObject, now: number): unknown[] {
  const roleRef = obj.roleRef as RoleRef | undefined;
  const users: string[] = [];
  const groups: string[] = [];
  const sas: string[] = [];
  for (const s of (obj.subjects as Subject[] | undefined) ?? []) {
    if (s.kind === 'ServiceAccount') sas.push(`${s.namespace ?? ''}/${s.name}`);
    else if (s.kind === 'User') users.push(s.name);
    else if (s.kind === 'Group') groups.push(s.name);
  }
  return [
    obj.metadata.name, `${roleRef?.kind ?? ''}/${roleRef?.name ?? ''}`, age(obj.metadata.creationTimestamp, now),
    users.join(', '), groups.join(', '), sas.join(', '),
  ];
}
