// ConfigMap table, as printConfigMap in kubernetes pkg/printers/internalversion/printers.go (v1.33):
// DATA counts data and binaryData keys together, as an integer cell.
import type { ConfigMap } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Data', "Data contains the configuration data. Each key must consist of alphanumeric characters, '-', '_' or '.'. Values with non-UTF-8 byte sequences must use the BinaryData field. The keys stored in Data must not overlap with the keys in the BinaryData field, this is enforced during validation process."),
  ageColumn,
];

export function cells(obj: KObject, now: number): unknown[] {
  const cm = obj as ConfigMap;
  const count = Object.keys(cm.data ?? {}).length + Object.keys(cm.binaryData ?? {}).length;
  return [cm.metadata?.name, count, age(cm.metadata?.creationTimestamp, now)];
}
