// One node's control loop, as kubelet runs it beside the pod workers: register the Node, renew the
// Lease every 10 s, and check the Node status every 10 s, writing it only when it changed or every
// 5 minutes (nodeStatusUpdateFrequency / nodeStatusReportFrequency, kubelet_node_status.go
// tryUpdateNodeStatus). Renewals and checks are public so tests drive them with a fake clock.
import { isDeepStrictEqual } from 'node:util';
import type { NodeStatus } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { isConflict, isNotFound, type ApiClient } from '../../client/api-client.js';
import type { Clock } from '../../util/clock.js';
import { LEASE_DURATION_SECONDS, leaseRenewIntervalMs, NodeLease } from './lease.js';
import { registerNode } from './node-registration.js';
import { CONDITION_EVENTS, nodeStatus, type NodeConfig, type NodeObject } from './node-status.js';

export const NODE_STATUS_UPDATE_MS = 10_000; // kubelet's nodeStatusUpdateFrequency
export const NODE_STATUS_REPORT_MS = 5 * 60_000; // kubelet's nodeStatusReportFrequency

/** What records events (helper D's EventRecorder in src/client/events.ts fits this shape). */
export interface NodeEventRecorder {
  event(obj: KObject, type: 'Normal' | 'Warning', reason: string, message: string): unknown;
}

export interface NodeAgentOptions {
  clock: Clock;
  recorder?: NodeEventRecorder;
  log?: (msg: string) => void;
  /** kubelet's --node-lease-duration-seconds (40); the lease is renewed every quarter of it. */
  leaseDurationSeconds?: number;
}

export class NodeAgent {
  readonly lease: NodeLease;
  private current?: NodeObject;
  private lastReportAt = 0;
  private timers: NodeJS.Timeout[] = [];
  private readonly log: (msg: string) => void;

  constructor(private readonly client: ApiClient, readonly config: NodeConfig, private readonly opts: NodeAgentOptions) {
    this.lease = new NodeLease(client, config.name, opts.clock, opts.leaseDurationSeconds ?? LEASE_DURATION_SECONDS);
    this.log = opts.log ?? ((m) => process.stderr.write(`${m}\n`));
  }

  get name(): string { return this.config.name; }
  /** The Node as last written by this agent. */
  get node(): NodeObject | undefined { return this.current; }

  /** kubelet's node reference for events: kind Node, uid = node name (kubelet.go nodeRef). */
  private get ref(): KObject { return { apiVersion: 'v1', kind: 'Node', metadata: { name: this.name, uid: this.name } }; }

  private event(reason: string, message: string): void {
    try {
      const r = this.opts.recorder?.event(this.ref, 'Normal', reason, message);
      if (r instanceof Promise) r.catch((e: unknown) => this.log(`node ${this.name}: event ${reason}: ${String(e)}`));
    } catch (e) { this.log(`node ${this.name}: event ${reason}: ${String(e)}`); }
  }

  /** Registers the Node and takes the first heartbeat; with timers, keeps both going. */
  async start(opts: { timers?: boolean } = {}): Promise<NodeObject> {
    this.event('Starting', 'Starting kubelet.');
    await this.register();
    await this.renewLease();
    if (opts.timers !== false) {
      // Spread many nodes' ticks over the period instead of firing them all at once.
      const every = (ms: number, fn: () => Promise<unknown>) => {
        const tick = () => { fn().catch((e: unknown) => this.log(`node ${this.name}: ${e instanceof Error ? e.message : String(e)}`)); };
        this.timers.push(setTimeout(() => { tick(); this.timers.push(setInterval(tick, ms)); }, Math.floor(Math.random() * ms)));
      };
      every(leaseRenewIntervalMs(this.opts.leaseDurationSeconds ?? LEASE_DURATION_SECONDS), () => this.renewLease());
      every(NODE_STATUS_UPDATE_MS, () => this.syncStatus());
    }
    return this.current!;
  }

  private async register(): Promise<void> {
    const before = this.current?.status;
    this.current = await registerNode(this.client, this.config, this.opts.clock);
    this.lastReportAt = this.opts.clock.now();
    this.conditionEvents(before, this.current.status);
    this.event('NodeAllocatableEnforced', 'Updated Node Allocatable limit across pods');
  }

  renewLease(): Promise<unknown> {
    return this.lease.renew(this.current?.metadata.uid);
  }

  /**
   * Reads the Node and writes its status when it differs from what this node reports (a controller
   * may have marked it NotReady/Unknown), or when the last report is 5 minutes old. Returns whether
   * it wrote.
   */
  async syncStatus(): Promise<boolean> {
    const def = this.client.kind('', 'Node');
    const now = this.opts.clock.now();
    let cur: NodeObject;
    try {
      cur = (await this.client.get(def, undefined, this.name)) as NodeObject;
    } catch (e) {
      if (!isNotFound(e)) throw e;
      // Deleted under us (kubectl delete node): register again, as a restarted kubelet would.
      await this.register();
      return true;
    }
    const next = nodeStatus(this.config, cur.status, now);
    if (!statusChanged(cur.status, next) && now - this.lastReportAt < NODE_STATUS_REPORT_MS) {
      this.current = cur;
      return false;
    }
    try {
      this.current = (await this.client.updateStatus(def, { ...cur, status: next })) as NodeObject;
    } catch (e) {
      if (isConflict(e)) return false; // someone wrote meanwhile: the next tick looks again
      throw e;
    }
    this.lastReportAt = now;
    this.conditionEvents(cur.status, next);
    return true;
  }

  /** Events for conditions that appeared or changed status, as the setters' recordEventFunc. */
  private conditionEvents(before: NodeStatus | undefined, after: NodeStatus | undefined): void {
    for (const c of after?.conditions ?? []) {
      const reason = CONDITION_EVENTS[c.type];
      if (!reason) continue;
      const old = before?.conditions?.find((o) => o.type === c.type);
      if (old?.status === c.status) continue;
      this.event(reason, `Node ${this.name} status is now: ${reason}`);
    }
  }

  stop(): void {
    for (const t of this.timers) { clearTimeout(t); clearInterval(t); }
    this.timers = [];
  }
}

/** Whether a status carries news, heartbeat times aside (kubelet_node_status.go nodeStatusHasChanged). */
export function statusChanged(a: NodeStatus | undefined, b: NodeStatus): boolean {
  if (!a) return true;
  const strip = (s: NodeStatus) => ({ ...s, conditions: (s.conditions ?? []).map((c) => ({ ...c, lastHeartbeatTime: undefined })) });
  return !isDeepStrictEqual(JSON.parse(JSON.stringify(strip(a))), JSON.parse(JSON.stringify(strip(b))));
}
