// v1.ContainerStatus from what the kubelet knows of each container instance, as
// kubelet_pods.go convertToAPIContainerStatuses and prober_manager.go UpdatePodStatus build it:
// a container without facts waits as ContainerCreating (PodInitializing while the pod has init
// containers); `started` needs a running container that passed its startup probe; a regular init
// container is ready once it exited 0; a terminated state carries its containerID.
import type { Container, ContainerState, ContainerStateTerminated, ContainerStatus, Pod, VolumeMountStatus } from 'kubernetes-types/core/v1.js';
import { rfc3339 } from '../../util/clock.js';

/** The prefix of every containerID (`<runtime>://<id>`, as CRI runtimes report `containerd://...`). */
export const CONTAINER_ID_SCHEME = 'kubelite';

export interface TerminatedFacts {
  exitCode: number;
  /** Upstream kubelets leave `signal` unset; pass it only to show it. */
  signal?: number;
  /** Defaults to OOMKilled / Completed (exit 0) / Error, as container runtimes report. */
  reason?: string;
  message?: string;
  oomKilled?: boolean;
  startedAt: number;
  finishedAt: number;
  /** The instance's id (without scheme); defaults to the status's containerID. */
  containerID?: string;
}

export type StateFacts =
  | { waiting: { reason: string; message?: string } }
  | { running: { startedAt: number } }
  | { terminated: TerminatedFacts };

export interface ContainerFacts {
  name: string;
  state: StateFacts;
  lastTerminated?: TerminatedFacts;
  restartCount: number;
  /** The readiness probe's verdict (true when the container has none). */
  ready: boolean;
  /** The startup probe's verdict (true when the container has none). */
  started: boolean;
  /** The image as the runtime reports it; defaults to the spec's image. */
  image?: string;
  imageID?: string;
  /** The current instance's id (without scheme), once one was created. */
  containerID?: string;
}

export const CONTAINER_CREATING = 'ContainerCreating';
export const POD_INITIALIZING = 'PodInitializing';

/** The reason a runtime gives a finished container. */
export function terminatedReason(t: Pick<TerminatedFacts, 'exitCode' | 'oomKilled' | 'reason'>): string {
  if (t.reason) return t.reason;
  if (t.oomKilled) return 'OOMKilled';
  return t.exitCode === 0 ? 'Completed' : 'Error';
}

function containerId(id: string | undefined): string | undefined {
  return id ? `${CONTAINER_ID_SCHEME}://${id}` : undefined;
}

function terminated(t: TerminatedFacts, fallbackId: string | undefined): ContainerStateTerminated {
  const out: ContainerStateTerminated = { exitCode: t.exitCode };
  if (t.signal !== undefined) out.signal = t.signal;
  out.reason = terminatedReason(t);
  if (t.message) out.message = t.message;
  out.startedAt = rfc3339(t.startedAt);
  out.finishedAt = rfc3339(t.finishedAt);
  const id = containerId(t.containerID ?? fallbackId);
  if (id) out.containerID = id;
  return out;
}

function state(s: StateFacts, fallbackId: string | undefined): ContainerState {
  if ('running' in s) return { running: { startedAt: rfc3339(s.running.startedAt) } };
  if ('terminated' in s) return { terminated: terminated(s.terminated, fallbackId) };
  const w: { reason: string; message?: string } = { reason: s.waiting.reason };
  if (s.waiting.message) w.message = s.waiting.message;
  return { waiting: w };
}

/** A sidecar: an init container with restartPolicy Always (podutil.IsRestartableInitContainer). */
export function isRestartableInit(c: Container): boolean {
  return c.restartPolicy === 'Always';
}

/** status.volumeMounts, reported since RecursiveReadOnlyMounts (beta, on in v1.33). */
function volumeMountStatuses(c: Container): VolumeMountStatus[] | undefined {
  if (!c.volumeMounts?.length) return undefined;
  return c.volumeMounts.map((m) => {
    const s: VolumeMountStatus = { name: m.name, mountPath: m.mountPath };
    if (m.readOnly) {
      s.readOnly = true;
      s.recursiveReadOnly = 'Disabled';
    }
    return s;
  });
}

/** status.resources of a running container: its spec's cpu/memory/ephemeral-storage (InPlacePodVerticalScaling, beta in v1.33). */
function runningResources(c: Container): ContainerStatus['resources'] {
  const pick = (l: Record<string, string> | undefined) => {
    if (!l) return undefined;
    const out: Record<string, string> = {};
    for (const k of ['cpu', 'ephemeral-storage', 'memory']) if (l[k] !== undefined) out[k] = l[k]!;
    return out;
  };
  const r: NonNullable<ContainerStatus['resources']> = {};
  const limits = pick(c.resources?.limits as Record<string, string> | undefined);
  const requests = pick(c.resources?.requests as Record<string, string> | undefined);
  if (limits) r.limits = limits;
  if (requests) r.requests = requests;
  return r;
}

export function containerStatus(pod: Pod, c: Container, facts: ContainerFacts | undefined, isInit: boolean): ContainerStatus {
  const hasInit = (pod.spec?.initContainers?.length ?? 0) > 0;
  const s: StateFacts = facts?.state ?? { waiting: { reason: hasInit ? POD_INITIALIZING : CONTAINER_CREATING } };
  const running = 'running' in s;
  const started = running && (facts?.started ?? false);
  let ready: boolean;
  if (isInit && !isRestartableInit(c)) ready = 'terminated' in s && s.terminated.exitCode === 0;
  else ready = started && (facts?.ready ?? false);

  const out: ContainerStatus = {
    name: c.name,
    state: state(s, facts?.containerID),
    lastState: facts?.lastTerminated ? { terminated: terminated(facts.lastTerminated, undefined) } : {},
    ready,
    restartCount: facts?.restartCount ?? 0,
    image: facts?.image ?? c.image ?? '',
    imageID: facts?.imageID ?? '',
  };
  const id = containerId(facts?.containerID);
  if (id) out.containerID = id;
  out.started = started;
  if (running) out.resources = runningResources(c);
  const mounts = volumeMountStatuses(c);
  if (mounts) out.volumeMounts = mounts;
  return out;
}

/**
 * Statuses for a list of containers: init containers in spec order, regular containers sorted by
 * name (kubetypes.SortedContainerStatuses), as the kubelet reports them.
 */
export function containerStatuses(pod: Pod, specs: Container[], facts: ContainerFacts[], isInit: boolean): ContainerStatus[] {
  const byName = new Map(facts.map((f) => [f.name, f]));
  const out = specs.map((c) => containerStatus(pod, c, byName.get(c.name), isInit));
  if (!isInit) out.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return out;
}
