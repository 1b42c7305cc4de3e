// The ReplicaSet and ReplicationController controllers as the controller manager runs them: one
// shared pod informer (as kube-controller-manager shares informers) and one engine per kind.
import { EventRecorder } from '../../client/events.js';
import { Informer } from '../../client/informer.js';
import type { LocalClient } from '../../client/local-client.js';
import type { ControllerOptions } from '../index.js';
import { REPLICA_SET, REPLICATION_CONTROLLER } from './conversion.js';
import { addPodIndexes, ReplicaSetEngine, type PodObject } from './controller.js';
import { ApiReplicaControl } from './replica-control.js';

const KINDS = [REPLICA_SET, REPLICATION_CONTROLLER];

export class ReplicaSetControllers {
  private readonly pods: Informer<PodObject>;
  private readonly owners: Informer[];
  private readonly engines: ReplicaSetEngine[] = [];
  private stopped = false;

  constructor(private readonly client: LocalClient, private readonly opts: ControllerOptions) {
    this.pods = new Informer<PodObject>(client, client.kind('', 'Pod'), { log: opts.log });
    addPodIndexes(this.pods);
    this.owners = KINDS.map((k) => new Informer(client, client.kind(k.group, k.kind), { log: opts.log }));
  }

  /**
   * Engines attach their handlers only once every cache is synced (WaitForNamedCacheSync): a sync
   * that saw an owner but not yet its pods would create them twice. Attaching replays the caches.
   */
  async start(): Promise<void> {
    await Promise.all([this.pods.start(), ...this.owners.map((o) => o.start())]);
    if (this.stopped) return;
    KINDS.forEach((kind, i) => {
      // Controller-manager recorders name only the component: reportingInstance stays empty.
      const recorder = new EventRecorder(this.client, { component: kind.component }, this.opts.clock, { log: this.opts.log });
      const control = new ApiReplicaControl(this.client, kind, recorder);
      this.engines.push(new ReplicaSetEngine(kind, this.owners[i]!, this.pods, control, this.opts.clock, this.opts.log));
    });
  }

  stop(): void {
    this.stopped = true;
    for (const e of this.engines) e.stop();
    for (const o of this.owners) o.stop();
    this.pods.stop();
  }
}
