// The patch client-side `kubectl apply` sends (apimachinery strategicpatch
// CreateThreeWayMergePatch): what `modified` (the manifest) sets differently from `current` (the
// live object; fields only the server set are left alone), plus `null` for what `original` (the
// last-applied configuration) had and `modified` dropped. Lists of objects with a merge key
// (containers by name, ports by containerPort, …) are merged item by item with
// `$setElementOrder`; other lists are replaced whole when they differ. An empty patch ({}) is
// kubectl's "unchanged".

type J = unknown;
type Obj = Record<string, J>;

const isObj = (v: J): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** patchMergeKey of the list fields kubectl users touch (types.go `patchMergeKey` tags). */
const MERGE_KEYS: Record<string, string> = {
  containers: 'name', initContainers: 'name', ephemeralContainers: 'name', env: 'name', volumes: 'name', volumeMounts: 'mountPath',
  volumeDevices: 'devicePath', imagePullSecrets: 'name', hostAliases: 'ip', ownerReferences: 'uid', conditions: 'type',
  topologySpreadConstraints: 'topologyKey', resourceClaims: 'name',
};

function mergeKeyOf(field: string, items: J[]): string | undefined {
  if (field === 'ports') return items.every((i) => isObj(i) && 'containerPort' in i) ? 'containerPort' : items.every((i) => isObj(i) && 'port' in i) ? 'port' : undefined;
  const k = MERGE_KEYS[field];
  return k && items.every((i) => isObj(i) && k in i) ? k : undefined;
}

/** Whether `want` is already true of `have` (every field `want` sets has that value in `have`). */
export function subsumed(want: J, have: J): boolean {
  if (isObj(want)) return isObj(have) && Object.keys(want).every((k) => subsumed(want[k], have[k]));
  if (Array.isArray(want)) return Array.isArray(have) && want.length === have.length && want.every((w, i) => subsumed(w, have[i]));
  return want === have;
}

function listPatch(field: string, original: J[] | undefined, modified: J[], current: J[] | undefined): Obj | undefined {
  const key = mergeKeyOf(field, modified);
  const cur = current ?? [];
  if (!key || !cur.every((c) => isObj(c))) {
    return subsumed(modified, cur) ? undefined : { [field]: modified };
  }
  const byKey = (l: J[]) => new Map(l.filter(isObj).map((i) => [String(i[key]), i]));
  const curBy = byKey(cur);
  const origBy = byKey(original ?? []);
  const modKeys = modified.map((m) => String((m as Obj)[key]));
  const items: J[] = [];
  for (const m of modified as Obj[]) {
    const k = String(m[key]);
    const c = curBy.get(k);
    if (!c) { items.push(m); continue; }
    const sub = mapPatch(origBy.get(k), m, c);
    if (Object.keys(sub).length) items.push({ ...sub, [key]: m[key] });
  }
  for (const [k, o] of origBy) if (!modKeys.includes(k) && curBy.has(k)) items.push({ $patch: 'delete', [key]: o[key] });
  const curOrder = cur.map((c) => String((c as Obj)[key])).filter((k) => modKeys.includes(k));
  const reordered = curOrder.join('\u0000') !== modKeys.filter((k) => curBy.has(k)).join('\u0000');
  if (!items.length && !reordered) return undefined;
  return { [`$setElementOrder/${field}`]: modified.map((m) => ({ [key]: (m as Obj)[key] })), ...(items.length ? { [field]: items } : {}) };
}

/** The strategic merge patch taking `current` to `modified`, deleting what `original` had. */
export function mapPatch(original: Obj | undefined, modified: Obj, current: Obj | undefined): Obj {
  const patch: Obj = {};
  const cur = current ?? {};
  for (const [k, m] of Object.entries(modified)) {
    const c = cur[k];
    const o = original?.[k];
    if (isObj(m) && isObj(c)) {
      const sub = mapPatch(isObj(o) ? o : undefined, m, c);
      if (Object.keys(sub).length) patch[k] = sub;
    } else if (Array.isArray(m) && Array.isArray(c)) {
      const sub = listPatch(k, Array.isArray(o) ? o : undefined, m, c);
      if (sub) Object.assign(patch, sub);
    } else if (!subsumed(m, c) || (m === null && c !== undefined)) {
      patch[k] = m;
    }
  }
  for (const k of Object.keys(original ?? {})) {
    if (!(k in modified) && k in cur) patch[k] = null;
  }
  return patch;
}
