import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

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
  table: { columns, cells },
};
