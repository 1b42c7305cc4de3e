import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

export const cronJob: KindDef = {
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  listKind: 'CronJobList',
  plural: 'cronjobs',
  singular: 'cronjob',
  namespaced: true,
  shortNames: ["cj"],
  categories: ["all"],
  hasGeneration: true,
  model: 'V1CronJob',
  statusSubresource: true,
  table: { columns, cells },
};
