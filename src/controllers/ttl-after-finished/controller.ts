// The TTL-after-finished controller, as pkg/controller/ttlafterfinished/ttlafterfinished_controller.go
// (v1.33): finished Jobs with ttlSecondsAfterFinished are queued, requeued for their expiry, and at expiry
// checked once more against a fresh read (the TTL may have been changed) before a Foreground delete
// with a uid precondition, so the Job's pods go first and a re-created Job of that name is never hit.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { isNotFound, type ApiClient } from '../../client/api-client.js';
import { Informer, objectKey } from '../../client/informer.js';
import { WorkQueue, type Timers } from '../../client/workqueue.js';
import type { Clock } from '../../util/clock.js';
import { needsCleanup, ttlTimeLeft } from './ttl.js';

const asJob = (o: KObject) => o as unknown as Job;

export interface TtlControllerOptions { clock: Clock; log: (m: string) => void; timers?: Timers }

export class TtlAfterFinishedController {
  readonly jobs: Informer<KObject>;
  readonly queue: WorkQueue;
  private readonly jobDef: KindDef;
  private readonly clock: Clock;
  private readonly log: (m: string) => void;

  constructor(private readonly client: ApiClient, opts: TtlControllerOptions) {
    this.clock = opts.clock;
    this.log = opts.log;
    this.jobDef = client.kind('batch', 'Job');
    this.queue = new WorkQueue((key) => this.sync(key), { timers: opts.timers, onError: (key, err) => this.log(`ttl-after-finished controller: ${key}: ${String(err)}`) });
    this.jobs = new Informer(client, this.jobDef, { log: opts.log });
    const consider = (j: KObject) => { if (!j.metadata.deletionTimestamp && needsCleanup(asJob(j))) this.queue.add(objectKey(j)); };
    // Deletions need nothing: a deleted Job's key finds nothing in the cache.
    this.jobs.addHandlers({ onAdd: consider, onUpdate: (_old, cur) => consider(cur) });
  }

  start(): Promise<void> { return this.jobs.start(); }

  stop(): void { this.queue.stop(); this.jobs.stop(); }

  /** processJob: milliseconds until the Job's TTL expires, or undefined once it is deleted or needs nothing. */
  async sync(key: string): Promise<number | undefined> {
    const cached = this.jobs.get(key);
    if (!cached) return undefined;
    const left = ttlTimeLeft(asJob(cached), this.clock.now());
    if (!left) return undefined;
    if (left.finishAt > this.clock.now()) this.log(`ttl-after-finished controller: job ${key} finished in the future; clean-up deferred (clock skew?)`);
    if (left.remainingMs > 0) return left.remainingMs;
    let fresh: KObject;
    try {
      fresh = await this.client.get(this.jobDef, cached.metadata.namespace, cached.metadata.name!);
    } catch (e) {
      if (isNotFound(e)) return undefined;
      throw e;
    }
    const freshLeft = ttlTimeLeft(asJob(fresh), this.clock.now());
    if (!freshLeft) return undefined;
    if (freshLeft.remainingMs > 0) return freshLeft.remainingMs;
    await this.client.delete(this.jobDef, fresh.metadata.namespace, fresh.metadata.name!, {
      propagationPolicy: 'Foreground',
      preconditions: { uid: fresh.metadata.uid },
    });
    return undefined;
  }
}
