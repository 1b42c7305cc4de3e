// Starting one container instance, as kuberuntime_container.go startContainer: image (image-pull.ts),
// config (env, volumes, argv), create, start — each step with the event kubelet emits and the
// waiting reason it reports when that step fails.
import { dirname, join } from 'node:path';
import type { Container, Pod } from 'kubernetes-types/core/v1.js';
import { mkdir } from '../../util/callback-fs.js';
import { StartError, type ContainerConfig, type RunningContainer, type Runtime, type Sandbox } from '../runtime/runtime.js';
import { containerArgv } from './command.js';
import { processEnv } from './env.js';
import { fieldPath } from './container-launch.js';
import { ensureImage } from './image-pull.js';

/** What the pod worker needs from its surroundings to start a container. */
export interface StartContext {
  runtime: Runtime;
  sandbox: Sandbox;
  pod: Pod;
  podDir: string;
  dataDir: string;
  /** Resolves the container's environment (envFrom, valueFrom, service links). */
  env(container: Container): Promise<Array<[string, string]>>;
  /** Mounts for the container's volumeMounts (volumes are materialised per pod). */
  mounts(container: Container): Promise<ContainerConfig['mounts']>;
  event(type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
}

export type StartOutcome =
  | { ok: true; running: RunningContainer; id: string; logPath: string }
  /** Waiting with this reason (ErrImagePull, CreateContainerConfigError, ...); nothing ran. */
  | { ok: false; waiting: { reason: string; message: string } }
  /** The process could not start: reported as a terminated instance (StartError, exit 128). */
  | { ok: false; startError: { reason: string; message: string; id: string; at: number } };


export function containerLogPath(podDir: string, container: string, restartCount: number): string {
  return join(podDir, 'logs', container, `${restartCount}.log`);
}

/** Parses "128Mi"-style quantities for the runtime's limits. */
export function quantityBytes(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const m = /^([0-9.]+)([a-zA-Z]*)$/.exec(String(q));
  if (!m) return undefined;
  const mult: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, m: 1e-3 };
  const f = mult[m[2]!];
  return f === undefined ? undefined : Math.round(Number(m[1]) * f);
}

function cpuMillis(q: string | number | undefined): number | undefined {
  if (q === undefined) return undefined;
  const s = String(q);
  return s.endsWith('m') ? Number(s.slice(0, -1)) : Math.round(Number(s) * 1000);
}

export async function startContainer(ctx: StartContext, c: Container, isInit: boolean, restartCount: number, now: () => number): Promise<StartOutcome> {
  const fp = fieldPath(c, isInit);
  const pulled = ensureImage({ usesImages: ctx.runtime.usesImages, dataDir: ctx.dataDir, event: ctx.event }, c, fp);
  if ('waiting' in pulled) return { ok: false, waiting: pulled.waiting };
  const image = pulled.image;
  if (image.hostCommand) {
    ctx.event('Warning', 'HostCommand', `Image "${c.image}" is not available to kubelite; running the container's command on the host`, fp);
  }
  let env: Array<[string, string]>;
  let mounts: ContainerConfig['mounts'];
  try {
    env = await ctx.env(c);
    mounts = await ctx.mounts(c);
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    ctx.event('Warning', 'Failed', `Error: ${message}`, fp);
    return { ok: false, waiting: { reason: 'CreateContainerConfigError', message } };
  }
  const id = `${ctx.pod.metadata!.uid}_${c.name}_${restartCount}`;
  const logPath = containerLogPath(ctx.podDir, c.name, restartCount);
  // Off the event loop: a synchronous mkdir per container stalled every other pod of the node (and
  // of an agent hosting many) for the disk's journal write.
  await mkdir(dirname(logPath), { recursive: true });
  const limits = c.resources?.limits ?? {};
  const cfg: ContainerConfig = {
    id, name: c.name, image: c.image ?? '',
    argv: containerArgv(image, c, env),
    env: processEnv(ctx.sandbox.hostname, image.env, env),
    workingDir: c.workingDir ?? image.workingDir,
    mounts,
    stdin: !!c.stdin, stdinOnce: !!c.stdinOnce, tty: !!c.tty,
    limits: { memoryBytes: quantityBytes(limits.memory), cpuMillis: cpuMillis(limits.cpu) },
    logPath,
    builtin: image.builtin,
    init: isInit,
  };
  ctx.event('Normal', 'Created', `Created container: ${c.name}`, fp);
  try {
    const running = await ctx.runtime.startContainer(ctx.sandbox, cfg);
    ctx.event('Normal', 'Started', `Started container ${c.name}`, fp);
    return { ok: true, running, id, logPath };
  } catch (e) {
    if (!(e instanceof StartError)) throw e;
    ctx.event('Warning', 'Failed', `Error: ${e.message}`, fp);
    return { ok: false, startError: { reason: e.reason, message: e.message, id, at: now() } };
  }
}
