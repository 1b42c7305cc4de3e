import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { validateConfigMap, validateConfigMapUpdate } from './validation.js';

export const configMap: KindDef = {
  group: '',
  version: 'v1',
  kind: 'ConfigMap',
  listKind: 'ConfigMapList',
  plural: 'configmaps',
  singular: 'configmap',
  namespaced: true,
  shortNames: ["cm"],
  model: 'V1ConfigMap',
  statusSubresource: false,
  validate: validateConfigMap,
  validateUpdate: validateConfigMapUpdate,
  table: { columns, cells },
};
