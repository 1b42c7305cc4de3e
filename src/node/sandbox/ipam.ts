// Host-local IPAM, as the host-local CNI plugin: addresses of one range handed out round-robin from the
// last one given (so a freed IP is not reused at once), persisted in stateDir so a restarted agent keeps
// its pods' IPs. Single-process: the agent is the only writer, so an in-memory map written behind with
// an atomic rename needs no lock. Writes run off the event loop, one at a time, each taking every change
// made before it began; `saved()` resolves once the state of its call is on file.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatIPv4, parseIPv4, type Cidr } from './cidr.js';
import { replaceFile, WriteBehind } from './write-behind.js';

interface IpamFile { last?: string; allocated: Record<string, string> }

export class IpAllocator {
  private readonly file: string;
  private readonly allocated = new Map<string, string>();
  private last: number;
  private readonly file$: WriteBehind;

  /** reserved: addresses never handed out besides network and broadcast (the gateway). */
  constructor(stateDir: string, private readonly range: Cidr, private readonly reserved: Set<number>) {
    mkdirSync(stateDir, { recursive: true });
    this.file = join(stateDir, 'ipam.json');
    this.file$ = new WriteBehind(() => {
      const data: IpamFile = { last: formatIPv4(this.last), allocated: Object.fromEntries(this.allocated) };
      return replaceFile(this.file, JSON.stringify(data));
    });
    this.last = range.base + 1;
    try {
      const saved = JSON.parse(readFileSync(this.file, 'utf8')) as IpamFile;
      for (const [ip, owner] of Object.entries(saved.allocated ?? {})) {
        if (this.inRange(parseIPv4(ip))) this.allocated.set(ip, owner);
      }
      if (saved.last && this.inRange(parseIPv4(saved.last))) this.last = parseIPv4(saved.last);
    } catch { /* no state yet, or a different range: start empty */ }
  }

  /** Next free address after the last one given; throws when the range is exhausted. */
  allocate(owner: string): string {
    const first = this.range.base + 1;
    const count = this.range.size - 2;
    for (let i = 1; i <= count; i++) {
      const n = first + ((this.last - first + i) % count);
      const ip = formatIPv4(n);
      if (this.reserved.has(n) || this.allocated.has(ip)) continue;
      this.allocated.set(ip, owner);
      this.last = n;
      this.save();
      return ip;
    }
    throw new Error(`no IP addresses available in range ${formatIPv4(this.range.base)}/${this.range.prefix}`);
  }

  /** Re-assigns an address already handed out (a pooled sandbox given to a pod). */
  reassign(ip: string, owner: string): void {
    this.allocated.set(ip, owner);
    this.save();
  }

  release(ip: string): void {
    if (this.allocated.delete(ip)) this.save();
  }

  owners(): Map<string, string> {
    return new Map(this.allocated);
  }

  private inRange(n: number): boolean {
    return n > this.range.base && n < this.range.base + this.range.size - 1;
  }

  /** Resolves once every allocation and release made so far is on file. */
  saved(): Promise<void> {
    return this.file$.saved();
  }

  private save(): void {
    this.file$.changed();
  }
}
