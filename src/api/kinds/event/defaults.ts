// Field labels for core/v1 events (pkg/registry/core/event/strategy.go ToSelectableFields).
import type { KObject } from '../../object.js';
import type { EventObject } from './validation.js';

const ev = (o: KObject) => o as EventObject;

export const eventFieldSelectors: Record<string, (obj: KObject) => string | undefined> = {
  'involvedObject.kind': (o) => ev(o).involvedObject?.kind ?? '',
  'involvedObject.namespace': (o) => ev(o).involvedObject?.namespace ?? '',
  'involvedObject.name': (o) => ev(o).involvedObject?.name ?? '',
  'involvedObject.uid': (o) => ev(o).involvedObject?.uid ?? '',
  'involvedObject.apiVersion': (o) => ev(o).involvedObject?.apiVersion ?? '',
  'involvedObject.resourceVersion': (o) => ev(o).involvedObject?.resourceVersion ?? '',
  'involvedObject.fieldPath': (o) => ev(o).involvedObject?.fieldPath ?? '',
  reason: (o) => ev(o).reason ?? '',
  reportingComponent: (o) => ev(o).reportingComponent ?? '',
  // Old events name their source component; new ones their reporting controller.
  source: (o) => ev(o).source?.component || ev(o).reportingComponent || '',
  type: (o) => ev(o).type ?? '',
};
