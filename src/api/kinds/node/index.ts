import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

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
  table: { columns, cells },
};
