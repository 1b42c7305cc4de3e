// Pod networking as the bridge CNI plugin sets it up: a Linux bridge on the host holding the gateway
// address, and per pod a network namespace joined to it by a veth pair (eth0 inside, with the pod IP,
// loopback up and a default route via the bridge). Each step is one `ip -batch` call on each side,
// so a sandbox costs two short-lived processes (spawned by the spawn broker, off the event loop).
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readdir, readlink, stat } from 'node:fs/promises';
import { spawnBroker } from '../runtime/process/spawn-broker.js';

export const NETNS_DIR = '/run/netns';

export interface PodNetwork {
  /** Name under /run/netns. */
  netns: string;
  /** Host end of the veth pair. */
  veth: string;
  ip: string;
}

/** `ip` through the spawn broker (see runtime/process/spawn-broker.ts). */
export function runIp(args: string[], batch?: string): Promise<void> {
  return spawnBroker.runIp(args, batch);
}

/** `ip` spawned by this process (the broker's own). */
export function runIpDirect(args: string[], batch?: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = execFile('ip', batch === undefined ? args : [...args, '-batch', '-'], (err, _out, stderr) => {
      if (err) reject(new Error(`ip ${args.join(' ')}: ${stderr.trim() || err.message}`));
      else resolve();
    });
    if (batch !== undefined) child.stdin?.end(batch);
  });
}

/** Creates the bridge with the gateway address if missing; returns whether it was created now. */
export async function ensureBridge(bridge: string, gatewayCidr: string): Promise<boolean> {
  let created = false;
  try {
    await runIp(['link', 'show', bridge]);
  } catch {
    await runIp(['link', 'add', bridge, 'type', 'bridge']);
    created = true;
  }
  // `replace` is idempotent: an agent restarted against an existing bridge leaves it as it was.
  await runIp([], `addr replace ${gatewayCidr} dev ${bridge}\nlink set ${bridge} up\n`);
  return created;
}

export async function createPodNetwork(n: PodNetwork, bridge: string, prefix: number, gateway: string): Promise<void> {
  const host = [
    `netns add ${n.netns}`,
    `link add ${n.veth} type veth peer name eth0 netns ${n.netns}`,
    `link set ${n.veth} master ${bridge} up`,
  ];
  const inside = [`addr add ${n.ip}/${prefix} dev eth0`, 'link set lo up', 'link set eth0 up', `route add default via ${gateway} dev eth0`];
  try {
    await runIp([], host.join('\n') + '\n');
    await runIp(['-n', n.netns], inside.join('\n') + '\n');
  } catch (e) {
    await deletePodNetwork(n).catch(() => undefined);
    throw e;
  }
}

/**
 * Deletes the namespace; missing pieces are not an error. The veth pair is not deleted by name: a
 * `link del` unregisters one device under the rtnl lock and waits out an RCU grace period (~18 ms
 * here), holding up every other sandbox's set-up meanwhile. Unmounting the namespace is instant, and
 * the kernel's namespace clean-up destroys all its devices (eth0 and, with it, its host-side peer) in
 * batches: 100 sandboxes went in ~110 ms this way, against ~3 s by name. Only when the namespace is
 * already gone (set-up failed half way) is a leftover host end deleted by name.
 */
export async function deletePodNetwork(n: Pick<PodNetwork, 'netns' | 'veth'>): Promise<void> {
  if (existsSync(`${NETNS_DIR}/${n.netns}`)) {
    try {
      await runIp(['netns', 'del', n.netns]);
      return;
    } catch { /* unmounted meanwhile, or not a namespace: fall through to the leftover veth */ }
  }
  if (existsSync(`/sys/class/net/${n.veth}`)) await runIp(['link', 'del', n.veth]).catch(() => undefined);
}

/**
 * Host pids whose network namespace is the named one (what `ip netns pids` reports). Asynchronous:
 * with hundreds of pod processes the /proc scan is thousands of syscalls, kept off the event loop.
 */
export async function pidsInNetns(netns: string): Promise<number[]> {
  let inode: number;
  try {
    inode = (await stat(`${NETNS_DIR}/${netns}`)).ino;
  } catch {
    return [];
  }
  return (await pidsByNetns()).get(`net:[${inode}]`) ?? [];
}

let scanning: Promise<Map<string, number[]>> | undefined;

/**
 * Every process's network namespace, as `net:[inode]` → pids. Callers that ask while a scan runs share
 * it: a node removing a burst of finished pods walked /proc once per pod, each walk as long as the node
 * is full. (A shared scan may predate a caller's last kill; removeSandbox scans until none is left.)
 */
function pidsByNetns(): Promise<Map<string, number[]>> {
  scanning ??= (async () => {
    const entries = (await readdir('/proc')).filter((e) => /^\d+$/.test(e));
    // '' for a process that exited meanwhile, or a kernel thread
    const links = await Promise.all(entries.map((e) => readlink(`/proc/${e}/ns/net`).catch(() => '')));
    const byNetns = new Map<string, number[]>();
    entries.forEach((e, i) => {
      const link = links[i]!;
      if (!link) return;
      const pids = byNetns.get(link);
      if (pids) pids.push(Number(e));
      else byNetns.set(link, [Number(e)]);
    });
    return byNetns;
  })().finally(() => { scanning = undefined; });
  return scanning;
}
