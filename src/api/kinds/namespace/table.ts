// Namespace table, as printNamespace in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { Namespace } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

export const columns: TableColumn[] = [nameColumn, stringColumn('Status', 'The status of the namespace'), ageColumn];

export function cells(obj: KObject, now: number): unknown[] {
  const ns = obj as Namespace;
  return [ns.metadata?.name, ns.status?.phase ?? '', age(ns.metadata?.creationTimestamp, now)];
}
