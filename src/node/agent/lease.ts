// The node heartbeat: a Lease kube-node-lease/<node> renewed every 10 s, as kubelet's node lease
// controller does (k8s.io/component-helpers/apimachinery/lease/controller.go). The node lifecycle
// controller reads renewTime to decide whether a node is alive, so renewals are cheap and frequent
// while full status writes are rare.
import type { KObject } from '../../api/object.js';
import { isConflict, isNotFound, type ApiClient } from '../../client/api-client.js';
import { rfc3339Micro, type Clock } from '../../util/clock.js';

export const LEASE_NAMESPACE = 'kube-node-lease';
export const LEASE_DURATION_SECONDS = 40; // kubelet's --node-lease-duration-seconds default
export const LEASE_RENEW_INTERVAL_MS = 10_000; // 0.25 × the duration, as the kubelet computes it

/** The kubelet renews every 0.25 × --node-lease-duration-seconds (kubelet.go nodeLeaseRenewIntervalFraction). */
export const leaseRenewIntervalMs = (durationSeconds: number) => durationSeconds * 250;

const MAX_RETRIES = 5; // as the lease controller's maxUpdateRetries

interface LeaseSpec { holderIdentity?: string; leaseDurationSeconds?: number; renewTime?: string; acquireTime?: string }
export type LeaseObject = KObject & { spec?: LeaseSpec };

export class NodeLease {
  private lease?: LeaseObject;

  constructor(private readonly client: ApiClient, readonly nodeName: string, private readonly clock: Clock, private readonly durationSeconds = LEASE_DURATION_SECONDS) {}

  /** The lease as last written. */
  get current(): LeaseObject | undefined { return this.lease; }

  /**
   * Creates the lease or moves its renewTime to now. The owner reference to the Node (when its uid
   * is known) lets the garbage collector remove the lease with the node, as upstream sets it.
   */
  async renew(nodeUid?: string, attempt = 0): Promise<LeaseObject> {
    const def = this.client.kind('coordination.k8s.io', 'Lease');
    const now = rfc3339Micro(this.clock.now());
    if (!this.lease) {
      try {
        this.lease = (await this.client.get(def, LEASE_NAMESPACE, this.nodeName)) as LeaseObject;
      } catch (e) {
        if (!isNotFound(e)) throw e;
        const fresh: LeaseObject = {
          apiVersion: 'coordination.k8s.io/v1', kind: 'Lease',
          metadata: { name: this.nodeName, namespace: LEASE_NAMESPACE, ownerReferences: ownerRefs(this.nodeName, nodeUid) },
          spec: { holderIdentity: this.nodeName, leaseDurationSeconds: this.durationSeconds, renewTime: now },
        };
        this.lease = (await this.client.create(def, fresh)) as LeaseObject;
        return this.lease;
      }
    }
    const next: LeaseObject = {
      ...this.lease,
      metadata: { ...this.lease.metadata, ownerReferences: this.lease.metadata.ownerReferences?.length ? this.lease.metadata.ownerReferences : ownerRefs(this.nodeName, nodeUid) },
      spec: { ...this.lease.spec, holderIdentity: this.nodeName, leaseDurationSeconds: this.durationSeconds, renewTime: now },
    };
    try {
      this.lease = (await this.client.update(def, next)) as LeaseObject;
    } catch (e) {
      // Someone else wrote it (or deleted it): start over from the server's copy next time.
      this.lease = undefined;
      if ((isConflict(e) || isNotFound(e)) && attempt < MAX_RETRIES) return this.renew(nodeUid, attempt + 1);
      throw e;
    }
    return this.lease;
  }
}

function ownerRefs(nodeName: string, uid: string | undefined) {
  return uid ? [{ apiVersion: 'v1', kind: 'Node', name: nodeName, uid }] : undefined;
}
