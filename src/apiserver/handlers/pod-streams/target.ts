// Which pod, container and node a streaming request is for, with kube-apiserver's checks and words
// (pkg/registry/core/pod/strategy.go: validateContainer, LogLocation, streamLocation).
import type { Pod } from 'kubernetes-types/core/v1.js';
import { badRequest } from '../../../api/errors.js';
import type { KindDef } from '../../../api/kind.js';
import type { Registry } from '../../registry/registry.js';

/** Every container name, in podutil.VisitContainers order: init, regular, ephemeral. */
function allContainerNames(pod: Pod): string[] {
  const spec = pod.spec;
  return [...(spec?.initContainers ?? []), ...(spec?.containers ?? []), ...(spec?.ephemeralContainers ?? [])].map((c) => c.name);
}

/** The container a request means: the one named (it must exist), or the pod's only container. */
export function validateContainer(pod: Pod, container: string): string {
  const name = pod.metadata?.name ?? '';
  if (container === '') {
    const containers = pod.spec?.containers ?? [];
    if (containers.length === 1) return containers[0]!.name;
    if (containers.length === 0) throw badRequest(`a container name must be specified for pod ${name}`);
    // Go's %s of a []string: [a b c]
    throw badRequest(`a container name must be specified for pod ${name}, choose one of: [${allContainerNames(pod).join(' ')}]`);
  }
  if (!allContainerNames(pod).includes(container)) throw badRequest(`container ${container} is not valid for pod ${name}`);
  return container;
}

export async function readPod(registry: Registry, pods: KindDef, namespace: string, name: string): Promise<Pod> {
  return (await registry.get(pods, namespace, name)) as Pod;
}

/** The node an exec, attach or port-forward goes to; logs of an unscheduled pod are simply empty instead. */
export function assignedNode(pod: Pod): string {
  const node = pod.spec?.nodeName;
  if (!node) throw badRequest(`pod ${pod.metadata?.name ?? ''} does not have a host assigned`);
  return node;
}

/** Query booleans as apimachinery converts them: absent, "0" or "false" (any case) is false; anything else true. */
export function queryBool(q: URLSearchParams, key: string): boolean {
  const v = q.get(key);
  return v !== null && v !== '0' && v.toLowerCase() !== 'false';
}

/** Query int64s as strconv.ParseInt reads them, failing with its words. */
export function queryInt(q: URLSearchParams, key: string): number | undefined {
  const v = q.get(key);
  if (v === null) return undefined;
  if (!/^[+-]?\d+$/.test(v)) throw badRequest(`strconv.ParseInt: parsing ${JSON.stringify(v)}: invalid syntax`);
  return Number(v);
}
