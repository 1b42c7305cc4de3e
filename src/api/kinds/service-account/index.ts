import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { validateServiceAccount, validateServiceAccountUpdate } from './validation.js';

export const serviceAccount: KindDef = {
  group: '',
  version: 'v1',
  kind: 'ServiceAccount',
  listKind: 'ServiceAccountList',
  plural: 'serviceaccounts',
  singular: 'serviceaccount',
  namespaced: true,
  shortNames: ["sa"],
  model: 'V1ServiceAccount',
  statusSubresource: false,
  validate: validateServiceAccount,
  validateUpdate: validateServiceAccountUpdate,
  table: { columns, cells },
};
