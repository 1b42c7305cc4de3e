// Leader election on a coordination.k8s.io Lease, as client-go tools/leaderelection (leaderelection.go,
// resourcelock/leaselock.go): only the holder of kube-system/<name> runs what it guards, so several
// servers sharing one store never run two controller managers. A lease held by someone else is taken
// over only after it has gone unrenewed for leaseDuration as measured on this machine's clock (the
// observed time, not the holder's renewTime, so clock skew between servers does not matter).
import type { Lease } from 'kubernetes-types/coordination/v1.js';
import type { KObject } from '../../api/object.js';
import type { ApiClient } from '../../client/api-client.js';
import { isAlreadyExists, isConflict, isNotFound } from '../../client/api-client.js';
import { realTimers, type Timers } from '../../client/workqueue.js';
import { rfc3339Micro, type Clock } from '../../util/clock.js';

// client-go's defaults, as kube-controller-manager and kube-scheduler use them.
export const LEASE_DURATION_MS = 15_000;
export const RENEW_DEADLINE_MS = 10_000;
export const RETRY_PERIOD_MS = 2_000;

export interface LeaderElectionConfig {
  client: ApiClient;
  /** The lease's name in kube-system, e.g. kube-controller-manager. */
  name: string;
  /** Who we are: stable across restarts of one server, so a restarted leader takes its lease back at once. */
  identity: string;
  clock: Clock;
  timers?: Timers;
  log?: (m: string) => void;
  leaseDurationMs?: number;
  renewDeadlineMs?: number;
  retryPeriodMs?: number;
}

export class LeaderElector {
  private observed?: { holder: string; renewTime: string; at: number };
  private leading = false;
  private stopped = false;
  private timer: unknown;
  private lastRenew = 0;
  private readonly timers: Timers;
  private readonly leaseDurationMs: number;

  constructor(private readonly cfg: LeaderElectionConfig) {
    this.timers = cfg.timers ?? realTimers;
    this.leaseDurationMs = cfg.leaseDurationMs ?? LEASE_DURATION_MS;
  }

  isLeader(): boolean { return this.leading; }

  /** Tries until it leads, then renews; calls onStarted on gaining the lease and onStopped on losing it. */
  run(onStarted: () => void, onStopped: () => void): void {
    const step = async () => {
      if (this.stopped) return;
      const ok = await this.tryAcquireOrRenew().catch((e: unknown) => { this.cfg.log?.(`leader election ${this.cfg.name}: ${String(e)}`); return false; });
      if (this.stopped) return;
      const now = this.cfg.clock.now();
      if (ok) {
        this.lastRenew = now;
        if (!this.leading) { this.leading = true; onStarted(); }
      } else if (this.leading && now - this.lastRenew > (this.cfg.renewDeadlineMs ?? RENEW_DEADLINE_MS)) {
        this.leading = false;
        this.cfg.log?.(`leader election ${this.cfg.name}: lost the lease`);
        onStopped();
      }
      this.timer = this.timers.setTimeout(() => void step(), this.cfg.retryPeriodMs ?? RETRY_PERIOD_MS);
    };
    void step();
  }

  /** Stops trying; a leader gives its lease up (ReleaseOnCancel) so another server need not wait it out. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer !== undefined) this.timers.clearTimeout(this.timer);
    if (!this.leading) return;
    this.leading = false;
    const def = this.cfg.client.kind('coordination.k8s.io', 'Lease');
    await this.cfg.client.mutate(def, 'kube-system', this.cfg.name, (cur) => {
      const spec = (cur as Lease).spec ?? {};
      if (spec.holderIdentity !== this.cfg.identity) return cur;
      const now = rfc3339Micro(this.cfg.clock.now());
      return { ...cur, spec: { ...spec, holderIdentity: undefined, leaseDurationSeconds: 1, acquireTime: now, renewTime: now } } as KObject;
    }).catch((e: unknown) => this.cfg.log?.(`leader election ${this.cfg.name}: release: ${String(e)}`));
  }

  /** One round: create the lease, renew ours, or take over one unrenewed for leaseDuration. True when we hold it. */
  async tryAcquireOrRenew(): Promise<boolean> {
    const { client, name, identity, clock } = this.cfg;
    const def = client.kind('coordination.k8s.io', 'Lease');
    const now = clock.now();
    const stamp = rfc3339Micro(now);
    const leaseSeconds = Math.round(this.leaseDurationMs / 1000);
    let cur: Lease;
    try {
      cur = (await client.get(def, 'kube-system', name)) as Lease;
    } catch (e) {
      if (!isNotFound(e)) throw e;
      const fresh: Lease = {
        apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-system' },
        spec: { holderIdentity: identity, leaseDurationSeconds: leaseSeconds, acquireTime: stamp, renewTime: stamp, leaseTransitions: 0 },
      };
      try {
        await client.create(def, fresh as KObject);
        return true;
      } catch (err) {
        if (isAlreadyExists(err)) return false;
        throw err;
      }
    }
    const spec = cur.spec ?? {};
    const holder = spec.holderIdentity ?? '';
    const renewTime = String(spec.renewTime ?? '');
    if (!this.observed || this.observed.holder !== holder || this.observed.renewTime !== renewTime) {
      this.observed = { holder, renewTime, at: now };
    }
    const heldByOther = holder !== '' && holder !== identity;
    const durationMs = (spec.leaseDurationSeconds ?? leaseSeconds) * 1000;
    if (heldByOther && this.observed.at + durationMs > now) return false;
    const next: Lease = {
      ...cur,
      spec: {
        ...spec, holderIdentity: identity, leaseDurationSeconds: leaseSeconds, renewTime: stamp,
        ...(holder === identity ? {} : { acquireTime: stamp, leaseTransitions: (spec.leaseTransitions ?? 0) + (holder ? 1 : 0) }),
      },
    };
    try {
      const saved = (await client.update(def, next as KObject)) as Lease;
      this.observed = { holder: identity, renewTime: String(saved.spec?.renewTime ?? stamp), at: now };
      return true;
    } catch (e) {
      if (isConflict(e)) return false;
      throw e;
    }
  }
}
