// The node lifecycle controller's per-zone NoExecute tainting queues and zone states
// (node_lifecycle_controller.go: zoneNoExecuteTainter, zoneStates, handleDisruption, setLimiterInZone).
// Each zone taints its nodes at a rate set by its state; when every zone has no Ready node the
// controller distrusts its own view (e.g. its network is cut off) and stops tainting altogether.
import type { Node, NodeCondition } from 'kubernetes-types/core/v1.js';
import type { Clock } from '../../util/clock.js';
import { computeZoneState, EVICTION_LIMITER_QPS, RateLimitedTimedQueue, TokenBucket, zoneKey, zoneQps, type ZoneState } from './zones.js';

/** What handleDisruption needs from the controller when every zone is, or stops being, fully disrupted. */
export interface DisruptionHooks {
  /** Entering: every node's NoExecute taints go. */
  markAllReachable(): Promise<void>;
  /** Leaving: every node's health timestamps restart now, so none is judged on the outage. */
  restartHealthClocks(): void;
  log(m: string): void;
}

export class ZoneTainters {
  private readonly queues = new Map<string, RateLimitedTimedQueue>();
  private readonly states = new Map<string, ZoneState>();

  constructor(private readonly clock: Clock) {}

  /** The node's zone's queue; a zone seen for the first time starts Initial, at the default rate. */
  queueFor(node: Node): RateLimitedTimedQueue {
    const zone = zoneKey(node);
    let q = this.queues.get(zone);
    if (!q) {
      this.states.set(zone, 'Initial');
      q = new RateLimitedTimedQueue(new TokenBucket(EVICTION_LIMITER_QPS, this.clock), this.clock);
      this.queues.set(zone, q);
    }
    return q;
  }

  all(): Iterable<RateLimitedTimedQueue> {
    return this.queues.values();
  }

  /** handleDisruption, given the Ready condition of each zone's nodes (excluded nodes left out). */
  async handleDisruption(zoneConditions: Map<string, Array<NodeCondition | undefined>>, hooks: DisruptionHooks): Promise<void> {
    const newStates = new Map<string, ZoneState>();
    let allAreFullyDisrupted = true;
    for (const [zone, conds] of zoneConditions) {
      const { state } = computeZoneState(conds);
      if (state !== 'FullDisruption') allAreFullyDisrupted = false;
      newStates.set(zone, state);
      if (!this.states.has(zone)) this.states.set(zone, 'Initial');
    }
    let allWasFullyDisrupted = true;
    for (const [zone, state] of [...this.states]) {
      if (!zoneConditions.has(zone)) { this.states.delete(zone); continue; }
      if (state !== 'FullDisruption') { allWasFullyDisrupted = false; break; } // as upstream: stops at the first
    }
    if (allAreFullyDisrupted && allWasFullyDisrupted) return;
    if (allAreFullyDisrupted) {
      hooks.log('node-lifecycle: all nodes are not Ready; entering master disruption mode');
      await hooks.markAllReachable();
      for (const zone of this.states.keys()) { this.queues.get(zone)?.swapLimiter(0); this.states.set(zone, 'FullDisruption'); }
      return;
    }
    if (allWasFullyDisrupted) {
      hooks.log('node-lifecycle: some nodes are Ready; exiting master disruption mode');
      hooks.restartHealthClocks();
      for (const zone of this.states.keys()) this.setState(zone, zoneConditions.get(zone)?.length ?? 0, newStates.get(zone)!);
      return;
    }
    for (const [zone, state] of this.states) {
      const next = newStates.get(zone)!;
      if (state !== next) this.setState(zone, zoneConditions.get(zone)?.length ?? 0, next);
    }
  }

  private setState(zone: string, size: number, state: ZoneState): void {
    this.queues.get(zone)?.swapLimiter(zoneQps(state, size));
    this.states.set(zone, state);
  }
}
