// The pod a `logs`, `exec`, `attach` or `port-forward` argument names, as kubectl's
// polymorphichelpers find it: a pod by name, or for `TYPE/NAME` (rc, rs, job, ds, deploy, sts,
// svc) the pods its selector matches, ordered by podutils.ByLogging (logs) or reversed
// ActivePods (attach/exec/port-forward), waiting for one to appear when there is none yet.
import type { Pod, PodCondition } from 'kubernetes-types/core/v1.js';
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { formatLabels, labelSelectorAsSelector, selectorToString } from '../../api/meta/label-selector.js';
import type { CliContext } from '../core/context.js';
import { qualifiedName, resourcePath, type ApiResource } from '../core/resources.js';
import { goSort } from '../describe/go-sort.js';

export interface Named { resource: ApiResource; name: string }

/** `POD` or `TYPE/NAME` (the builder's ResourceNames("pods", arg)). */
export async function resolveArg(ctx: CliContext, arg: string): Promise<Named> {
  const slash = arg.indexOf('/');
  const [type, name] = slash > 0 ? [arg.slice(0, slash), arg.slice(slash + 1)] : ['pods', arg];
  const [resource] = await ctx.resolve(type);
  return { resource: resource!, name };
}

export class NotFoundInNamespace extends Error {}

export async function getObject(ctx: CliContext, n: Named): Promise<Record<string, unknown>> {
  try {
    return await ctx.transport.json<Record<string, unknown>>({ method: 'GET', path: resourcePath(n.resource, ctx.namespace, n.name) });
  } catch (e) {
    // kubectl wraps the builder's NotFound: `error from server (NotFound): pods "x" not found in namespace "default"`.
    if ((e as { reason?: string }).reason === 'NotFound') {
      throw new NotFoundInNamespace(`error from server (NotFound): ${qualifiedName(n.resource)} "${n.name}" not found in namespace "${ctx.namespace}"`);
    }
    throw e;
  }
}

/** SelectorsForObject: the label selector of a workload, or kubectl's error for a kind without one. */
export function selectorFor(r: ApiResource, obj: Record<string, unknown>): string {
  const spec = (obj.spec ?? {}) as { selector?: LabelSelector | Record<string, string> };
  switch (`${r.group}/${r.kind}`) {
    case '/ReplicationController': return selectorToString(labelSelectorAsSelector({ matchLabels: spec.selector as Record<string, string> }));
    case '/Service': {
      const sel = spec.selector as Record<string, string> | undefined;
      if (!sel || Object.keys(sel).length === 0) throw new Error(`invalid service '${(obj.metadata as { name?: string }).name}': Service is defined without a selector`);
      return formatLabels(sel);
    }
    case 'apps/ReplicaSet': case 'apps/StatefulSet': case 'apps/DaemonSet': case 'apps/Deployment': case 'batch/Job':
      return selectorToString(labelSelectorAsSelector(spec.selector as LabelSelector));
    // The Go type kubectl names: the API package's last path element, e.g. *v1.CronJob.
    default: throw new Error(`selector for *${r.version}.${r.kind} not implemented`);
  }
}

const readyCondition = (p: Pod): PodCondition | undefined => p.status?.conditions?.find((c) => c.type === 'Ready');
const isReady = (p: Pod) => readyCondition(p)?.status === 'True';
const readyTime = (p: Pod) => (isReady(p) ? readyCondition(p)?.lastTransitionTime ?? '' : '');
const ms = (t: string | undefined) => (t ? Date.parse(t) : 0);
/** afterOrZero: a zero time counts as later than any other. */
const afterOrZero = (a: string | undefined, b: string | undefined) => (!a || !b ? !a : ms(a) > ms(b));
const maxRestarts = (p: Pod): [number, number] => {
  const regular = Math.max(0, ...(p.status?.containerStatuses ?? []).map((c) => c.restartCount ?? 0));
  const sidecars = new Set((p.spec?.initContainers ?? []).filter((c) => c.restartPolicy === 'Always').map((c) => c.name));
  const sidecar = Math.max(0, ...(p.status?.initContainerStatuses ?? []).filter((c) => sidecars.has(c.name)).map((c) => c.restartCount ?? 0));
  return [regular, sidecar];
};
const compareRestarts = (a: Pod, b: Pod): boolean | undefined => {
  const [ra, sa] = maxRestarts(a);
  const [rb, sb] = maxRestarts(b);
  if (ra !== rb) return ra > rb;
  if (sa !== sb) return sa > sb;
  return undefined;
};

/** podutils.ByLogging: scheduled, Running before Unknown before Pending, ready, most recently ready, most restarts, newest. */
export function byLogging(a: Pod, b: Pod): boolean {
  const [na, nb] = [a.spec?.nodeName ?? '', b.spec?.nodeName ?? ''];
  if (na !== nb && (!na || !nb)) return na.length > 0;
  const rank: Record<string, number> = { Running: 0, Unknown: 1, Pending: 2 };
  const [pa, pb] = [rank[a.status?.phase ?? ''] ?? 0, rank[b.status?.phase ?? ''] ?? 0];
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return isReady(a);
  if (isReady(a) && isReady(b) && ms(readyTime(a)) !== ms(readyTime(b))) return afterOrZero(readyTime(b), readyTime(a));
  const r = compareRestarts(a, b);
  if (r !== undefined) return r;
  const [ca, cb] = [a.metadata?.creationTimestamp, b.metadata?.creationTimestamp];
  if (ms(ca) !== ms(cb)) return afterOrZero(cb, ca);
  return false;
}

/** podutils.ActivePods (less = more expendable); attach sorts by its reverse. */
export function activePods(a: Pod, b: Pod): boolean {
  const [na, nb] = [a.spec?.nodeName ?? '', b.spec?.nodeName ?? ''];
  if (na !== nb && (!na || !nb)) return na.length === 0;
  const rank: Record<string, number> = { Pending: 0, Unknown: 1, Running: 2 };
  const [pa, pb] = [rank[a.status?.phase ?? ''] ?? 0, rank[b.status?.phase ?? ''] ?? 0];
  if (pa !== pb) return pa < pb;
  if (isReady(a) !== isReady(b)) return !isReady(a);
  const [da, db] = [a.metadata?.deletionTimestamp, b.metadata?.deletionTimestamp];
  if (!!da !== !!db) return !!da;
  if (da && db && ms(da) !== ms(db)) return ms(da) < ms(db);
  if (isReady(a) && isReady(b) && ms(readyTime(a)) !== ms(readyTime(b))) return afterOrZero(readyTime(a), readyTime(b));
  const r = compareRestarts(a, b);
  if (r !== undefined) return r;
  const [ca, cb] = [a.metadata?.creationTimestamp, b.metadata?.creationTimestamp];
  if (ms(ca) !== ms(cb)) return afterOrZero(ca, cb);
  return false;
}

const POLL_MS = 250;

/** GetPodList: the selected pods sorted; when there are none, waits (up to timeoutMs) for one to appear. */
export async function podsFor(ctx: CliContext, namespace: string, selector: string, less: (a: Pod, b: Pod) => boolean, timeoutMs: number): Promise<Pod[]> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const q = new URLSearchParams(selector ? { labelSelector: selector } : {});
    const list = await ctx.transport.json<{ items: Pod[] }>({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(namespace)}/pods?${q}` });
    if (list.items.length) return goSort(list.items, less);
    if (Date.now() >= deadline) throw new Error('timed out waiting for the condition');
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** FindContainerByName: the container and its field path, `spec.containers{name}`. */
export function findContainer(pod: Pod, name: string): string | undefined {
  if (pod.spec?.containers?.some((c) => c.name === name)) return `spec.containers{${name}}`;
  if (pod.spec?.initContainers?.some((c) => c.name === name)) return `spec.initContainers{${name}}`;
  if (pod.spec?.ephemeralContainers?.some((c) => c.name === name)) return `spec.ephemeralContainers{${name}}`;
  return undefined;
}

/** AllContainerNames: `a, b, dbg (ephem), setup (init)`. */
export function allContainerNames(pod: Pod): string {
  return [
    ...(pod.spec?.containers ?? []).map((c) => c.name),
    ...(pod.spec?.ephemeralContainers ?? []).map((c) => `${c.name} (ephem)`),
    ...(pod.spec?.initContainers ?? []).map((c) => `${c.name} (init)`),
  ].join(', ');
}

export const DEFAULT_CONTAINER_ANNOTATION = 'kubectl.kubernetes.io/default-container';

/** Whether the pod has more than its one container (kubectl then says which one it defaulted to). */
export const hasSeveralContainers = (pod: Pod) => (pod.spec?.containers?.length ?? 0) > 1 || !!pod.spec?.initContainers?.length || !!pod.spec?.ephemeralContainers?.length;
