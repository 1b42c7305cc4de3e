// What the node benchmark leaves on the machine once its processes are gone, found by the bench's own
// marks only (other work on this machine may use the same bridge and cgroup parent): container
// processes by the KUBELITE_BENCH value in their environment, network namespaces and cgroups by the
// IPAM and sandbox records in the bench's data directories.
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, rmdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** Pids (with their command lines) of processes whose environment carries KUBELITE_BENCH=marker. */
export function markedProcesses(marker: string): Array<{ pid: number; cmd: string }> {
  const want = `KUBELITE_BENCH=${marker}`;
  const found: Array<{ pid: number; cmd: string }> = [];
  for (const e of readdirSync('/proc')) {
    if (!/^\d+$/.test(e)) continue;
    try {
      if (!readFileSync(`/proc/${e}/environ`, 'latin1').split('\0').includes(want)) continue;
      found.push({ pid: Number(e), cmd: readFileSync(`/proc/${e}/cmdline`, 'utf8').split('\0').join(' ').trim() });
    } catch { /* exited meanwhile */ }
  }
  return found;
}

export function killMarked(marker: string): number {
  const left = markedProcesses(marker);
  for (const p of left) { try { process.kill(p.pid, 'SIGKILL'); } catch { /* gone */ } }
  return left.length;
}

function filesNamed(root: string, name: string, depth = 6): string[] {
  if (depth < 0) return [];
  let entries: string[];
  try { entries = readdirSync(root); } catch { return []; }
  return entries.flatMap((e) => {
    const p = join(root, e);
    if (e === name) return [p];
    try { return statSync(p).isDirectory() ? filesNamed(p, name, depth - 1) : []; } catch { return []; }
  });
}

/**
 * Deletes the network namespaces (and veths) named in the IPAM state under dataDir and the container
 * cgroups named in its sandbox records: the pool a stopped runtime keeps, or what a crash left.
 * Returns how many namespaces were deleted.
 */
export function removeNodeLeftovers(dataDir: string): number {
  const netns = new Set<string>();
  for (const f of filesNamed(dataDir, 'ipam.json')) {
    try {
      const owners = Object.values((JSON.parse(readFileSync(f, 'utf8')) as { allocated?: Record<string, string> }).allocated ?? {});
      for (const o of owners) if (/^(pool:)?kl-[0-9a-f]+$/.test(o)) netns.add(o.replace(/^pool:/, ''));
    } catch { /* no state */ }
  }
  const cgroups: string[] = [];
  for (const dir of filesNamed(dataDir, 'sandboxes')) {
    for (const f of readdirSync(dir)) {
      try {
        const r = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { netns?: string; cgroups?: string[] };
        if (r.netns) netns.add(r.netns);
        cgroups.push(...(r.cgroups ?? []));
      } catch { /* torn */ }
    }
  }
  if (netns.size) {
    const batch = [...netns].map((n) => `link del klv${n.slice(3)}\nnetns del ${n}\n`).join('');
    try { execFileSync('ip', ['-force', '-batch', '-'], { input: batch, stdio: ['pipe', 'ignore', 'ignore'] }); } catch { /* already gone */ }
  }
  for (const c of cgroups) {
    for (const d of ['/sys/fs/cgroup/kubelite', '/sys/fs/cgroup/memory/kubelite', '/sys/fs/cgroup/cpu/kubelite']) {
      try { rmdirSync(join(d, c)); } catch { /* absent or busy */ }
    }
  }
  return netns.size;
}
