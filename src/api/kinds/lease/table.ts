// Lease table, as printLease in kubernetes pkg/printers/internalversion/printers.go (v1.33).
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Holder', 'holderIdentity contains the identity of the holder of a current lease. If Coordinated Leader Election is used, the holder identity must be equal to the elected LeaseCandidate.metadata.name field.'),
  ageColumn,
];

export function cells(obj: KObject, now: number): unknown[] {
  const lease = obj as Lease;
  return [lease.metadata?.name, lease.spec?.holderIdentity ?? '', age(lease.metadata?.creationTimestamp, now)];
}
