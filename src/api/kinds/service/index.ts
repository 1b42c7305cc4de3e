import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { defaultService, prepareServiceForCreate, prepareServiceForUpdate } from './defaults.js';
import { validateService, validateServiceUpdate } from './validation.js';

export const service: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Service',
  listKind: 'ServiceList',
  plural: 'services',
  singular: 'service',
  namespaced: true,
  shortNames: ["svc"],
  categories: ["all"],
  model: 'V1Service',
  statusSubresource: true,
  defaults: defaultService,
  validate: validateService,
  validateUpdate: validateServiceUpdate,
  prepareForCreate: prepareServiceForCreate,
  prepareForUpdate: prepareServiceForUpdate,
  table: { columns, cells },
};
