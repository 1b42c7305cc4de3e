import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

export const roleBinding: KindDef = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'RoleBinding',
  listKind: 'RoleBindingList',
  plural: 'rolebindings',
  singular: 'rolebinding',
  namespaced: true,
  model: 'V1RoleBinding',
  statusSubresource: false,
  table: { columns, cells },
};
