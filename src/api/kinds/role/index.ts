import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { validateRole, validateRoleUpdate } from './validation.js';

export const role: KindDef = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'Role',
  listKind: 'RoleList',
  plural: 'roles',
  singular: 'role',
  namespaced: true,
  model: 'V1Role',
  statusSubresource: false,
  validate: validateRole,
  validateUpdate: validateRoleUpdate,
  table: { columns, cells },
};
