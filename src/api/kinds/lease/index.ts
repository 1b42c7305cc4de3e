import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { validateLease, validateLeaseUpdate } from './validation.js';

export const lease: KindDef = {
  group: 'coordination.k8s.io',
  version: 'v1',
  kind: 'Lease',
  listKind: 'LeaseList',
  plural: 'leases',
  singular: 'lease',
  namespaced: true,
  model: 'V1Lease',
  statusSubresource: false,
  validate: validateLease,
  validateUpdate: validateLeaseUpdate,
  table: { columns, cells },
};
