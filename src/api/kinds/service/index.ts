import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

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
  table: { columns, cells },
};
