// ServiceAccount table, as printServiceAccount in kubernetes pkg/printers/internalversion/printers.go
// (v1.33 still has the SECRETS column: the count of `secrets` references, an integer cell).
import type { ServiceAccount } from 'kubernetes-types/core/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, nameColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Secrets', 'Secrets is a list of the secrets in the same namespace that pods running using this ServiceAccount are allowed to use. Pods are only limited to this list if this service account has a "kubernetes.io/enforce-mountable-secrets" annotation set to "true". This field should not be used to find auto-generated service account token secrets for use outside of pods. Instead, tokens can be requested directly using the TokenRequest API, or service account token secrets can be manually created. More info: https://kubernetes.io/docs/concepts/configuration/secret'),
  ageColumn,
];

export function cells(obj: KObject, now: number): unknown[] {
  const sa = obj as ServiceAccount;
  return [sa.metadata?.name, (sa.secrets ?? []).length, age(sa.metadata?.creationTimestamp, now)];
}
