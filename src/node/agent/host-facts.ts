// What a real kubelet reads from its machine for the Node object (pkg/kubelet/nodestatus/setters.go
// MachineInfo/NodeAddress/VersionInfo, cadvisor's machine info): CPUs, memory, root filesystem
// size, kernel, OS image, machine/boot ids and the node's primary address.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statfsSync } from 'node:fs';
import { cpus, networkInterfaces, release, totalmem } from 'node:os';

export interface HostFacts {
  kernelVersion: string;
  osImage: string;
  machineID: string;
  systemUUID: string;
  bootID: string;
  /** Go's GOARCH name (amd64, arm64, ...). */
  architecture: string;
  operatingSystem: string;
  internalIP: string;
}

const GOARCH: Record<string, string> = { x64: 'amd64', arm64: 'arm64', arm: 'arm', ia32: '386', ppc64: 'ppc64le', s390x: 's390x', riscv64: 'riscv64' };
export const goArch = (arch: string = process.arch) => GOARCH[arch] ?? arch;
export const goOS = (platform: string = process.platform) => (platform === 'win32' ? 'windows' : platform);

const readTrim = (path: string) => {
  try { return existsSync(path) ? readFileSync(path, 'utf8').trim() : ''; } catch { return ''; }
};

/** PRETTY_NAME from /etc/os-release, as cadvisor reports the OS image. */
export function osImage(text = readTrim('/etc/os-release')): string {
  const m = /^PRETTY_NAME=(.*)$/m.exec(text);
  return m ? m[1]!.replace(/^["']|["']$/g, '') : 'Unknown';
}

/** The first non-internal IPv4 address (kubelet's default when no --node-ip is given), else loopback. */
export function primaryIPv4(): string {
  for (const addrs of Object.values(networkInterfaces())) {
    for (const a of addrs ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return '127.0.0.1';
}

let cached: HostFacts | undefined;

export function hostFacts(): HostFacts {
  if (cached) return cached;
  const machineID = readTrim('/etc/machine-id');
  cached = {
    kernelVersion: release(),
    osImage: osImage(),
    machineID,
    // product_uuid is root-only and absent in containers; kubelet then reports the machine id's value.
    systemUUID: readTrim('/sys/class/dmi/id/product_uuid') || machineID,
    bootID: readTrim('/proc/sys/kernel/random/boot_id'),
    architecture: goArch(),
    operatingSystem: goOS(),
    internalIP: primaryIPv4(),
  };
  return cached;
}

/** Simulated nodes share the host's kernel and OS, but each has ids of its own (stable per name). */
export function simulatedFacts(nodeName: string, host: HostFacts = hostFacts()): HostFacts {
  const id = createHash('sha256').update(`kubelite-simulated/${nodeName}`).digest('hex');
  const uuid = `${id.slice(0, 8)}-${id.slice(8, 12)}-${id.slice(12, 16)}-${id.slice(16, 20)}-${id.slice(20, 32)}`;
  return { ...host, machineID: id.slice(0, 32), systemUUID: uuid, bootID: uuid };
}

const MEMORY_EVICTION_HARD_BYTES = 100 * 1024 * 1024; // kubelet's default evictionHard memory.available<100Mi
const NODEFS_EVICTION_FRACTION = 0.1; // kubelet's default evictionHard nodefs.available<10%
export const DEFAULT_MAX_PODS = 110; // kubelet's --max-pods default

/** Capacity and allocatable of this machine, as quantities kubelet writes (memory and storage in Ki). */
export function hostResources(dataDir: string, maxPods = DEFAULT_MAX_PODS): { capacity: Record<string, string>; allocatable: Record<string, string> } {
  const memKi = Math.floor(totalmem() / 1024);
  let diskKi = 0;
  try {
    const s = statfsSync(dataDir);
    diskKi = Math.floor((s.blocks * s.bsize) / 1024);
  } catch { diskKi = 0; }
  const capacity = {
    cpu: String(cpus().length),
    'ephemeral-storage': `${diskKi}Ki`,
    'hugepages-1Gi': '0',
    'hugepages-2Mi': '0',
    memory: `${memKi}Ki`,
    pods: String(maxPods),
  };
  // Allocatable = capacity - reservations (none by default) - hard eviction thresholds
  // (pkg/kubelet/cm/node_container_manager_linux.go GetNodeAllocatableAbsolute).
  const allocatable = {
    ...capacity,
    'ephemeral-storage': String(Math.floor(diskKi * 1024 * (1 - NODEFS_EVICTION_FRACTION))),
    memory: `${memKi - MEMORY_EVICTION_HARD_BYTES / 1024}Ki`,
  };
  return { capacity, allocatable };
}
