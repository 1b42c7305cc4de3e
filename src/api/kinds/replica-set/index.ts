import type { KindDef } from '../../kind.js';
import { scale } from './scale.js';
import { cells, columns } from './table.js';

export const replicaSet: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'ReplicaSet',
  listKind: 'ReplicaSetList',
  plural: 'replicasets',
  singular: 'replicaset',
  namespaced: true,
  shortNames: ["rs"],
  categories: ["all"],
  hasGeneration: true,
  model: 'V1ReplicaSet',
  statusSubresource: true,
  scale,
  table: { columns, cells },
};
