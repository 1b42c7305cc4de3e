// Zones and the rate at which their nodes get NoExecute taints (node_lifecycle_controller.go
// ComputeZoneState / handleDisruption / setLimiterInZone; nodelifecycle/scheduler/rate_limited_queue.go;
// client-go flowcontrol's token bucket). A zone with no Ready node is fully disrupted; when every
// zone is, the controller assumes its own view is broken and stops tainting altogether.
import type { Node, NodeCondition } from 'kubernetes-types/core/v1.js';
import type { Clock } from '../../util/clock.js';

export type ZoneState = 'Initial' | 'Normal' | 'FullDisruption' | 'PartialDisruption';

export const EVICTION_LIMITER_QPS = 0.1; // --node-eviction-rate default: one node per 10 s per zone
export const SECONDARY_EVICTION_LIMITER_QPS = 0.01; // --secondary-node-eviction-rate default
export const LARGE_CLUSTER_THRESHOLD = 50; // --large-cluster-size-threshold default
export const UNHEALTHY_ZONE_THRESHOLD = 0.55; // --unhealthy-zone-threshold default
const EVICTION_RATE_LIMITER_BURST = 1; // as scheduler.EvictionRateLimiterBurst

/** nodetopology.GetZoneKey: region and zone labels joined by NUL; "" when the node has neither. */
export function zoneKey(node: Node): string {
  const l = node.metadata?.labels ?? {};
  const region = l['topology.kubernetes.io/region'] ?? l['failure-domain.beta.kubernetes.io/region'] ?? '';
  const zone = l['topology.kubernetes.io/zone'] ?? l['failure-domain.beta.kubernetes.io/zone'] ?? '';
  return region === '' && zone === '' ? '' : `${region}:\x00:${zone}`;
}

/** ComputeZoneState: how many nodes are not Ready, and what that makes the zone. */
export function computeZoneState(readyConditions: ReadonlyArray<NodeCondition | undefined>): { unhealthy: number; state: ZoneState } {
  const ready = readyConditions.filter((c) => c?.status === 'True').length;
  const notReady = readyConditions.length - ready;
  if (ready === 0 && notReady > 0) return { unhealthy: notReady, state: 'FullDisruption' };
  if (notReady > 2 && notReady / (notReady + ready) >= UNHEALTHY_ZONE_THRESHOLD) return { unhealthy: notReady, state: 'PartialDisruption' };
  return { unhealthy: notReady, state: 'Normal' };
}

/** The tainting rate a zone gets in a state (HealthyQPSFunc / ReducedQPSFunc). */
export function zoneQps(state: ZoneState, zoneSize: number): number {
  if (state === 'PartialDisruption') return zoneSize > LARGE_CLUSTER_THRESHOLD ? SECONDARY_EVICTION_LIMITER_QPS : 0;
  return EVICTION_LIMITER_QPS;
}

/** A token bucket that starts full; qps 0 never admits (flowcontrol's fake always-rate-limit). */
export class TokenBucket {
  private tokens: number;
  private last: number;
  constructor(readonly qps: number, private readonly clock: Clock, private readonly burst = EVICTION_RATE_LIMITER_BURST) {
    this.tokens = burst;
    this.last = clock.now();
  }
  tryAccept(): boolean {
    if (this.qps <= 0) return false;
    const now = this.clock.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.qps);
    this.last = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

interface Timed { value: string; uid: string; processAt: number }

/**
 * RateLimitedTimedQueue: nodes waiting to be tainted, each once. A node processed successfully stays
 * in the set (so later adds are no-ops) until it is removed, as UniqueQueue.RemoveFromQueue keeps it.
 */
export class RateLimitedTimedQueue {
  private queue: Timed[] = [];
  private readonly set = new Set<string>();
  constructor(private limiter: TokenBucket, private readonly clock: Clock) {}

  add(value: string, uid: string): boolean {
    if (this.set.has(value)) return false;
    this.set.add(value);
    this.queue.push({ value, uid, processAt: this.clock.now() });
    return true;
  }

  remove(value: string): boolean {
    this.queue = this.queue.filter((t) => t.value !== value);
    return this.set.delete(value);
  }

  swapLimiter(qps: number): void {
    if (this.limiter.qps !== qps) this.limiter = new TokenBucket(qps, this.clock);
  }

  get length(): number { return this.queue.length; }

  /** Processes due values in order while the limiter admits; fn says whether it succeeded or when to retry. */
  async try(fn: (value: string, uid: string) => Promise<{ ok: boolean; retryAfterMs?: number }>): Promise<void> {
    this.queue.sort((a, b) => a.processAt - b.processAt);
    while (this.queue.length) {
      const head = this.queue[0]!;
      if (head.processAt > this.clock.now()) return;
      if (!this.limiter.tryAccept()) return;
      const r = await fn(head.value, head.uid);
      const i = this.queue.indexOf(head);
      if (i < 0) continue; // removed meanwhile
      this.queue.splice(i, 1);
      if (!r.ok) {
        this.queue.push({ ...head, processAt: this.clock.now() + (r.retryAfterMs ?? 0) });
        this.queue.sort((a, b) => a.processAt - b.processAt);
        if ((r.retryAfterMs ?? 0) === 0) return; // retried on the next pass, not in a tight loop
      }
    }
  }
}
