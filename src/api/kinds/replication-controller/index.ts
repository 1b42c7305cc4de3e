import type { KindDef } from '../../kind.js';
import { scale } from './scale.js';
import { cells, columns } from './table.js';

export const replicationController: KindDef = {
  group: '',
  version: 'v1',
  kind: 'ReplicationController',
  listKind: 'ReplicationControllerList',
  plural: 'replicationcontrollers',
  singular: 'replicationcontroller',
  namespaced: true,
  shortNames: ["rc"],
  categories: ["all"],
  hasGeneration: true,
  model: 'V1ReplicationController',
  statusSubresource: true,
  scale,
  table: { columns, cells },
};
