import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';

export const eventsV1Event: KindDef = {
  group: 'events.k8s.io',
  version: 'v1',
  kind: 'Event',
  listKind: 'EventList',
  plural: 'events',
  singular: 'event',
  namespaced: true,
  shortNames: ["ev"],
  model: 'EventsV1Event',
  statusSubresource: false,
  table: { columns, cells },
};
