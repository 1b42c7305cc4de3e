import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

export const job: KindDef = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  listKind: 'JobList',
  plural: 'jobs',
  singular: 'job',
  namespaced: true,
  categories: ["all"],
  hasGeneration: true,
  model: 'V1Job',
  statusSubresource: true,
  table: { columns, cells },
};
