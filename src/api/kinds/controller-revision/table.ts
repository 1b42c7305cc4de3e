// ControllerRevision table, as printControllerRevision in kubernetes pkg/printers/internalversion/printers.go
// (v1.33): the controller shows as `<kind>.<group>/<name>` (formatResourceName with its kind), else <none>.
import type { ControllerRevision } from 'kubernetes-types/apps/v1.js';
import type { TableColumn } from '../../kind.js';
import { controllerRef } from '../../meta/owners.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Controller', 'Controller of the object'),
  stringColumn('Revision', 'Revision indicates the revision of the state represented by Data.'),
  ageColumn,
];

export function controllerName(obj: KObject): string {
  const ref = controllerRef(obj);
  if (!ref) return '<none>';
  const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0] : '';
  return `${ref.kind.toLowerCase()}${group ? `.${group}` : ''}/${ref.name}`;
}

export function cells(obj: KObject, now: number): unknown[] {
  const cr = obj as ControllerRevision & KObject;
  return [cr.metadata.name, controllerName(obj), cr.revision ?? 0, age(cr.metadata.creationTimestamp, now)];
}
