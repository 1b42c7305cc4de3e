// Every write the DaemonSet controller makes, behind one interface so tests record them: pod creates
// and deletes with their events (controller_utils.go RealPodControl: SuccessfulCreate "Created pod: x",
// FailedCreate "Error creating: ...", SuccessfulDelete "Deleted pod: x", FailedDelete "Error deleting: ..."),
// ownerReference and label patches, ControllerRevision writes (RealControllerRevisionControl and
// update.go's direct calls), the status write with one retry (storeDaemonSetStatus) and other events.
import type { ControllerRevision, DaemonSet, DaemonSetStatus } from 'kubernetes-types/apps/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { isNotFound, type ApiClient, type PatchType } from '../../client/api-client.js';
import type { EventRecorder, EventType } from '../../client/events.js';
import { namespaceTerminating } from '../replicaset/replica-control.js';

export type DaemonSetObject = KObject & DaemonSet;
export type RevisionObject = KObject & ControllerRevision;

export interface DaemonControl {
  event(ds: DaemonSetObject, type: EventType, reason: string, message: string): void;
  createPod(ds: DaemonSetObject, pod: KObject): Promise<void>;
  /** Throws NotFound (without an event) when the pod is already gone. */
  deletePod(ds: DaemonSetObject, name: string): Promise<void>;
  patchPod(namespace: string, name: string, patch: unknown, type: PatchType): Promise<void>;
  getDaemonSet(namespace: string, name: string): Promise<DaemonSetObject>;
  updateStatus(ds: DaemonSetObject, status: DaemonSetStatus): Promise<void>;
  createRevision(cr: ControllerRevision): Promise<RevisionObject>;
  getRevision(namespace: string, name: string): Promise<RevisionObject>;
  updateRevision(cr: RevisionObject): Promise<RevisionObject>;
  patchRevision(namespace: string, name: string, patch: unknown): Promise<void>;
  deleteRevision(namespace: string, name: string): Promise<void>;
}

const STATUS_UPDATE_RETRIES = 1; // as upstream StatusUpdateRetries

export class ApiDaemonControl implements DaemonControl {
  private readonly podDef: KindDef;
  private readonly dsDef: KindDef;
  private readonly crDef: KindDef;

  constructor(private readonly client: ApiClient, private readonly recorder: EventRecorder) {
    this.podDef = client.kind('', 'Pod');
    this.dsDef = client.kind('apps', 'DaemonSet');
    this.crDef = client.kind('apps', 'ControllerRevision');
  }

  event(ds: DaemonSetObject, type: EventType, reason: string, message: string): void {
    this.recorder.event({ ...ds, apiVersion: 'apps/v1', kind: 'DaemonSet' }, type, reason, message);
  }

  async createPod(ds: DaemonSetObject, pod: KObject): Promise<void> {
    let created: KObject;
    try {
      created = await this.client.create(this.podDef, pod);
    } catch (e) {
      if (!namespaceTerminating(e)) this.event(ds, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
    this.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  async deletePod(ds: DaemonSetObject, name: string): Promise<void> {
    try {
      await this.client.delete(this.podDef, ds.metadata.namespace, name);
    } catch (e) {
      if (isNotFound(e)) throw e;
      this.event(ds, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
      throw new Error(`unable to delete pods: ${(e as Error).message}`);
    }
    this.event(ds, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  }

  async patchPod(namespace: string, name: string, patch: unknown, type: PatchType): Promise<void> {
    await this.client.patch(this.podDef, namespace, name, patch, { type });
  }

  async getDaemonSet(namespace: string, name: string): Promise<DaemonSetObject> {
    return (await this.client.get(this.dsDef, namespace, name)) as DaemonSetObject;
  }

  async updateStatus(ds: DaemonSetObject, status: DaemonSetStatus): Promise<void> {
    let obj: KObject = { ...ds, status };
    for (let i = 0; ; i++) {
      try {
        await this.client.updateStatus(this.dsDef, obj);
        return;
      } catch (e) {
        if (i >= STATUS_UPDATE_RETRIES) throw e;
        const fresh = await this.client.get(this.dsDef, ds.metadata.namespace, ds.metadata.name!);
        obj = { ...fresh, status: { ...status, collisionCount: (fresh.status as DaemonSetStatus | undefined)?.collisionCount } };
      }
    }
  }

  async createRevision(cr: ControllerRevision): Promise<RevisionObject> {
    return (await this.client.create(this.crDef, cr as unknown as KObject)) as RevisionObject;
  }

  async getRevision(namespace: string, name: string): Promise<RevisionObject> {
    return (await this.client.get(this.crDef, namespace, name)) as RevisionObject;
  }

  async updateRevision(cr: RevisionObject): Promise<RevisionObject> {
    return (await this.client.update(this.crDef, cr)) as RevisionObject;
  }

  async patchRevision(namespace: string, name: string, patch: unknown): Promise<void> {
    await this.client.patch(this.crDef, namespace, name, patch, { type: 'strategic' });
  }

  async deleteRevision(namespace: string, name: string): Promise<void> {
    await this.client.delete(this.crDef, namespace, name);
  }
}
