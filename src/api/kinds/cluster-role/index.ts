import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { validateClusterRole, validateClusterRoleUpdate } from './validation.js';

export const clusterRole: KindDef = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRole',
  listKind: 'ClusterRoleList',
  plural: 'clusterroles',
  singular: 'clusterrole',
  namespaced: false,
  model: 'V1ClusterRole',
  statusSubresource: false,
  validate: validateClusterRole,
  validateUpdate: validateClusterRoleUpdate,
  table: { columns, cells },
};
