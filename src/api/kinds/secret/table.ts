// Secret table, as printSecret in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { Secret } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Type', 'Used to facilitate programmatic handling of secret data. More info: https://kubernetes.io/docs/concepts/configuration/secret/#secret-types'),
  stringColumn('Data', "Data contains the secret data. Each key must consist of alphanumeric characters, '-', '_' or '.'. The serialized form of the secret data is a base64 encoded string, representing the arbitrary (possibly non-string) data value here. Described in https://tools.ietf.org/html/rfc4648#section-4"),
  ageColumn,
];

export function cells(obj: KObject, now: number): unknown[] {
  const s = obj as Secret;
  // Only `data` counts: stringData is merged into data on write and never stored.
  return [s.metadata?.name, s.type ?? '', Object.keys(s.data ?? {}).length, age(s.metadata?.creationTimestamp, now)];
}
