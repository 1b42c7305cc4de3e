import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { defaultNode, nodeFieldSelectors } from './defaults.js';
import { validateNode, validateNodeUpdate } from './validation.js';

export const node: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Node',
  listKind: 'NodeList',
  plural: 'nodes',
  singular: 'node',
  namespaced: false,
  shortNames: ["no"],
  model: 'V1Node',
  statusSubresource: true,
  defaults: defaultNode,
  validate: validateNode,
  validateUpdate: validateNodeUpdate,
  fieldSelectors: nodeFieldSelectors,
  table: { columns, cells },
};
