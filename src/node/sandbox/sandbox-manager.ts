// The pod sandbox: what CRI's RunPodSandbox and a runc container spec give a pod on a real node (network,
// UTS, PID and mount namespaces, cgroup limits), built from `ip`, `unshare`, `nsenter` and `setpriv`.
// Without root (or not on Linux) it degrades to loopback addresses and plain host processes.
// Signatures first (helper B builds the process runtime against them); bodies follow.
import type { Mount, Sandbox, SandboxConfig } from '../runtime/runtime.js';

export type SandboxMode = 'namespaces' | 'loopback';

export interface SandboxManagerOptions {
  /** Where IPAM state and sandbox records live (survives agent restarts). */
  stateDir: string;
  /** The node's slice of the pod CIDR, e.g. '10.244.0.0/24'; its first address is the bridge gateway. */
  podCidr: string;
  /** Bridge name; default 'kubelite0'. */
  bridge?: string;
  nodeName: string;
  /** Ready network namespaces kept pooled so createSandbox costs no `ip` calls; default 4 (0 disables). */
  poolSize?: number;
  /** Force loopback mode (tests, or `--sandbox loopback`). */
  forceLoopback?: string;
}

export interface PodSandbox extends Sandbox {
  mode: SandboxMode;
  /** /run/netns/<netns> in namespaces mode (absent for hostNetwork pods and in loopback mode). */
  netns?: string;
  hostNetwork: boolean;
}

export interface ContainerLimits { memoryBytes?: number; cpuMillis?: number }

export interface ContainerCommandOptions {
  argv: string[];
  mounts: Mount[];
  workingDir?: string;
  limits: ContainerLimits;
  /** Unique per container instance (e.g. the container id); names its cgroup kubelite/<cgroupName>. */
  cgroupName: string;
}

export interface CommandLine {
  file: string;
  args: string[];
  /** Working directory for spawn (loopback mode only: in namespaces mode the wrapper changes directory itself). */
  cwd?: string;
}

export interface SetupTimings { count: number; p50: number; p99: number; pooled: number; inlineP50: number; inlineP99: number }

export class SandboxManager {
  readonly mode: SandboxMode = 'loopback';
  readonly degradedReason?: string;
  /** 1 or 2 when cgroup limits are enforced, undefined when cgroups are not writable. */
  readonly cgroupVersion?: 1 | 2;

  static async create(opts: SandboxManagerOptions): Promise<SandboxManager> { throw new Error(`todo ${opts.nodeName}`); }
  async createSandbox(cfg: SandboxConfig): Promise<PodSandbox> { throw new Error(`todo ${cfg.podUid}`); }
  /** Idempotent: kills every process in the sandbox's netns and cgroups, deletes netns/veth/cgroups, frees the IP. */
  async removeSandbox(sandbox: Sandbox): Promise<void> { throw new Error(`todo ${sandbox.id}`); }
  /**
   * The argv that runs opts.argv as a new container in the sandbox (spawn it with the container's env;
   * signal the process group to stop it). See container-command.ts for the process chain.
   */
  containerCommand(sandbox: Sandbox, opts: ContainerCommandOptions): CommandLine { throw new Error(`todo ${sandbox.id}${opts.cgroupName}`); }
  /**
   * The argv that runs argv inside a running container (nsenter into all its namespaces and its cgroup).
   * containerPid is the pid of the process spawned from containerCommand (the inner PID 1 is found from it).
   */
  execCommand(sandbox: Sandbox, containerPid: number, argv: string[], cgroupName?: string): CommandLine { throw new Error(`todo ${sandbox.id}${containerPid}${argv}${cgroupName}`); }
  /** The host pid of the container's PID 1, given the pid spawned from containerCommand. */
  containerInitPid(spawnedPid: number): number | undefined { throw new Error(`todo ${spawnedPid}`); }
  /** Whether the container's cgroup recorded an OOM kill (call before removeCgroup). */
  oomKilled(cgroupName: string): boolean { throw new Error(`todo ${cgroupName}`); }
  /** Kills what is left in the container's cgroup and removes it; never rejects. */
  async removeCgroup(cgroupName: string): Promise<void> { throw new Error(`todo ${cgroupName}`); }
  /** Sandboxes recorded in stateDir (for recovery after an agent restart). */
  async list(): Promise<PodSandbox[]> { throw new Error('todo'); }
  setupTimings(): SetupTimings { throw new Error('todo'); }
  /** Drops pooled namespaces; with removeBridge also the bridge (tests using their own bridge name). */
  async close(opts?: { removeBridge?: boolean }): Promise<void> { throw new Error(`todo ${opts}`); }
}
