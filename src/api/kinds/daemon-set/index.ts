import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

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
  table: { columns, cells },
};
