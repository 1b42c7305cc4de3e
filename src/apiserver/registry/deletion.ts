// DELETE semantics (apiserver's genericregistry.Store.Delete + rest.BeforeDelete): preconditions,
// propagation policy as finalizers for the garbage collector, graceful deletion for pods on a node,
// and finalizers that hold an object in "Terminating" until their owners remove them.
import { badRequest, conflict, StatusError } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { rfc3339 } from '../../util/clock.js';
import type { Registry, WriteOptions } from './registry.js';

export interface DeleteOptions {
  propagationPolicy?: 'Orphan' | 'Background' | 'Foreground';
  orphanDependents?: boolean;
  gracePeriodSeconds?: number;
  preconditions?: { uid?: string; resourceVersion?: string };
  dryRun?: string[];
}

export const ORPHAN_FINALIZER = 'orphan';
export const FOREGROUND_FINALIZER = 'foregroundDeletion';
const DEFAULT_POD_GRACE_SECONDS = 30;

export interface DeleteResult {
  object: KObject;
  /** False when the object stays, marked for deletion, until finalizers or a kubelet let it go. */
  gone: boolean;
}

function propagation(opts: DeleteOptions): DeleteOptions['propagationPolicy'] {
  if (opts.propagationPolicy && opts.orphanDependents !== undefined) {
    throw badRequest('Using both OrphanDependents and PropagationPolicy is not allowed');
  }
  if (opts.propagationPolicy && !['Orphan', 'Background', 'Foreground'].includes(opts.propagationPolicy)) {
    throw new StatusError(422, 'Invalid', `DeleteOptions.meta.k8s.io "" is invalid: propagationPolicy: Unsupported value: "${opts.propagationPolicy}": supported values: "Foreground", "Background", "Orphan"`);
  }
  if (opts.orphanDependents !== undefined) return opts.orphanDependents ? 'Orphan' : 'Background';
  return opts.propagationPolicy;
}

/** Grace period for a pod: only pods bound to a node wait for their kubelet. */
function graceSeconds(def: KindDef, obj: KObject, opts: DeleteOptions): number {
  if (def.kind !== 'Pod' || def.group !== '') return 0;
  const spec = obj.spec as { nodeName?: string; terminationGracePeriodSeconds?: number } | undefined;
  const status = obj.status as { phase?: string } | undefined;
  if (!spec?.nodeName) return 0; // never scheduled: nothing runs, delete at once
  if (status?.phase === 'Succeeded' || status?.phase === 'Failed') return 0;
  const g = opts.gracePeriodSeconds ?? spec.terminationGracePeriodSeconds ?? DEFAULT_POD_GRACE_SECONDS;
  return Math.max(0, g);
}

export async function deleteObject(reg: Registry, def: KindDef, namespace: string | undefined, name: string, opts: DeleteOptions = {}): Promise<DeleteResult> {
  const policy = propagation(opts);
  const write: WriteOptions = { dryRun: !!opts.dryRun?.length };
  for (let attempt = 0; ; attempt++) {
    const cur = await reg.get(def, namespace, name);
    const rev = Number(cur.metadata.resourceVersion);
    const pre = opts.preconditions;
    if (pre?.uid && pre.uid !== cur.metadata.uid) {
      throw conflict({ group: def.group, resource: def.plural }, name, `Precondition failed: UID in precondition: ${pre.uid}, UID in object meta: ${cur.metadata.uid}`);
    }
    if (pre?.resourceVersion && pre.resourceVersion !== cur.metadata.resourceVersion) {
      throw conflict({ group: def.group, resource: def.plural }, name, `Precondition failed: ResourceVersion in precondition: ${pre.resourceVersion}, ResourceVersion in object meta: ${cur.metadata.resourceVersion}`);
    }
    const next = structuredClone(cur);
    const m = next.metadata;
    const finalizers = new Set(m.finalizers ?? []);
    if (policy === 'Orphan') { finalizers.add(ORPHAN_FINALIZER); finalizers.delete(FOREGROUND_FINALIZER); }
    if (policy === 'Foreground') { finalizers.add(FOREGROUND_FINALIZER); finalizers.delete(ORPHAN_FINALIZER); }
    if (policy === 'Background') { finalizers.delete(ORPHAN_FINALIZER); finalizers.delete(FOREGROUND_FINALIZER); }
    const isNamespace = def.kind === 'Namespace' && def.group === '';
    const grace = graceSeconds(def, cur, opts);
    const force = opts.gracePeriodSeconds === 0;
    if (finalizers.size === 0 && !isNamespace && (grace === 0 || (cur.metadata.deletionTimestamp && force))) {
      if (write.dryRun) return { object: cur, gone: true };
      try {
        return { object: await reg.remove(def, cur, rev), gone: true };
      } catch (e) {
        if (e instanceof StatusError && e.reason === 'Conflict' && attempt < 10) continue;
        throw e;
      }
    }
    // Marked for deletion: stays until finalizers are removed or the kubelet confirms.
    const now = reg.now();
    if (!m.deletionTimestamp) {
      m.deletionTimestamp = rfc3339(now + grace * 1000);
      m.deletionGracePeriodSeconds = grace;
    } else if (grace < (m.deletionGracePeriodSeconds ?? 0)) {
      m.deletionTimestamp = rfc3339(now + grace * 1000); // a shorter grace period may replace a longer one
      m.deletionGracePeriodSeconds = grace;
    }
    m.finalizers = [...finalizers];
    if (m.finalizers.length === 0) delete m.finalizers;
    if (isNamespace) (next.status as { phase?: string }) = { ...(next.status as object), phase: 'Terminating' };
    if (write.dryRun) return { object: next, gone: false };
    try {
      const stored = await reg.writeServerFields(def, cur, next, rev);
      return { object: stored, gone: false };
    } catch (e) {
      if (e instanceof StatusError && e.reason === 'Conflict' && attempt < 10) continue;
      throw e;
    }
  }
}
