import type { DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { KindDef } from '../../kind.js';
import type { KObject } from '../../object.js';
import { defaultDaemonSet, prepareDaemonSetForCreate, prepareDaemonSetForUpdate } from './defaults.js';
import { cells, columns } from './table.js';
import { validateDaemonSet, validateDaemonSetStatusUpdate, validateDaemonSetUpdate } from './validation.js';

const asDs = (o: KObject) => o as unknown as DaemonSet;

export const daemonSet: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'DaemonSet',
  listKind: 'DaemonSetList',
  plural: 'daemonsets',
  singular: 'daemonset',
  namespaced: true,
  shortNames: ["ds"],
  categories: ["all"],
  hasGeneration: true,
  model: 'V1DaemonSet',
  statusSubresource: true,
  defaults: (o) => defaultDaemonSet(asDs(o)),
  prepareForCreate: (o) => prepareDaemonSetForCreate(asDs(o)),
  prepareForUpdate: (o, old) => prepareDaemonSetForUpdate(asDs(o), asDs(old)),
  validate: (o) => validateDaemonSet(asDs(o)),
  validateUpdate: (o, old) => validateDaemonSetUpdate(asDs(o), asDs(old)),
  validateStatusUpdate: (o, old) => validateDaemonSetStatusUpdate(asDs(o), asDs(old)),
  table: { columns, cells },
};
