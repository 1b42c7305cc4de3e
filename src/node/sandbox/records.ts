// Sandbox records in <stateDir>/sandboxes/<id>.json: what a restarted agent needs to find its pods'
// namespaces, IPs and container cgroups again (the kubelet asks CRI's ListPodSandbox for the same).
import { mkdirSync, readFileSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PodSandbox } from './types.js';

export interface SandboxRecord extends PodSandbox {
  /** Host end of the veth pair (namespaces mode). */
  veth?: string;
  /** Container cgroups created in this sandbox, removed with it. */
  cgroups: string[];
}

export class SandboxRecords {
  private readonly dir: string;
  private readonly records = new Map<string, SandboxRecord>();

  constructor(stateDir: string) {
    this.dir = join(stateDir, 'sandboxes');
    mkdirSync(this.dir, { recursive: true });
    for (const f of readdirSync(this.dir)) {
      if (!f.endsWith('.json')) continue;
      try {
        const r = JSON.parse(readFileSync(join(this.dir, f), 'utf8')) as SandboxRecord;
        this.records.set(r.id, r);
      } catch { /* a torn write from a crash: the sandbox is unknown, its IP is reclaimed by the caller */ }
    }
  }

  get(id: string): SandboxRecord | undefined {
    return this.records.get(id);
  }

  all(): SandboxRecord[] {
    return [...this.records.values()];
  }

  put(r: SandboxRecord): void {
    this.records.set(r.id, r);
    const file = join(this.dir, `${r.id}.json`);
    writeFileSync(`${file}.tmp`, JSON.stringify(r));
    renameSync(`${file}.tmp`, file);
  }

  delete(id: string): void {
    this.records.delete(id);
    rmSync(join(this.dir, `${id}.json`), { force: true });
  }
}
