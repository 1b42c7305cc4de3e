// What a pod worker needs from its kubelet (the API, the runtime, events, env and volumes) and how
// probing reports back: the seams that let tests drive a worker with fakes.
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import type { Clock } from '../../util/clock.js';
import type { RunningContainer, Runtime, Sandbox } from '../runtime/runtime.js';
import type { CrashLoopBackOff } from './backoff.js';
import type { StartContext } from './container-start.js';

export interface PodWorkerHost {
  runtime: Runtime;
  clock: Clock;
  backoff: CrashLoopBackOff;
  /** Root of user image definitions (`<dataDir>/images/`). */
  dataDir: string;
  podDir(pod: Pod): string;
  hostIP: string;
  event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** Writes the pod's status (the status subresource), from the freshest stored pod. */
  writeStatus(pod: Pod, compute: (fresh: Pod) => KObject['status']): Promise<void>;
  /** Confirms deletion (DELETE with grace 0) once everything of the pod is gone. */
  confirmDeleted(pod: Pod): Promise<void>;
  env(pod: Pod, container: Container, sandbox: Sandbox): Promise<Array<[string, string]>>;
  mounts(pod: Pod, container: Container): Promise<StartContext['mounts'] extends (c: Container) => Promise<infer M> ? M : never>;
  probes: ProbeHooks;
  log(msg: string): void;
  forget(uid: string): void;
}

/** Probing is started per running container and reports back through the worker. */
export interface ProbeHooks {
  start(pod: Pod, container: Container, running: RunningContainer, sandbox: Sandbox, report: ProbeReport): { stop(): void };
}
export interface ProbeReport {
  ready(v: boolean): void;
  started(): void;
  /** Liveness (or startup) failed past its threshold: the container is killed; message is the Killing event's. */
  unhealthy(message: string): void;
}
