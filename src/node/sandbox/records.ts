// Sandbox records in <stateDir>/sandboxes/<id>.json: what a restarted agent needs to find its pods'
// namespaces, IPs and container cgroups again (the kubelet asks CRI's ListPodSandbox for the same).
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { PodSandbox } from './types.js';
import { replaceFile, WriteBehind } from './write-behind.js';

export interface SandboxRecord extends PodSandbox {
  /** Host end of the veth pair (namespaces mode). */
  veth?: string;
  /** Container cgroups created in this sandbox, removed with it. */
  cgroups: string[];
}

export class SandboxRecords {
  private readonly dir: string;
  private readonly records = new Map<string, SandboxRecord>();
  /** One writer per record file, written behind (a deleted record's file is removed by the same writer). */
  private readonly files = new Map<string, WriteBehind>();

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
    this.fileOf(r.id).changed();
  }

  delete(id: string): void {
    this.records.delete(id);
    this.fileOf(id).changed();
  }

  /** Resolves once the record of id, as it is now, is on file (or its file gone). */
  saved(id: string): Promise<void> {
    return this.files.get(id)?.saved() ?? Promise.resolve();
  }

  private fileOf(id: string): WriteBehind {
    let w = this.files.get(id);
    if (!w) {
      const file = join(this.dir, `${id}.json`);
      const writer = new WriteBehind(async () => {
        const r = this.records.get(id);
        if (r) {
          await replaceFile(file, JSON.stringify(r));
        } else {
          await rm(file, { force: true });
          if (!this.records.has(id) && this.files.get(id) === writer) this.files.delete(id);
        }
      });
      w = writer;
      this.files.set(id, w);
    }
    return w;
  }
}
