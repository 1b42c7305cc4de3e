// What the host offers a sandbox: whether full isolation is possible here (and why not), the node's
// own address for hostNetwork pods, mount points for volumes, and set-up time samples.
import { accessSync, constants, existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { delimiter, dirname, join } from 'node:path';

const REQUIRED_TOOLS = ['ip', 'unshare', 'nsenter', 'setpriv', 'mount', 'sh'];
const MAX_SAMPLES = 10_000;

/** Why full isolation is unavailable here, or undefined when it is. */
export function degradedBecause(): string | undefined {
  const tail = 'pods share the host network and get loopback addresses';
  if (process.platform !== 'linux') return `kubelite is not running on Linux: ${tail}`;
  if (process.getuid?.() !== 0) return `kubelite is not running as root: ${tail}`;
  const missing = REQUIRED_TOOLS.filter((t) => !onPath(t));
  if (missing.length) return `${missing.join(', ')} not found on PATH: ${tail}`;
  return undefined;
}

function onPath(tool: string): boolean {
  return (process.env.PATH ?? '/usr/sbin:/usr/bin:/sbin:/bin').split(delimiter).some((d) => {
    try {
      accessSync(join(d, tool), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

/** The node's own address, as a hostNetwork pod's IP (status.podIP = status.hostIP). */
export function hostIP(bridge: string): string {
  for (const [name, addrs] of Object.entries(networkInterfaces())) {
    if (name === bridge) continue;
    const a = addrs?.find((x) => x.family === 'IPv4' && !x.internal);
    if (a) return a.address;
  }
  return '127.0.0.1';
}

export function ensureMountPoint(hostPath: string, containerPath: string): void {
  if (existsSync(containerPath)) return;
  if (statSync(hostPath).isDirectory()) mkdirSync(containerPath, { recursive: true });
  else {
    mkdirSync(dirname(containerPath), { recursive: true });
    writeFileSync(containerPath, '');
  }
}

/** The latest set-up times (at most MAX_SAMPLES), for SetupTimings. */
export class Samples {
  private readonly xs: number[] = [];

  add(v: number): void {
    if (this.xs.length >= MAX_SAMPLES) this.xs.shift();
    this.xs.push(v);
  }

  get count(): number {
    return this.xs.length;
  }

  /** By nearest rank, rounded to 0.01 ms; 0 with no samples. */
  quantile(q: number): number {
    if (this.xs.length === 0) return 0;
    const sorted = [...this.xs].sort((a, b) => a - b);
    return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]! * 100) / 100;
  }
}
