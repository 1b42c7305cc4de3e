// The Job controller as the controller manager runs it: its informers (pods indexed by controller
// uid), the job-controller event recorder, and the controller attached once both caches are synced
// (WaitForNamedCacheSync), so no sync sees a Job before its pods.
import { EventRecorder } from '../../client/events.js';
import { Informer } from '../../client/informer.js';
import type { LocalClient } from '../../client/local-client.js';
import type { ControllerOptions } from '../index.js';
import { addPodIndexes, JobController } from './controller.js';
import { ApiJobControl, type JobObject } from './job-control.js';
import type { PodObject } from './pods.js';

export class JobControllerManager {
  private readonly pods: Informer<PodObject>;
  private readonly jobs: Informer<JobObject>;
  private controller?: JobController;
  private stopped = false;

  constructor(private readonly client: LocalClient, private readonly opts: ControllerOptions) {
    this.pods = new Informer<PodObject>(client, client.kind('', 'Pod'), { log: opts.log });
    addPodIndexes(this.pods);
    this.jobs = new Informer<JobObject>(client, client.kind('batch', 'Job'), { log: opts.log });
  }

  async start(): Promise<void> {
    await Promise.all([this.pods.start(), this.jobs.start()]);
    if (this.stopped) return;
    const recorder = new EventRecorder(this.client, { component: 'job-controller' }, this.opts.clock, { log: this.opts.log });
    this.controller = new JobController(this.jobs, this.pods, new ApiJobControl(this.client, recorder), this.opts.clock, this.opts.log,
      { backoffBaseMs: this.opts.jobBackoffBaseMs });
  }

  stop(): void {
    this.stopped = true;
    this.controller?.stop();
    this.jobs.stop();
    this.pods.stop();
  }
}
