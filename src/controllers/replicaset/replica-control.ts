// Every write the ReplicaSet engine makes, behind one interface so tests record them: pod creates and
// deletes with their events (controller_utils.go RealPodControl: SuccessfulCreate "Created pod: x",
// FailedCreate "Error creating: ...", SuccessfulDelete "Deleted pod: x", FailedDelete), ownerReference
// patches (adopt/release) and the status write with one retry (replica_set_utils.go updateReplicaSetStatus).
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { isNotFound, type ApiClient } from '../../client/api-client.js';
import type { EventRecorder } from '../../client/events.js';
import { withStatus, type ReplicaKind, type Replicas } from './conversion.js';

export interface ReplicaControl {
  /** Creates the pod; records SuccessfulCreate or FailedCreate on the owner. */
  createPod(owner: KObject, pod: KObject): Promise<void>;
  /** Deletes the pod; records SuccessfulDelete, or FailedDelete unless it was already gone (then throws NotFound). */
  deletePod(owner: KObject, namespace: string, name: string): Promise<void>;
  /** A strategic merge patch of a pod's metadata (adoption or release). */
  patchPod(namespace: string, name: string, patch: unknown): Promise<void>;
  /** A fresh read of the owner (RecheckDeletionTimestamp before adopting). */
  getOwner(namespace: string, name: string): Promise<KObject>;
  updateStatus(rs: Replicas, status: ReplicaSetStatus): Promise<void>;
}

const STATUS_UPDATE_RETRIES = 1; // as upstream statusUpdateRetries

/** Whether a create failed only because the namespace is going away (no event then, as upstream). */
export function namespaceTerminating(err: unknown): boolean {
  const e = err as { details?: { causes?: Array<{ reason?: string; type?: string }> }; message?: string };
  if (e.details?.causes?.some((c) => c.type === 'NamespaceTerminating' || c.reason === 'NamespaceTerminating')) return true;
  return /because it is being terminated/.test(e.message ?? '');
}

export class ApiReplicaControl implements ReplicaControl {
  private readonly podDef: KindDef;
  private readonly ownerDef: KindDef;

  constructor(private readonly client: ApiClient, kind: ReplicaKind, private readonly recorder: EventRecorder) {
    this.podDef = client.kind('', 'Pod');
    this.ownerDef = client.kind(kind.group, kind.kind);
  }

  async createPod(owner: KObject, pod: KObject): Promise<void> {
    if (!pod.metadata.labels || Object.keys(pod.metadata.labels).length === 0) throw new Error('unable to create pods, no labels');
    let created: KObject;
    try {
      created = await this.client.create(this.podDef, pod);
    } catch (e) {
      if (!namespaceTerminating(e)) this.recorder.event(owner, 'Warning', 'FailedCreate', `Error creating: ${(e as Error).message}`);
      throw e;
    }
    this.recorder.event(owner, 'Normal', 'SuccessfulCreate', `Created pod: ${created.metadata.name}`);
  }

  async deletePod(owner: KObject, namespace: string, name: string): Promise<void> {
    try {
      await this.client.delete(this.podDef, namespace, name);
    } catch (e) {
      if (isNotFound(e)) throw e;
      this.recorder.event(owner, 'Warning', 'FailedDelete', `Error deleting: ${(e as Error).message}`);
      throw new Error(`unable to delete pods: ${(e as Error).message}`);
    }
    this.recorder.event(owner, 'Normal', 'SuccessfulDelete', `Deleted pod: ${name}`);
  }

  async patchPod(namespace: string, name: string, patch: unknown): Promise<void> {
    await this.client.patch(this.podDef, namespace, name, patch, { type: 'strategic' });
  }

  getOwner(namespace: string, name: string): Promise<KObject> { return this.client.get(this.ownerDef, namespace, name); }

  async updateStatus(rs: Replicas, status: ReplicaSetStatus): Promise<void> {
    let obj = withStatus(rs, status);
    for (let i = 0; ; i++) {
      try {
        await this.client.updateStatus(this.ownerDef, obj);
        return;
      } catch (e) {
        if (i >= STATUS_UPDATE_RETRIES) throw e;
        const fresh = await this.client.get(this.ownerDef, rs.namespace, rs.name);
        obj = { ...fresh, status: { ...status } };
      }
    }
  }
}
