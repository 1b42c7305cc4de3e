import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { eventsV1FieldSelectors, validateEventsV1Event, validateEventsV1EventUpdate } from './validation.js';
import { fromStorage, toStorage } from './conversion.js';

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
  storedAs: { group: '', plural: 'events', toStorage, fromStorage },
  validate: validateEventsV1Event,
  validateUpdate: validateEventsV1EventUpdate,
  fieldSelectors: eventsV1FieldSelectors,
  table: { columns, cells },
};
