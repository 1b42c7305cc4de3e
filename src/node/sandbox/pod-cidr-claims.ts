// Pod /24s for tests that run side by side on one host. Test files run concurrently, each with its
// own nodes: two of them in one block get duplicate pod IPs, one deletes the other's live namespaces,
// and a block routed on two interfaces makes pods unreachable (EHOSTUNREACH). A claim is a file
// `<a.b.N>.<pid>` made before looking at the others, so of two processes claiming one block at once
// at least one sees the other's claim and moves on. Claims of dead processes are ignored; this
// process's go when it exits.
import { chmodSync, mkdirSync, readFileSync, readdirSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ClaimOptions {
  /** The /16 the blocks are taken from, e.g. '10.244'. */
  prefix: string;
  /** The third octets that may be claimed. */
  first: number;
  count: number;
  /**
   * Skip blocks the host already routes somewhere (down links included). Right for a test on a bridge
   * of its own, whose pods another interface's route would make unreachable; wrong for tests sharing
   * kubelite's default bridge, which keeps the gateways of earlier runs harmlessly.
   */
  avoidRoutedBlocks?: boolean;
  /** The routing table to check (tests of this module); /proc/net/route by default. */
  routeTable?: string;
  /** Where claims live (tests of this module); shared by every user like /tmp. */
  dir?: string;
}

/**
 * The blocks of servers that share kubelite's default bridge (end-to-end tests, the bench's process
 * nodes): 10.244.10–249, as a node without --pod-cidr takes the lowest free /24 of 10.244.0.0/16
 * (agent/pod-cidr.ts), hence the first ten are left alone.
 */
export const SHARED_BRIDGE_BLOCKS: ClaimOptions = { prefix: '10.244', first: 10, count: 240 };

/**
 * The blocks of runtimes on a bridge of their own (the runtime test fixtures, the bench's runtime-alone
 * phase): 10.243.x, skipping any block the host already routes, since another interface's route to it
 * would make their pods unreachable.
 */
export const OWN_BRIDGE_BLOCKS: ClaimOptions = { prefix: '10.243', first: 0, count: 256, avoidRoutedBlocks: true };

const held = new Set<string>();
let releaseOnExit = false;

const alive = (pid: number): boolean => {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
};

/** A `prefix.N.0/24` that no other live process on this host holds (and, if asked, nothing routes). */
export function claimPodCidr(o: ClaimOptions): string {
  const dir = o.dir ?? join(tmpdir(), 'kubelite-test-pod-cidrs');
  if (mkdirSync(dir, { recursive: true })) chmodSync(dir, 0o1777);
  if (!releaseOnExit) {
    releaseOnExit = true;
    process.once('exit', () => { for (const f of held) rmSync(f, { force: true }); });
  }
  const routes = o.avoidRoutedBlocks ? routedNetworks(o.routeTable ?? '/proc/net/route') : [];
  const start = Math.floor(Math.random() * o.count);
  for (let i = 0; i < o.count; i++) {
    const block = `${o.prefix}.${o.first + (start + i) % o.count}`;
    const mine = join(dir, `${block}.${process.pid}`);
    if (held.has(mine) || routes.some((r) => overlaps(r, block))) continue;
    writeFileSync(mine, ''); // a file of this name left by a dead process of the same pid is stale
    const others = readdirSync(dir).filter((f) => f.startsWith(`${block}.`) && f !== `${block}.${process.pid}`);
    if (others.some((f) => alive(Number(f.slice(block.length + 1))))) {
      unlinkSync(mine);
      continue;
    }
    held.add(mine);
    return `${block}.0/24`;
  }
  throw new Error(`every pod /24 in ${o.prefix}.${o.first}-${o.first + o.count - 1}.0 is held by a live process or in use on this host (${dir})`);
}

interface Network { dest: number; mask: number }

/** IPv4 routes other than default ones, from /proc/net/route (hex, host byte order: little-endian here). */
export function routedNetworks(path: string): Network[] {
  let text: string;
  try { text = readFileSync(path, 'utf8'); } catch { return []; }
  const le = (hex: string) => (Buffer.from(hex, 'hex').readUInt32LE(0));
  return text.split('\n').slice(1).map((l) => l.trim().split(/\s+/)).filter((f) => f.length >= 8)
    .map((f) => ({ dest: le(f[1]), mask: le(f[7]) })).filter((n) => n.mask !== 0);
}

function overlaps(n: Network, block: string): boolean {
  const b = block.split('.').reduce((acc, o) => acc * 256 + Number(o), 0) * 256;
  const common = Math.min(maskBits(n.mask), 24);
  const m = common === 0 ? 0 : (0xffffffff << (32 - common)) >>> 0;
  return ((n.dest & m) >>> 0) === ((b & m) >>> 0);
}

function maskBits(mask: number): number {
  let bits = 0;
  for (let m = mask >>> 0; m & 0x80000000; m = (m << 1) >>> 0) bits++;
  return bits;
}
