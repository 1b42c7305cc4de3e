import type { KindDef } from '../../kind.js';
import { scale } from './scale.js';
import { cells, columns } from './table.js';
import { defaultReplicationController, prepareReplicationControllerForCreate, replicationControllerFieldSelectors } from './defaults.js';
import { validateReplicationController, validateReplicationControllerUpdate } from './validation.js';

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
  defaults: defaultReplicationController,
  validate: validateReplicationController,
  validateUpdate: validateReplicationControllerUpdate,
  prepareForCreate: prepareReplicationControllerForCreate,
  fieldSelectors: replicationControllerFieldSelectors,
  table: { columns, cells },
};
