import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { defaultSecret, secretFieldSelectors } from './defaults.js';
import { validateSecret, validateSecretUpdate } from './validation.js';

export const secret: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Secret',
  listKind: 'SecretList',
  plural: 'secrets',
  singular: 'secret',
  namespaced: true,
  model: 'V1Secret',
  statusSubresource: false,
  defaults: defaultSecret,
  validate: validateSecret,
  validateUpdate: validateSecretUpdate,
  fieldSelectors: secretFieldSelectors,
  table: { columns, cells },
};
