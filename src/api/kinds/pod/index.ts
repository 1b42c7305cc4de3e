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
  // Discovery entries as kube-apiserver lists them (golden discovery/api_v1.json).
  extraSubresources: [
    { name: 'attach', kind: 'PodAttachOptions', verbs: ['create', 'get'] },
    { name: 'binding', kind: 'Binding', verbs: ['create'] },
    { name: 'exec', kind: 'PodExecOptions', verbs: ['create', 'get'] },
    { name: 'log', kind: 'Pod', verbs: ['get'] },
    { name: 'portforward', kind: 'PodPortForwardOptions', verbs: ['create', 'get'] },
  ],
  defaults: defaultPodObject,
  validate: validatePod,
  validateUpdate: validatePodUpdate,
  prepareForCreate: preparePodForCreate,
  prepareForUpdate: preparePodForUpdate,
  fieldSelectors: podFieldSelectors,
  table: { columns, cells, rowConditions },
};
