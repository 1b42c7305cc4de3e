import type { KindDef } from '../../kind.js';
import { cells, columns } from './table.js';
import { eventFieldSelectors } from './defaults.js';
import { validateEvent, validateEventUpdate } from './validation.js';

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
  validate: validateEvent,
  validateUpdate: validateEventUpdate,
  fieldSelectors: eventFieldSelectors,
  table: { columns, cells },
};
