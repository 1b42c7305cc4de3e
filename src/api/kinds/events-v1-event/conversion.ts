// events.k8s.io/v1 Event <-> core/v1 Event: one stored object, two views, with the field renames of
// pkg/apis/events/v1/conversion.go (regarding = involvedObject, note = message,
// reportingController = reportingComponent, deprecated* = the core fields).
import type { KObject } from '../../object.js';

type Obj = Record<string, unknown>;

const renames: Array<[events: string, core: string]> = [
  ['regarding', 'involvedObject'],
  ['note', 'message'],
  ['reportingController', 'reportingComponent'],
  ['deprecatedSource', 'source'],
  ['deprecatedFirstTimestamp', 'firstTimestamp'],
  ['deprecatedLastTimestamp', 'lastTimestamp'],
  ['deprecatedCount', 'count'],
];

function rename(obj: KObject, from: 0 | 1, apiVersion: string): KObject {
  const out: Obj = { ...obj, apiVersion, kind: 'Event' };
  for (const pair of renames) {
    const src = pair[from], dst = pair[1 - from]!;
    delete out[src];
    if ((obj as Obj)[src] !== undefined) out[dst] = (obj as Obj)[src];
  }
  return out as KObject;
}

export const toStorage = (obj: KObject): KObject => rename(obj, 0, 'v1');
export const fromStorage = (obj: KObject): KObject => rename(obj, 1, 'events.k8s.io/v1');
