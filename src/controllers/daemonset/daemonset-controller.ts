// The DaemonSet controller as the controller manager runs it: its four informers, an event recorder
// for component daemonset-controller, and the failed-pods back-off GC every minute (as upstream).
import type { KObject } from '../../api/object.js';
import { EventRecorder } from '../../client/events.js';
import { Informer } from '../../client/informer.js';
import type { LocalClient } from '../../client/local-client.js';
import type { ControllerOptions } from '../index.js';
import { addIndexes, DaemonSetController, type DaemonSetInformers } from './controller.js';
import { ApiDaemonControl } from './daemon-control.js';

const BACKOFF_GC_INTERVAL_MS = 60_000; // as upstream BackoffGCInterval

export class DaemonSetControllerManager {
  private readonly inf: DaemonSetInformers;
  private controller?: DaemonSetController;
  private gcTimer?: ReturnType<typeof setInterval>;
  private stopped = false;

  constructor(private readonly client: LocalClient, private readonly opts: ControllerOptions) {
    const mk = <T extends KObject>(group: string, kind: string) => new Informer<T>(client, client.kind(group, kind), { log: opts.log });
    this.inf = { daemonSets: mk('apps', 'DaemonSet'), pods: mk('', 'Pod'), nodes: mk('', 'Node'), revisions: mk('apps', 'ControllerRevision') };
    addIndexes(this.inf);
  }

  /** Handlers attach once every cache is synced (WaitForNamedCacheSync); attaching replays the caches. */
  async start(): Promise<void> {
    await Promise.all((Object.values(this.inf) as Informer[]).map((i) => i.start()));
    if (this.stopped) return;
    const recorder = new EventRecorder(this.client, { component: 'daemonset-controller' }, this.opts.clock, { log: this.opts.log });
    this.controller = new DaemonSetController(this.inf, new ApiDaemonControl(this.client, recorder), this.opts.clock, this.opts.log);
    this.gcTimer = setInterval(() => this.controller?.backoff.gc(), BACKOFF_GC_INTERVAL_MS);
    this.gcTimer.unref();
  }

  stop(): void {
    this.stopped = true;
    if (this.gcTimer) clearInterval(this.gcTimer);
    this.controller?.stop();
    for (const i of Object.values(this.inf) as Informer[]) i.stop();
  }
}
