// The node lifecycle controller's writes (pkg/controller/util/node/controller_utils.go
// SwapNodeControllerTaint and MarkPodsNotReady; pkg/controller/controller_utils.go
// AddOrUpdateTaintOnNode / RemoveTaintOffNode): taints as one read-modify-write of the Node, and the
// Ready condition of pods on a node that stopped being Ready.
import type { Taint } from 'kubernetes-types/core/v1.js';
import { isConflict, isNotFound, type ApiClient } from '../../client/api-client.js';
import { objectKey, type Informer } from '../../client/informer.js';
import { rfc3339, type Clock } from '../../util/clock.js';
import type { NodeObject, PodObject, Recorder } from './objects.js';
import { notReadyStatus } from './pod-conditions.js';
import { swapTaints } from './taints.js';

export class NodeWrites {
  constructor(
    private readonly client: ApiClient,
    private readonly nodes: Informer<NodeObject>,
    private readonly recorder: Recorder,
    private readonly clock: Clock,
    private readonly log: (m: string) => void,
  ) {}

  /** SwapNodeControllerTaint: adds the taint stamped with now, removes its opposite; false on failure. */
  async swapTaint(name: string, add: Taint, remove: Taint): Promise<boolean> {
    try {
      await this.updateTaints(name, [{ ...add, timeAdded: rfc3339(this.clock.now()) }], [remove]);
      return true;
    } catch (e) {
      this.log(`node-lifecycle: tainting node ${name}: ${String(e)}`);
      return false;
    }
  }

  /** AddOrUpdateTaintOnNode + RemoveTaintOffNode as one read-modify-write; no write when nothing changes. */
  async updateTaints(name: string, add: Taint[], remove: Taint[], cached?: NodeObject): Promise<void> {
    const node = cached ?? this.nodes.get(name);
    if (node && !swapTaints(node.spec?.taints, add, remove)) return;
    const def = this.client.kind('', 'Node');
    try {
      await this.client.mutate(def, undefined, name, (cur) => {
        const n = cur as NodeObject;
        const next = swapTaints(n.spec?.taints, add, remove);
        if (!next) return cur;
        return { ...n, spec: { ...n.spec, taints: next.length ? next : undefined } } as NodeObject;
      });
    } catch (e) {
      if (!isNotFound(e)) throw e;
    }
  }

  /** MarkPodsNotReady: each pod's Ready condition turns False; false when a write failed (retried next pass). */
  async markPodsNotReady(nodeName: string, pods: readonly PodObject[]): Promise<boolean> {
    const def = this.client.kind('', 'Pod');
    let ok = true;
    for (const pod of pods) {
      if (pod.spec?.nodeName !== nodeName) continue;
      const status = notReadyStatus(pod.status, this.clock.now());
      if (!status) continue;
      try {
        await this.client.updateStatus(def, { ...pod, status });
      } catch (e) {
        if (isNotFound(e)) continue;
        if (!isConflict(e)) this.log(`node-lifecycle: marking pod ${objectKey(pod)} not ready: ${String(e)}`);
        ok = false;
        continue;
      }
      // Recorded after the write, so the pod still exists (as upstream).
      this.recorder.event(pod, 'Warning', 'NodeNotReady', 'Node is not ready');
    }
    return ok;
  }
}
