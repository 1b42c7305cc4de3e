import type { ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { KindDef } from '../../kind.js';
import type { KObject } from '../../object.js';
import { scale } from './scale.js';
import { defaultReplicaSet, prepareReplicaSetForCreate, prepareReplicaSetForUpdate } from './defaults.js';
import { cells, columns } from './table.js';
import { validateReplicaSet, validateReplicaSetStatusUpdate, validateReplicaSetUpdate } from './validation.js';

const asRs = (o: KObject) => o as unknown as ReplicaSet;

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
  defaults: (o) => defaultReplicaSet(asRs(o)),
  prepareForCreate: (o) => prepareReplicaSetForCreate(asRs(o)),
  prepareForUpdate: (o, old) => prepareReplicaSetForUpdate(asRs(o), asRs(old)),
  validate: (o) => validateReplicaSet(asRs(o)),
  validateUpdate: (o, old) => validateReplicaSetUpdate(asRs(o), asRs(old)),
  validateStatusUpdate: (o, old) => validateReplicaSetStatusUpdate(asRs(o), asRs(old)),
  table: { columns, cells },
  // pkg/registry/apps/replicaset/strategy.go ReplicaSetToSelectableFields
  fieldSelectors: { 'status.replicas': (o) => String(asRs(o).status?.replicas ?? 0) },
};
