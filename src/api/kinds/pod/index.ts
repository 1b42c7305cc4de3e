import type { KindDef } from '../../kind.js';
import { cells, columns, rowConditions } from './table.js';

export const pod: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Pod',
  listKind: 'PodList',
  plural: 'pods',
  singular: 'pod',
  namespaced: true,
  shortNames: ["po"],
  categories: ["all"],
  model: 'V1Pod',
  statusSubresource: true,
  table: { columns, cells, rowConditions },
};
