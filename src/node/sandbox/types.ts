// The sandbox package's public types (the process runtime builds against these).
import type { Mount, Sandbox } from '../runtime/runtime.js';

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
  /** Parent cgroup of the containers' cgroups; default 'kubelite'. */
  cgroupParent?: string;
  /** Force loopback mode with this reason (tests, or running unprivileged on purpose). */
  forceLoopback?: string;
}

export interface PodSandbox extends Sandbox {
  mode: SandboxMode;
  /** Name under /run/netns in namespaces mode (absent for hostNetwork pods and in loopback mode). */
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

export interface SetupTimings {
  /** createSandbox calls measured (ms, end to end, pooled or not). */
  count: number;
  p50: number;
  p99: number;
  /** How many were served from the pool. */
  pooled: number;
  /** Building one network namespace (bridge port, veth, address, routes), pooled or inline. */
  netnsCount: number;
  netnsP50: number;
  netnsP99: number;
}
