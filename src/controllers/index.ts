// The controller manager: every controller the server runs, built from one client and one set of options.
// Each controller lists and watches through client/ only; adding one is a line here.
import type { LocalClient } from '../client/local-client.js';
import type { Clock } from '../util/clock.js';
import { CronJobController } from './cronjob/controller.js';
import { DaemonSetControllerManager } from './daemonset/daemonset-controller.js';
import { GarbageCollector } from './garbage-collector/garbage-collector.js';
import { JobControllerManager } from './job/manager.js';
import { NamespaceController } from './namespace/namespace-controller.js';
import { NodeLifecycleControllers } from './node-lifecycle/node-controllers.js';
import { PodGCController } from './podgc/gc-controller.js';
import { ReplicaSetControllers } from './replicaset/replica-controllers.js';
import { TtlAfterFinishedController } from './ttl-after-finished/controller.js';
import { TtlController } from './ttl/ttl-controller.js';

export interface Controller {
  /** Lists what it needs and starts watching; resolves once its caches are synced. */
  start(): Promise<void>;
  stop(): void;
}

export interface ControllerOptions {
  clock: Clock;
  log: (msg: string) => void;
  /** Base of the Job controller's pod-failure back-off (`--job-backoff-base`; 10 s as upstream DefaultJobPodFailureBackOff). */
  jobBackoffBaseMs: number;
  /** `--node-monitor-period`: how often the node lifecycle controller checks heartbeats (5 s). */
  nodeMonitorPeriodMs?: number;
  /** `--node-monitor-grace-period`: a node silent this long gets Unknown conditions (40 s). */
  nodeMonitorGracePeriodMs?: number;
  /** `--terminated-pod-gc-threshold`: terminated pods kept before the oldest are deleted (12500; ≤ 0 keeps all). */
  terminatedPodGcThreshold?: number;
}

export const DEFAULT_JOB_BACKOFF_BASE_MS = 10_000;

export function newControllers(client: LocalClient, opts: ControllerOptions): Controller[] {
  return [
    new NamespaceController(client, opts.log),
    new GarbageCollector(client, opts.log),
    new ReplicaSetControllers(client, opts),
    new JobControllerManager(client, opts),
    new CronJobController(client, opts),
    new TtlAfterFinishedController(client, opts),
    new DaemonSetControllerManager(client, opts),
    new NodeLifecycleControllers(client, opts),
    new PodGCController(client, opts),
    new TtlController(client, opts),
  ];
}
