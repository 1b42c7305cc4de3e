// Every write the Job controller makes, behind one interface so tests record them: pod creates and
// deletes with their events (controller_utils.go RealPodControl: SuccessfulCreate "Created pod: x",
// FailedCreate "Error creating: ...", SuccessfulDelete "Deleted pod: x", FailedDelete), pod patches
// (finalizer removal, adoption), Job status writes (UpdateStatus with the Job's resourceVersion: a
// conflict fails the sync, which is retried) and Job events.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { isNotFound, type ApiClient } from '../../client/api-client.js';
import type { EventRecorder, EventType } from '../../client/events.js';
import { namespaceTerminating } from '../replicaset/replica-control.js';

export type JobObject = KObject & Job;

export interface JobControl {
  /** Creates the pod; records SuccessfulCreate or FailedCreate (none when the namespace is terminating). */
  createPod(job: JobObject, pod: KObject): Promise<void>;
  /** Deletes the pod; records SuccessfulDelete, or FailedDelete unless it was already gone (then throws NotFound). */
  deletePod(job: JobObject, namespace: string, name: string): Promise<void>;
  /** A strategic merge patch of a pod. */
  patchPod(namespace: string, name: string, patch: unknown): Promise<void>;
  /** A fresh read of the Job (RecheckDeletionTimestamp before adopting). */
  getJob(namespace: string, name: string): Promise<JobObject>;
  /** Writes job.status as is; returns the stored Job (with its new resourceVersion). */
  updateStatus(job: JobObject): Promise<JobObject>;
  event(job: JobObject, type: EventType, reason: string, message: string): void;
}

/** Events name the Job with its apiVersion and kind, which cached objects may lack. */
const asJob = (job: JobObject): JobObject => ({ ...job, apiVersion: 'batch/v1', kind: 'Job' });

export class ApiJobControl implements JobControl {
  private readonly podDef: KindDef;
  private readonly jobDef: KindDef;

  constructor(private readonly client: ApiClient, private readonly recorder: EventRecorder) {
    this.podDef = client.kind('', 'Pod');
    this.jobDef = client.kind('batch', 'Job');
  }

  async createPod(job: JobObject, pod: KObject): Promise<void> {
    if (!pod.metadata.labels || Object.keys(pod.metadata.labels).length === 0) throw new Error('unable to create pods, no labels');
    let created: KObject;
    try {
      created = await this.client.create(this.podDef, pod);
    } catch (e) {
      if (!namespaceTerminating(e)) this.recorder.event(asJob(job), 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
    this.recorder.event(asJob(job), 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  async deletePod(job: JobObject, namespace: string, name: string): Promise<void> {
    try {
      await this.client.delete(this.podDef, namespace, name);
    } catch (e) {
      if (isNotFound(e)) throw e;
      this.recorder.event(asJob(job), 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
      throw new Error(`unable to delete pods: ${(e as Error).message}`);
    }
    this.recorder.event(asJob(job), 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  }

  async patchPod(namespace: string, name: string, patch: unknown): Promise<void> {
    await this.client.patch(this.podDef, namespace, name, patch, { type: 'strategic' });
  }

  async getJob(namespace: string, name: string): Promise<JobObject> {
    return (await this.client.get(this.jobDef, namespace, name)) as JobObject;
  }

  async updateStatus(job: JobObject): Promise<JobObject> {
    return (await this.client.updateStatus(this.jobDef, asJob(job))) as JobObject;
  }

  event(job: JobObject, type: EventType, reason: string, message: string): void {
    this.recorder.event(asJob(job), type, reason, message);
  }
}
