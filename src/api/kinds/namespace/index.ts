import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { defaultNamespace, namespaceFieldSelectors, prepareNamespaceForCreate, prepareNamespaceForUpdate } from './defaults.js';
import { validateNamespace, validateNamespaceUpdate } from './validation.js';

export const namespace: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Namespace',
  listKind: 'NamespaceList',
  plural: 'namespaces',
  singular: 'namespace',
  namespaced: false,
  // Namespaces cannot be deleted as a collection, as upstream.
  verbs: ['create', 'delete', 'get', 'list', 'patch', 'update', 'watch'],
  shortNames: ["ns"],
  model: 'V1Namespace',
  statusSubresource: true,
  defaults: defaultNamespace,
  validate: validateNamespace,
  validateUpdate: validateNamespaceUpdate,
  prepareForCreate: prepareNamespaceForCreate,
  prepareForUpdate: prepareNamespaceForUpdate,
  fieldSelectors: namespaceFieldSelectors,
  table: { columns, cells },
};
