// apps/v1 ControllerRevision: an immutable snapshot of a controller's template (DaemonSet and
// StatefulSet history). Data is a RawExtension; only the revision number may change.
import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { validateControllerRevision, validateControllerRevisionUpdate } from './validation.js';

export const controllerRevision: KindDef = {
  group: 'apps',
  version: 'v1',
  kind: 'ControllerRevision',
  listKind: 'ControllerRevisionList',
  plural: 'controllerrevisions',
  singular: 'controllerrevision',
  namespaced: true,
  model: 'V1ControllerRevision',
  statusSubresource: false,
  validate: validateControllerRevision,
  validateUpdate: validateControllerRevisionUpdate,
  table: { columns, cells },
};
