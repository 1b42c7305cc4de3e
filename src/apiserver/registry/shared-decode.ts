// Decoding a stored version once for everyone who watches it.
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import type { KeyValue } from '../../store/store.js';
import { decodeKV } from './stored-form.js';

/**
 * One decoded, frozen object per stored version, shared by every watcher of it: the in-process ones
 * (the scheduler, the kubelet, each controller's informer, the garbage collector) and the HTTP
 * watches (kubectl, agents). A pod write was parsed once per watcher, and each informer cache held
 * its own copy of every pod. Frozen, since readers share it: writes go through the registry, which
 * copies what it is given.
 */
const decodedVersions = new WeakMap<KeyValue, KObject>();

export function sharedDecode(kv: KeyValue, def: KindDef): KObject {
  if (def.storedAs) return decodeKV(kv, def); // served converted: each kind its own view
  let obj = decodedVersions.get(kv);
  if (!obj) {
    obj = deepFreeze(decodeKV(kv, def));
    decodedVersions.set(kv, obj);
  }
  return obj;
}

function deepFreeze<T>(v: T): T {
  if (v && typeof v === 'object' && !Object.isFrozen(v)) {
    Object.freeze(v);
    for (const x of Object.values(v as object)) deepFreeze(x);
  }
  return v;
}

