// The pods/binding subresource (pkg/registry/core/pod/storage: BindingREST): assigns an unbound pod
// to a node and records PodScheduled=True; a pod already bound, or being deleted, is a conflict.
import { conflict } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import { rfc3339 } from '../../util/clock.js';
import type { Registry } from './registry.js';

interface PodLike { spec?: { nodeName?: string }; status?: { conditions?: Array<{ type: string; status: string; lastTransitionTime?: string; lastProbeTime?: null }> } }

export async function bindPod(reg: Registry, podDef: KindDef, namespace: string, name: string, nodeName: string): Promise<void> {
  const gr = { group: '', resource: 'pods/binding' };
  for (let attempt = 0; ; attempt++) {
    const pod = await reg.get(podDef, namespace, name);
    const p = pod as unknown as PodLike;
    if (pod.metadata.deletionTimestamp) throw conflict(gr, name, `pod ${name} is being deleted, cannot be assigned to a host`);
    if (p.spec?.nodeName) throw conflict(gr, name, `pod ${name} is already assigned to node "${p.spec.nodeName}"`);
    const next = structuredClone(pod) as unknown as PodLike & typeof pod;
    next.spec = { ...next.spec, nodeName };
    const conditions = (next.status?.conditions ?? []).filter((c) => c.type !== 'PodScheduled');
    conditions.unshift({ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(reg.now()) });
    next.status = { ...next.status, conditions };
    try {
      await reg.writeServerFields(podDef, pod, next, Number(pod.metadata.resourceVersion));
      return;
    } catch (e) {
      if ((e as { reason?: string }).reason === 'Conflict' && attempt < 10) continue;
      throw e;
    }
  }
}
