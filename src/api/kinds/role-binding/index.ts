import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { defaultBinding, validateRoleBinding, validateRoleBindingUpdate } from './validation.js';

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
  defaults: defaultBinding,
  validate: validateRoleBinding,
  validateUpdate: validateRoleBindingUpdate,
  table: { columns, cells },
};
