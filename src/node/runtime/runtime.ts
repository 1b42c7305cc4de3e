// The container runtime contract the kubelet (pod workers) drives, as CRI is to kubelet: sandboxes
// (a pod's network/UTS/PID/mount isolation and its IP), containers in them, exec and port-forward.
// Implementations: runtime/process (real local processes in Linux namespaces, or plain processes
// with loopback IPs without root) and runtime/simulated (no processes, for tests and scale).
import type { Duplex, Readable, Writable } from 'node:stream';

export interface SandboxConfig {
  /** Pod identity: the sandbox is named after the uid so a restarted agent can find it again. */
  podUid: string;
  namespace: string;
  name: string;
  /** The pod's hostname (pod name, or spec.hostname / <hostname>.<subdomain>). */
  hostname: string;
  hostNetwork: boolean;
  /** Pod annotations (the simulated runtime reads kubelite.io/simulate-* from here). */
  annotations: Record<string, string>;
}

export interface Sandbox {
  id: string;
  podUid: string;
  /** The pod IP (status.podIP). */
  ip: string;
  hostname: string;
  /** Set when isolation is degraded (no root, not Linux): said in a Warning event and in describe. */
  degraded?: string;
}

export interface Mount {
  /** A directory or file on the host (the kubelet materialises volumes there). */
  hostPath: string;
  containerPath: string;
  readOnly: boolean;
}

export interface ContainerConfig {
  /** Unique per container instance, e.g. `<podUid>_<container>_<restartCount>`. */
  id: string;
  name: string;
  image: string;
  /** The final argv: image entrypoint/cmd and the container's command/args already resolved and $(VAR)-expanded. */
  argv: string[];
  env: Array<[string, string]>;
  workingDir?: string;
  mounts: Mount[];
  stdin: boolean;
  stdinOnce: boolean;
  tty: boolean;
  limits: { memoryBytes?: number; cpuMillis?: number };
  /** Where stdout/stderr go, as CRI log lines: `<RFC3339Nano> <stdout|stderr> F <line>`. */
  logPath: string;
  /** The image kind the kubelet resolved: a built-in program, or a host command. */
  builtin?: string;
  /** An init container (the simulated runtime finishes these at once unless told otherwise). */
  init?: boolean;
}

export interface ContainerExit {
  exitCode: number;
  /** The signal that ended the process, if any (exitCode is then 128+n). */
  signal?: NodeJS.Signals;
  oomKilled: boolean;
  startedAt: number;
  finishedAt: number;
}

export interface RunningContainer {
  id: string;
  /** Host PID of the container's first process (for diagnostics and reaping). */
  pid?: number;
  startedAt: number;
  /** Resolves once, when the container's process has exited and been reaped. */
  exited: Promise<ContainerExit>;
  /** SIGTERM, then SIGKILL after graceMs; resolves with the exit. Kills the whole process group. */
  stop(graceMs: number): Promise<ContainerExit>;
  /** The container's stdin, when it was started with stdin: true (for attach). */
  stdin?: Writable;
  /** Live output (for attach): stdout and stderr as they are written. */
  output?: { stdout: Readable; stderr: Readable };
}

/** The container could not be started: the kubelet reports it as waiting with this reason and message. */
export class StartError extends Error {
  constructor(readonly reason: 'RunContainerError' | 'StartError' | 'CreateContainerError', message: string) {
    super(message);
  }
}

export interface ExecOptions {
  stdin?: Readable;
  stdout: Writable;
  stderr: Writable;
  tty: boolean;
}

/** A container a previous agent process started: still running (adopted), ended with a known exit, or lost. */
export interface RecoveredContainer {
  id: string;
  pid?: number;
  /** The adopted handle, while it still runs. */
  running?: RunningContainer;
  exit?: ContainerExit;
}

export interface Runtime {
  readonly name: 'process' | 'simulated';
  /** False when images mean nothing to the runtime (simulated: any image "runs"). */
  readonly usesImages: boolean;
  createSandbox(cfg: SandboxConfig): Promise<Sandbox>;
  /** Kills anything left in the sandbox and frees its IP. Idempotent. */
  removeSandbox(sandbox: Sandbox): Promise<void>;
  startContainer(sandbox: Sandbox, cfg: ContainerConfig): Promise<RunningContainer>;
  /** Runs argv inside a running container's namespaces; resolves to its exit code. */
  exec(sandbox: Sandbox, container: RunningContainer, argv: string[], io: ExecOptions): Promise<number>;
  /** A connection to port inside the sandbox (for port-forward and probes that need the pod network). */
  connect(sandbox: Sandbox, port: number): Promise<Duplex>;
  /**
   * Sandboxes and containers left by a previous agent process on this node: the kubelet adopts those
   * of pods it still runs and removes the rest, so nothing a pod started outlives it.
   */
  recover(): Promise<Array<{ sandbox: Sandbox; containers: RecoveredContainer[] }>>;
  /** Stops using the runtime; with removeAll, every sandbox and its processes go (a clean shutdown). */
  close(opts?: { removeAll?: boolean }): Promise<void>;
}
