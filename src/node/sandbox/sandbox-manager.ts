// The pod sandbox: what CRI's RunPodSandbox and a runc container spec give a pod on a real node (its own
// network, UTS, PID and mount namespaces, an IP on the node's bridge, cgroup limits), built from `ip`,
// `unshare`, `nsenter` and `setpriv`. Without root, off Linux, or without those tools it degrades to
// loopback addresses (127.x.y.z) and plain host processes, and says why in degradedReason.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import type { Sandbox, SandboxConfig } from '../runtime/runtime.js';
import { Cgroups, killQuietly } from './cgroups.js';
import { gatewayOf, loopbackCidrFor, parseCidr, type Cidr } from './cidr.js';
import { containerCommandLine, execCommandLine, type CommandLine } from './container-command.js';
import { degradedBecause, ensureMountPoint, hostIP, Samples } from './host.js';
import { IpAllocator } from './ipam.js';
import { NETNS_DIR, createPodNetwork, deletePodNetwork, ensureBridge, pidsInNetns, runIp, type PodNetwork } from './network.js';
import { SandboxRecords, type SandboxRecord } from './records.js';
import type { ContainerCommandOptions, PodSandbox, SandboxManagerOptions, SandboxMode, SetupTimings } from './types.js';

export type { CommandLine } from './container-command.js';
export type * from './types.js';

const DEFAULT_POOL_SIZE = 4; // enough for a ReplicaSet's burst; refilled in the background

export class SandboxManager {
  private readonly records: SandboxRecords;
  private readonly ipam: IpAllocator;
  private readonly pool: PodNetwork[] = [];
  private refilling?: Promise<void>;
  private closed = false;
  private readonly createMs = new Samples();
  private readonly netnsMs = new Samples();
  private pooledCount = 0;
  private bridgeCreated = false;

  private constructor(
    private readonly opts: SandboxManagerOptions,
    readonly mode: SandboxMode,
    readonly degradedReason: string | undefined,
    private readonly cidr: Cidr,
    private readonly cgroups: Cgroups | undefined,
  ) {
    this.records = new SandboxRecords(opts.stateDir);
    const range = mode === 'namespaces' ? cidr : loopbackCidrFor(cidr);
    this.ipam = new IpAllocator(join(opts.stateDir, mode), range, new Set([range.base + 1]));
  }

  /** 1 or 2 when cgroup limits are enforced, undefined when they are not. */
  get cgroupVersion(): 1 | 2 | undefined {
    return this.cgroups?.version;
  }

  static async create(opts: SandboxManagerOptions): Promise<SandboxManager> {
    const cidr = parseCidr(opts.podCidr);
    let reason = opts.forceLoopback ?? degradedBecause();
    if (!reason) {
      try {
        mkdirSync(NETNS_DIR, { recursive: true });
        await runIp([], ''); // the batch reader itself works
      } catch (e) {
        reason = `network namespaces are not available (${(e as Error).message})`;
      }
    }
    const m = new SandboxManager(opts, reason ? 'loopback' : 'namespaces', reason, cidr, reason ? undefined : Cgroups.detect(undefined, opts.cgroupParent));
    if (m.mode === 'namespaces') {
      m.bridgeCreated = await ensureBridge(m.bridge, `${gatewayOf(cidr)}/${cidr.prefix}`);
      await m.reclaim();
      m.refill();
    }
    return m;
  }

  private get bridge(): string {
    return this.opts.bridge ?? 'kubelite0';
  }

  async createSandbox(cfg: SandboxConfig): Promise<PodSandbox> {
    const started = performance.now();
    const base = { podUid: cfg.podUid, hostname: cfg.hostname, hostNetwork: cfg.hostNetwork, mode: this.mode };
    let record: SandboxRecord;
    if (this.mode === 'loopback') {
      const id = `lo-${randomBytes(4).toString('hex')}`;
      const ip = cfg.hostNetwork ? hostIP(this.bridge) : this.ipam.allocate(id);
      record = { ...base, id, ip, degraded: this.degradedReason, cgroups: [] };
    } else if (cfg.hostNetwork) {
      record = { ...base, id: `kh-${randomBytes(4).toString('hex')}`, ip: hostIP(this.bridge), cgroups: [] };
    } else {
      let net = this.pool.shift();
      if (net) {
        this.pooledCount++;
        this.ipam.reassign(net.ip, net.netns);
      } else {
        net = await this.buildNetwork(false);
      }
      record = { ...base, id: net.netns, ip: net.ip, netns: net.netns, veth: net.veth, cgroups: [] };
      this.refill();
    }
    await this.ipam.saved();
    this.records.put(record);
    this.createMs.add(performance.now() - started);
    return publicView(record);
  }

  async removeSandbox(sandbox: Sandbox): Promise<void> {
    const r = this.records.get(sandbox.id);
    if (!r) return;
    const pids = async () => [...(r.netns ? await pidsInNetns(r.netns) : []), ...r.cgroups.flatMap((c) => this.cgroups?.pids(c) ?? [])];
    // Kill until nothing is left: a process may fork between the scan and the kill.
    for (let i = 0; i < 100; i++) {
      const left = await pids();
      if (left.length === 0) break;
      left.forEach(killQuietly);
      await new Promise((res) => setTimeout(res, 10));
    }
    await Promise.all(r.cgroups.map((c) => this.cgroups?.remove(c)));
    if (r.netns && r.veth) await deletePodNetwork({ netns: r.netns, veth: r.veth });
    if (!r.hostNetwork) this.ipam.release(r.ip);
    this.records.delete(r.id);
  }

  /** Resolves once the sandbox's record (e.g. the cgroup containerCommand added) is on file. */
  recordSaved(sandbox: Sandbox): Promise<void> {
    return this.records.saved(sandbox.id);
  }

  containerCommand(sandbox: Sandbox, opts: ContainerCommandOptions): CommandLine {
    const r = this.records.get(sandbox.id);
    if (!r) throw new Error(`sandbox ${sandbox.id} not found`);
    if (r.mode === 'loopback') return { file: opts.argv[0], args: opts.argv.slice(1), cwd: opts.workingDir };
    let procs: string[] = [];
    if (this.cgroups) {
      procs = this.cgroups.create(opts.cgroupName, opts.limits);
      if (!r.cgroups.includes(opts.cgroupName)) this.records.put({ ...r, cgroups: [...r.cgroups, opts.cgroupName] });
    }
    // The container sees the host's filesystem, so its mount points must exist there (as runc creates them in the rootfs).
    for (const m of opts.mounts) ensureMountPoint(m.hostPath, m.containerPath);
    return containerCommandLine({
      netnsPath: r.netns ? `${NETNS_DIR}/${r.netns}` : undefined,
      hostname: r.netns ? r.hostname : undefined,
      cgroupProcs: procs,
      mounts: opts.mounts,
      workingDir: opts.workingDir,
      argv: opts.argv,
    });
  }

  execCommand(sandbox: Sandbox, containerPid: number, argv: string[], cgroupName?: string): CommandLine {
    const r = this.records.get(sandbox.id);
    if (!r || r.mode === 'loopback') return { file: argv[0], args: argv.slice(1) };
    const procs = cgroupName && this.cgroups ? this.cgroups.dirs(cgroupName).map((d) => join(d, 'cgroup.procs')) : [];
    return execCommandLine(this.containerInitPid(containerPid) ?? containerPid, procs, argv);
  }

  /** The host pid of the container's PID 1: the only child of the process spawned from containerCommand. */
  containerInitPid(spawnedPid: number): number | undefined {
    if (this.mode === 'loopback') return spawnedPid;
    try {
      const child = readFileSync(`/proc/${spawnedPid}/task/${spawnedPid}/children`, 'utf8').trim().split(' ')[0];
      return child ? Number(child) : undefined;
    } catch {
      return undefined;
    }
  }

  oomKilled(cgroupName: string): boolean {
    return this.cgroups?.oomKilled(cgroupName) ?? false;
  }

  async removeCgroup(cgroupName: string): Promise<void> {
    try {
      await this.cgroups?.remove(cgroupName);
      for (const r of this.records.all()) {
        if (r.cgroups.includes(cgroupName)) this.records.put({ ...r, cgroups: r.cgroups.filter((c) => c !== cgroupName) });
      }
    } catch { /* best effort: removeSandbox retries */ }
  }

  async list(): Promise<PodSandbox[]> {
    return this.records.all().map(publicView);
  }

  get(id: string): PodSandbox | undefined {
    const r = this.records.get(id);
    return r && publicView(r);
  }

  setupTimings(): SetupTimings {
    return {
      count: this.createMs.count, p50: this.createMs.quantile(0.5), p99: this.createMs.quantile(0.99), pooled: this.pooledCount,
      netnsCount: this.netnsMs.count, netnsP50: this.netnsMs.quantile(0.5), netnsP99: this.netnsMs.quantile(0.99),
    };
  }

  /** Drops pooled namespaces; tests with their own names also remove the bridge and the cgroup parent. */
  async close(opts: { removeBridge?: boolean; removeCgroupParent?: boolean } = {}): Promise<void> {
    this.closed = true;
    await this.refilling;
    const pooled = this.pool.splice(0);
    await Promise.all(pooled.map((n) => deletePodNetwork(n)));
    pooled.forEach((n) => this.ipam.release(n.ip));
    await this.ipam.saved();
    if (opts.removeBridge && this.mode === 'namespaces') await runIp(['link', 'del', this.bridge]).catch(() => undefined);
    if (opts.removeCgroupParent) this.cgroups?.removeParent();
  }

  private async buildNetwork(pooled: boolean): Promise<PodNetwork> {
    const started = performance.now();
    const hex = randomBytes(4).toString('hex');
    const netns = `kl-${hex}`;
    const ip = this.ipam.allocate(pooled ? `pool:${netns}` : netns);
    const net = { netns, veth: `klv${hex}`, ip };
    try {
      // The allocation is on file before anything uses the address (a restarted agent must know it).
      await Promise.all([createPodNetwork(net, this.bridge, this.cidr.prefix, gatewayOf(this.cidr)), this.ipam.saved()]);
    } catch (e) {
      this.ipam.release(ip);
      throw e;
    }
    this.netnsMs.add(performance.now() - started);
    return net;
  }

  /** Tops the pool up in the background, one namespace at a time so it never competes with a burst. */
  private refill(): void {
    const size = this.opts.poolSize ?? DEFAULT_POOL_SIZE;
    if (this.refilling || this.closed || this.pool.length >= size) return;
    this.refilling = (async () => {
      while (!this.closed && this.pool.length < size) this.pool.push(await this.buildNetwork(true));
    })().catch(() => undefined).finally(() => { this.refilling = undefined; });
  }

  /** After a restart: pooled namespaces and IPs whose sandbox record is gone are deleted and freed. */
  private async reclaim(): Promise<void> {
    for (const [ip, owner] of this.ipam.owners()) {
      const id = owner.replace(/^pool:/, '');
      if (owner.startsWith('pool:') || !this.records.get(id)) {
        await deletePodNetwork({ netns: id, veth: `klv${id.slice(3)}` });
        this.ipam.release(ip);
      }
    }
  }
}

function publicView(r: SandboxRecord): PodSandbox {
  const { veth: _veth, cgroups: _cgroups, ...rest } = r;
  return rest;
}
