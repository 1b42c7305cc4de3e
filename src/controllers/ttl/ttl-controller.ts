// The TTL controller (pkg/controller/ttl/ttl_controller.go): every node carries the annotation
// node.alpha.kubernetes.io/ttl, how many seconds its kubelet may cache the secrets and config maps
// its pods use, set from the cluster's size: 0 up to 100 nodes, then longer for larger clusters,
// each step with some slack on the way back down so a size near a boundary does not flap.
// As upstream, a change of step reaches a node when the node is next added or updated.
import type { ApiClient } from '../../client/api-client.js';
import { Informer } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import type { NodeObject } from '../node-lifecycle/objects.js';

export const TTL_ANNOTATION = 'node.alpha.kubernetes.io/ttl'; // v1.ObjectTTLAnnotationKey

/** ttlBoundaries: the step goes up past sizeMax and back down below sizeMin. */
export const TTL_BOUNDARIES: ReadonlyArray<{ sizeMin: number; sizeMax: number; ttlSeconds: number }> = [
  { sizeMin: 0, sizeMax: 100, ttlSeconds: 0 },
  { sizeMin: 90, sizeMax: 500, ttlSeconds: 15 },
  { sizeMin: 450, sizeMax: 1000, ttlSeconds: 30 },
  { sizeMin: 900, sizeMax: 2000, ttlSeconds: 60 },
  { sizeMin: 1800, sizeMax: 2 ** 31 - 1, ttlSeconds: 300 },
];

export interface TtlControllerOptions {
  log: (m: string) => void;
  timers?: Timers;
}

export class TtlController {
  readonly nodes: Informer<NodeObject>;
  private readonly queue: WorkQueue;
  private nodeCount = 0;
  private step = 0;

  constructor(private readonly client: ApiClient, opts: TtlControllerOptions) {
    this.nodes = new Informer<NodeObject>(client, client.kind('', 'Node'), { log: opts.log });
    this.queue = new WorkQueue((name) => this.updateNodeIfNeeded(name), {
      timers: opts.timers,
      onError: (name, err) => opts.log(`ttl-controller: node ${name}: ${String(err)}`),
    });
    this.nodes.addHandlers({
      onAdd: (n) => {
        this.nodeCount++;
        if (this.nodeCount > TTL_BOUNDARIES[this.step]!.sizeMax) this.step++;
        this.queue.add(n.metadata.name!);
      },
      // Every update is looked at, so a node learns a new step at its next status update.
      onUpdate: (_old, n) => this.queue.add(n.metadata.name!),
      onDelete: () => {
        this.nodeCount--;
        if (this.nodeCount < TTL_BOUNDARIES[this.step]!.sizeMin) this.step--;
      },
    });
  }

  get desiredTtlSeconds(): number {
    return TTL_BOUNDARIES[this.step]!.ttlSeconds;
  }

  async start(): Promise<void> {
    await this.nodes.start();
  }

  stop(): void {
    this.queue.stop();
    this.nodes.stop();
  }

  /** Resolves once queued nodes are done (tests). */
  idle(): Promise<void> {
    return this.queue.idle();
  }

  private async updateNodeIfNeeded(name: string): Promise<void> {
    const node = this.nodes.get(name);
    if (!node) return;
    const desired = this.desiredTtlSeconds;
    if (currentTtl(node) === desired) return;
    await this.client.patch(this.client.kind('', 'Node'), undefined, name, { metadata: { annotations: { [TTL_ANNOTATION]: String(desired) } } }, { type: 'strategic' });
  }
}

/** The annotation as strconv.Atoi reads it; undefined when missing or not an integer. */
export function currentTtl(node: NodeObject): number | undefined {
  const v = node.metadata.annotations?.[TTL_ANNOTATION];
  return v !== undefined && /^[+-]?\d+$/.test(v) ? Number(v) : undefined;
}
