import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { defaultBinding, validateClusterRoleBinding, validateClusterRoleBindingUpdate } from './validation.js';

export const clusterRoleBinding: KindDef = {
  group: 'rbac.authorization.k8s.io',
  version: 'v1',
  kind: 'ClusterRoleBinding',
  listKind: 'ClusterRoleBindingList',
  plural: 'clusterrolebindings',
  singular: 'clusterrolebinding',
  namespaced: false,
  model: 'V1ClusterRoleBinding',
  statusSubresource: false,
  defaults: defaultBinding,
  validate: validateClusterRoleBinding,
  validateUpdate: validateClusterRoleBindingUpdate,
  table: { columns, cells },
};
