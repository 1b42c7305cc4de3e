// Builders and fakes for the ReplicaSet engine's tests: pods, ReplicaSets and RCs; a fake API client
// that serves seeded objects to informers and lets a test push watch events; a recording control.
import type { ReplicaSetStatus } from 'kubernetes-types/apps/v1.js';
import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import type { ApiClient, WatchEvent } from '../../client/api-client.js';
import { Informer } from '../../client/informer.js';
import type { Timers } from '../../client/workqueue.js';
import { rfc3339 } from '../../util/clock.js';
import type { Replicas } from './conversion.js';
import type { PodObject } from './controller.js';
import type { ReplicaControl } from './replica-control.js';

export const T0 = Date.parse('2026-11-24T10:30:00Z');
export const RS_UID = 'rs-uid';
export const at = (sec: number) => rfc3339(T0 + sec * 1000);

export interface PodOpts {
  uid?: string; labels?: Record<string, string>; owner?: string | null; node?: string; phase?: string;
  /** Ready since this many seconds after T0 (negative: before). */
  readySince?: number; notReady?: boolean; created?: number; restarts?: number; deleting?: boolean;
  cost?: string; namespace?: string; ownerKind?: string;
}

export function pod(name: string, o: PodOpts = {}): PodObject {
  const conditions: PodCondition[] = [];
  if (o.readySince !== undefined) conditions.push({ type: 'Ready', status: o.notReady ? 'False' : 'True', lastTransitionTime: at(o.readySince) });
  const owner = o.owner === undefined ? RS_UID : o.owner;
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      name, namespace: o.namespace ?? 'default', uid: o.uid ?? `uid-${name}`, resourceVersion: '1',
      labels: o.labels ?? { app: 'kubia' },
      creationTimestamp: at(o.created ?? 0),
      ...(o.cost !== undefined ? { annotations: { 'controller.kubernetes.io/pod-deletion-cost': o.cost } } : {}),
      ...(owner ? { ownerReferences: [{ apiVersion: 'apps/v1', kind: o.ownerKind ?? 'ReplicaSet', name: 'kubia', uid: owner, controller: true, blockOwnerDeletion: true }] } : {}),
      ...(o.deleting ? { deletionTimestamp: at(0) } : {}),
    },
    spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }], ...(o.node === '' ? {} : { nodeName: o.node ?? 'node-1' }) },
    status: {
      phase: o.phase ?? 'Running', conditions,
      containerStatuses: [{ name: 'kubia', image: 'luksa/kubia', imageID: '', ready: !o.notReady, restartCount: o.restarts ?? 0 }],
    },
  };
}

/** A running, ready pod (ready since T0). */
export const ready = (name: string, o: PodOpts = {}) => pod(name, { readySince: 0, ...o });

export interface RSOpts { replicas?: number; minReadySeconds?: number; generation?: number; status?: ReplicaSetStatus; deleting?: boolean; selector?: unknown; templateLabels?: Record<string, string> }

export function replicaSet(o: RSOpts = {}): KObject {
  return {
    apiVersion: 'apps/v1', kind: 'ReplicaSet',
    metadata: { name: 'kubia', namespace: 'default', uid: RS_UID, generation: o.generation ?? 1, resourceVersion: '5', ...(o.deleting ? { deletionTimestamp: at(0) } : {}) },
    spec: {
      replicas: o.replicas ?? 3, minReadySeconds: o.minReadySeconds ?? 0,
      selector: o.selector ?? { matchLabels: { app: 'kubia' } },
      template: { metadata: { labels: o.templateLabels ?? { app: 'kubia' } }, spec: { containers: [{ name: 'kubia', image: 'luksa/kubia' }] } },
    },
    status: o.status ?? { replicas: 0 },
  };
}

export function replicationController(o: Omit<RSOpts, 'selector'> & { selector?: Record<string, string> } = {}): KObject {
  const rs = replicaSet(o);
  return { ...rs, apiVersion: 'v1', kind: 'ReplicationController', spec: { ...(rs.spec as object), selector: o.selector ?? { app: 'kubia' } } };
}

const deepFreeze = <T>(o: T): T => {
  if (o && typeof o === 'object') { Object.values(o).forEach(deepFreeze); Object.freeze(o); }
  return o;
};

/** Serves seeded objects to informers (frozen, so a mutation throws) and lets tests push watch events. */
export class FakeApi {
  private readonly watchers = new Map<string, (ev: WatchEvent) => void>();
  constructor(private readonly seed: Record<string, KObject[]>) {}

  client(): ApiClient {
    const unsupported = () => { throw new Error('not used by informers'); };
    return {
      kind: unsupported, get: unsupported, create: unsupported, update: unsupported, updateStatus: unsupported,
      patch: unsupported, mutate: unsupported, delete: unsupported, bindPod: unsupported,
      list: async (def: KindDef) => ({ items: (this.seed[def.kind] ?? []).map(deepFreeze), revision: 1 }),
      watch: (def: KindDef, _ns, _opts, onEvent) => { this.watchers.set(def.kind, onEvent); return { stop: () => {} }; },
    };
  }

  emit(kind: string, type: WatchEvent['type'], object: KObject): void { this.watchers.get(kind)!({ type, object: deepFreeze(object) }); }
}

const def = (kind: string): KindDef => ({ group: '', version: 'v1', kind, listKind: `${kind}List`, plural: kind.toLowerCase() + 's', singular: kind.toLowerCase(), namespaced: true, model: '', statusSubresource: true }) as unknown as KindDef;

export async function informers(api: FakeApi, ownerKind: string): Promise<{ owners: Informer; pods: Informer<PodObject> }> {
  const owners = new Informer(api.client(), def(ownerKind));
  const pods = new Informer<PodObject>(api.client(), def('Pod'));
  await Promise.all([owners.start(), pods.start()]);
  return { owners, pods };
}

/** Records every write; `fail` makes matching calls throw. */
export class RecordingControl implements ReplicaControl {
  readonly calls: string[] = [];
  readonly created: KObject[] = [];
  readonly statuses: ReplicaSetStatus[] = [];
  readonly events: string[] = [];
  fail: { create?: Error; delete?: Error; patch?: Error } = {};
  owner?: KObject;
  private n = 0;

  async createPod(owner: KObject, p: KObject): Promise<void> {
    this.calls.push('create');
    if (this.fail.create) { this.events.push(`Warning FailedCreate Error creating: ${this.fail.create.message}`); throw this.fail.create; }
    const name = `${p.metadata.generateName}${String(this.n++).padStart(5, '0')}`;
    this.created.push(p);
    this.events.push(`Normal SuccessfulCreate Created pod: ${name} (${owner.kind})`);
  }

  async deletePod(_owner: KObject, _ns: string, name: string): Promise<void> {
    this.calls.push(`delete ${name}`);
    if (this.fail.delete) throw this.fail.delete;
  }

  async patchPod(_ns: string, name: string, patch: unknown): Promise<void> {
    this.calls.push(`patch ${name} ${JSON.stringify(patch)}`);
    if (this.fail.patch) throw this.fail.patch;
  }

  async getOwner(): Promise<KObject> { return this.owner!; }

  async updateStatus(_rs: Replicas, status: ReplicaSetStatus): Promise<void> { this.statuses.push(status); }
}

/** Timers fired by hand; records the delays asked for. */
export class ManualTimers implements Timers {
  readonly delays: number[] = [];
  setTimeout(_fn: () => void, ms: number): unknown { this.delays.push(ms); return ms; }
  clearTimeout(): void {}
}

export type { Pod };
