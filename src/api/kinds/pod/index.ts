import type { KindDef } from '../../kind.js';
import { cells, columns, rowConditions } from './table.js';
import { defaultPodObject, podFieldSelectors, preparePodForCreate, preparePodForUpdate } from './defaults.js';
import { validatePod, validatePodUpdate } from './validation.js';

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
  extraSubresources: [{ name: 'binding', kind: 'Binding', verbs: ['create'] }],
  defaults: defaultPodObject,
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  prepareForCreate: preparePodForCreate,
  prepareForUpdate: preparePodForUpdate,
  fieldSelectors: podFieldSelectors,
  table: { columns, cells, rowConditions },
};
