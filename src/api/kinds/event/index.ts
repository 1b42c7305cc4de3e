import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

export const event: KindDef = {
  group: '',
  version: 'v1',
  kind: 'Event',
  listKind: 'EventList',
  plural: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ["ev"],
  model: 'CoreV1Event',
  statusSubresource: false,
  table: { columns, cells },
};
