// Container cgroups: what runc does with a container's resources (memory limit, CFS quota), for v1 (one
// hierarchy per controller, as on these machines) and v2 (unified). Limits are written before the
// container starts; the container's first process joins from the wrapper script (echo $$ > cgroup.procs)
// before it execs the command, so the limit holds from the first allocation.
import { existsSync, mkdirSync, readFileSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

// As the kubelet's CFS settings (pkg/kubelet/cm/helpers_linux.go): a 100 ms period, quota = millicores × period / 1000.
const CFS_PERIOD_US = 100_000;
const MIN_QUOTA_US = 1000; // the kernel rejects quotas below 1 ms

export class Cgroups {
  private constructor(readonly version: 1 | 2, private readonly root: string, private readonly parent: string) {}

  /** Detects a writable hierarchy; undefined when limits cannot be enforced (not root, read-only sysfs). */
  static detect(root = '/sys/fs/cgroup', parent = 'kubelite'): Cgroups | undefined {
    try {
      if (existsSync(join(root, 'cgroup.controllers'))) {
        const controllers = readFileSync(join(root, 'cgroup.controllers'), 'utf8');
        if (!controllers.includes('memory')) return undefined;
        mkdirSync(join(root, parent), { recursive: true });
        // v2's "no internal processes" rule: controllers must be enabled top-down for children to get them.
        writeFileSync(join(root, 'cgroup.subtree_control'), '+memory +cpu');
        writeFileSync(join(root, parent, 'cgroup.subtree_control'), '+memory +cpu');
        return new Cgroups(2, root, parent);
      }
      if (existsSync(join(root, 'memory', 'memory.limit_in_bytes')) || existsSync(join(root, 'memory', 'cgroup.procs'))) {
        mkdirSync(join(root, 'memory', parent), { recursive: true });
        if (existsSync(join(root, 'cpu'))) mkdirSync(join(root, 'cpu', parent), { recursive: true });
        return new Cgroups(1, root, parent);
      }
    } catch {
      return undefined;
    }
    return undefined;
  }

  /** The cgroup directories of one container (v1: one per controller). */
  dirs(name: string): string[] {
    if (this.version === 2) return [join(this.root, this.parent, name)];
    return ['memory', 'cpu'].map((c) => join(this.root, c, this.parent, name)).filter((d) => existsSync(join(d, '..')));
  }

  /** Creates the container's cgroup with its limits; returns the cgroup.procs files the wrapper writes to. */
  create(name: string, limits: { memoryBytes?: number; cpuMillis?: number }): string[] {
    const dirs = this.dirs(name);
    for (const d of dirs) mkdirSync(d, { recursive: true });
    const quota = limits.cpuMillis ? Math.max(MIN_QUOTA_US, Math.round((limits.cpuMillis * CFS_PERIOD_US) / 1000)) : undefined;
    if (this.version === 2) {
      const d = dirs[0];
      if (limits.memoryBytes) {
        writeFileSync(join(d, 'memory.max'), String(limits.memoryBytes));
        // No swap for a limited container, as the kubelet's default (NoSwap): the limit means an OOM kill.
        if (existsSync(join(d, 'memory.swap.max'))) writeFileSync(join(d, 'memory.swap.max'), '0');
      }
      if (quota) writeFileSync(join(d, 'cpu.max'), `${quota} ${CFS_PERIOD_US}`);
    } else {
      const [mem, cpu] = dirs;
      if (limits.memoryBytes) {
        writeFileSync(join(mem, 'memory.limit_in_bytes'), String(limits.memoryBytes));
        tryWrite(join(mem, 'memory.swappiness'), '0');
      }
      if (quota && cpu) {
        writeFileSync(join(cpu, 'cpu.cfs_period_us'), String(CFS_PERIOD_US));
        writeFileSync(join(cpu, 'cpu.cfs_quota_us'), String(quota));
      }
    }
    return dirs.map((d) => join(d, 'cgroup.procs'));
  }

  /** Whether the kernel OOM-killed a process of this cgroup (v1 memory.oom_control, v2 memory.events). */
  oomKilled(name: string): boolean {
    const file = this.version === 2 ? join(this.dirs(name)[0], 'memory.events') : join(this.dirs(name)[0], 'memory.oom_control');
    try {
      const m = /^oom_kill (\d+)$/m.exec(readFileSync(file, 'utf8'));
      return m !== null && Number(m[1]) > 0;
    } catch {
      return false;
    }
  }

  pids(name: string): number[] {
    const out = new Set<number>();
    for (const d of this.dirs(name)) {
      try {
        for (const l of readFileSync(join(d, 'cgroup.procs'), 'utf8').split('\n')) if (l) out.add(Number(l));
      } catch { /* gone */ }
    }
    return [...out];
  }

  /** Names of all container cgroups under the parent (for recovery and leak checks). */
  list(): string[] {
    const dir = this.version === 2 ? join(this.root, this.parent) : join(this.root, 'memory', this.parent);
    try {
      return readdirSync(dir, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name);
    } catch {
      return [];
    }
  }

  /** Removes the (empty) parent cgroup. */
  removeParent(): void {
    const dirs = this.version === 2 ? [join(this.root, this.parent)] : ['memory', 'cpu'].map((c) => join(this.root, c, this.parent));
    for (const d of dirs) {
      try {
        rmdirSync(d);
      } catch { /* still in use, or absent */ }
    }
  }

  /** Kills what is left and removes the cgroup, retrying while the kernel finishes the kills. */
  async remove(name: string): Promise<void> {
    for (let attempt = 0; attempt < 50; attempt++) {
      for (const pid of this.pids(name)) killQuietly(pid);
      let busy = false;
      for (const d of this.dirs(name)) {
        try {
          rmdirSync(d);
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'ENOENT') busy = true;
        }
      }
      if (!busy) return;
      await new Promise((r) => setTimeout(r, 10));
    }
  }
}

export function killQuietly(pid: number): void {
  try {
    process.kill(pid, 'SIGKILL');
  } catch { /* already gone */ }
}

function tryWrite(file: string, value: string): void {
  try {
    writeFileSync(file, value);
  } catch { /* optional knob */ }
}
