// What each describer reads besides the object, fetched as kubectl's describers fetch it: events
// found by field selector (searchEvents: involvedObject name/namespace/kind/uid; a pod's without
// kind), a controller's pods by its selector, a node's non-terminated pods and its Lease.
import type { DaemonSet, ReplicaSet } from 'kubernetes-types/apps/v1.js';
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js';
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import type { ConfigMap, Event, Namespace, Node, Pod, ReplicationController, Secret, Service, ServiceAccount } from 'kubernetes-types/core/v1.js';
import { StatusError } from '../../api/errors.js';
import { escapeValue } from '../../api/meta/field-selector.js';
import { formatLabels, labelSelectorAsSelector, selectorToString } from '../../api/meta/label-selector.js';
import type { Transport } from '../../client/http-transport.js';
import type { ApiResource } from '../core/resources.js';
import { describeConfigMap, describeNamespace, describeSecret, describeService, describeServiceAccount } from './core-objects.js';
import { describeCronJob } from './cronjob.js';
import { describeGeneric } from './generic.js';
import { describeJob } from './job.js';
import { describeNode, type LeaseResult } from './node.js';
import { describePod } from './pod.js';
import { describeDaemonSet, describeReplicaSet, describeReplicationController } from './replicas.js';

export interface DescribeSettings { showEvents: boolean; chunkSize: number }

interface Meta { name?: string; namespace?: string; uid?: string }
interface List<T> { items: T[]; metadata?: { continue?: string } }

/** Lists every page (runtimeresource.FollowContinue with the --chunk-size limit). */
async function listAll<T>(t: Transport, path: string, query: Record<string, string>, chunkSize: number): Promise<T[]> {
  const items: T[] = [];
  let cont = '';
  do {
    const q = new URLSearchParams({ ...query, ...(chunkSize > 0 ? { limit: String(chunkSize) } : {}), ...(cont ? { continue: cont } : {}) });
    const list = await t.json<List<T>>({ method: 'GET', path: `${path}?${q}` });
    items.push(...list.items);
    cont = list.metadata?.continue ?? '';
  } while (cont);
  return items;
}

const fieldSelector = (fields: Array<[string, string | undefined]>) =>
  fields.filter((f): f is [string, string] => f[1] !== undefined).sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([k, v]) => `${k}=${escapeValue(v)}`).join(',');

/** searchEvents: events about the object in its namespace, by name, namespace, kind (unless cleared) and uid. */
export async function searchEvents(t: Transport, ref: { name?: string; namespace?: string; kind?: string; uid?: string }, chunkSize: number): Promise<Event[]> {
  const ns = ref.namespace ?? '';
  const path = ns ? `/api/v1/namespaces/${encodeURIComponent(ns)}/events` : '/api/v1/events';
  const selector = fieldSelector([
    ['involvedObject.name', ref.name ?? ''], ['involvedObject.namespace', ns],
    ['involvedObject.kind', ref.kind || undefined], ['involvedObject.uid', ref.uid || undefined],
  ]);
  return listAll<Event>(t, path, { fieldSelector: selector }, chunkSize);
}

async function podsSelected(t: Transport, namespace: string, labelSelector: string, chunkSize: number): Promise<Pod[]> {
  return listAll<Pod>(t, `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods`, { labelSelector }, chunkSize);
}

/** The description of one object already fetched, reading what its describer needs. */
export async function describeObject(t: Transport, r: ApiResource, obj: Record<string, unknown>, s: DescribeSettings, now: () => number): Promise<string> {
  const meta = (obj.metadata ?? {}) as Meta;
  const ns = meta.namespace ?? '';
  const events = async (kind: string | undefined) => (s.showEvents ? searchEvents(t, { ...meta, kind }, s.chunkSize) : undefined);
  const gk = `${r.group}/${r.kind}`;
  switch (gk) {
    case '/Pod': return describePod(obj as Pod, await events(undefined), now());
    case 'batch/Job': return describeJob(obj as Job, await events('Job'), now());
    case 'batch/CronJob': return describeCronJob(obj as CronJob, await events('CronJob'), now());
    case '/ReplicationController': {
      const rc = obj as ReplicationController;
      const pods = await podsSelected(t, ns, formatLabelsOrEmpty(rc.spec?.selector), s.chunkSize);
      return describeReplicationController(rc, pods, await events('ReplicationController'), now());
    }
    case 'apps/ReplicaSet': {
      const rs = obj as ReplicaSet;
      const pods = await podsSelected(t, ns, selectorToString(labelSelectorAsSelector(rs.spec?.selector)), s.chunkSize);
      return describeReplicaSet(rs, pods, await events('ReplicaSet'), now());
    }
    case 'apps/DaemonSet': {
      const ds = obj as DaemonSet;
      const pods = await podsSelected(t, ns, selectorToString(labelSelectorAsSelector(ds.spec?.selector)), s.chunkSize);
      return describeDaemonSet(ds, pods, await events('DaemonSet'), now());
    }
    case '/Node': return describeNodeWithRelated(t, obj as Node, s, now);
    case '/Namespace': return describeNamespace(obj as Namespace);
    case '/Service': return describeService(obj as Service, await events('Service'), now());
    case '/ServiceAccount': {
      // Errors are tolerated: the account is still described, without "(not found)" marks.
      const secrets = await listAll<Secret>(t, `/api/v1/namespaces/${encodeURIComponent(ns)}/secrets`, {}, s.chunkSize).catch(() => undefined);
      return describeServiceAccount(obj as ServiceAccount, secrets, await events('ServiceAccount'), now());
    }
    case '/Secret': return describeSecret(obj as Secret);
    case '/ConfigMap': return describeConfigMap(obj as ConfigMap, await events('ConfigMap'), now());
    default: return describeGeneric(obj, await events(r.kind), now());
  }
}

const formatLabelsOrEmpty = (set: Record<string, string> | undefined) => {
  const s = formatLabels(set);
  return s === '<none>' ? '' : s;
};

async function describeNodeWithRelated(t: Transport, node: Node, s: DescribeSettings, now: () => number): Promise<string> {
  const name = node.metadata?.name ?? '';
  let pods: Pod[] | undefined;
  try {
    pods = await listAll<Pod>(t, '/api/v1/pods', { fieldSelector: `spec.nodeName=${escapeValue(name)},status.phase!=Failed,status.phase!=Succeeded` }, s.chunkSize);
  } catch (e) {
    // A user who may read the node but not all pods sees "not authorized" in their place.
    if (!(e instanceof StatusError && e.code === 403)) throw e;
  }
  let lease: LeaseResult;
  try {
    lease = { lease: await t.json<Lease>({ method: 'GET', path: `/apis/coordination.k8s.io/v1/namespaces/kube-node-lease/leases/${encodeURIComponent(name)}` }) };
  } catch (e) {
    lease = { error: e instanceof StatusError ? e.message : e instanceof Error ? e.message : String(e) };
  }
  let events: Event[] | undefined;
  if (s.showEvents) {
    // Controllers name the node by uid, the kubelet by name: kubectl merges both searches.
    events = [...await searchEvents(t, { name, kind: 'Node', uid: node.metadata?.uid }, s.chunkSize), ...await searchEvents(t, { name, kind: 'Node', uid: name }, s.chunkSize)];
  }
  return describeNode(node, pods, lease, events, now());
}
