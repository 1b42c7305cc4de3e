import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

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
  table: { columns, cells },
};
