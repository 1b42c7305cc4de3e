// A small in-memory cluster for the node controllers' tests: a real registry on a FakeClock (so the
// controllers' writes are stored and watched like the server's), builders for nodes, leases and
// pods, timers that fire when the test advances the clock, and a recorder that keeps events.
import type { NodeCondition, Pod, Toleration } from 'kubernetes-types/core/v1.js';
import { allKinds } from '../../api/kinds/index.js';
import type { KObject } from '../../api/object.js';
import { Registry } from '../../apiserver/registry/registry.js';
import { Informer } from '../../client/informer.js';
import { LocalClient } from '../../client/local-client.js';
import type { Timers } from '../../client/workqueue.js';
import { MemoryStore } from '../../store/memory/memory-store.js';
import { FakeClock, rfc3339, rfc3339Micro } from '../../util/clock.js';
import { PODS_BY_NODE, type LeaseObject, type NodeObject, type PodObject, type Recorder } from './objects.js';

export const T0 = Date.parse('2026-03-01T12:00:00Z');

/** Timers on the fake clock: due callbacks run when the test advances it. */
export class ClockTimers implements Timers {
  private pending: Array<{ at: number; fn: () => void; id: number }> = [];
  private next = 0;
  constructor(readonly clock: FakeClock) {}
  setTimeout(fn: () => void, ms: number): unknown { const id = this.next++; this.pending.push({ at: this.clock.now() + ms, fn, id }); return id; }
  clearTimeout(h: unknown): void { this.pending = this.pending.filter((p) => p.id !== h); }
  advance(ms: number): void {
    const end = this.clock.now() + ms;
    for (;;) {
      const due = this.pending.filter((p) => p.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((p) => p !== due);
      if (due.at > this.clock.now()) this.clock.set(due.at);
      due.fn();
    }
    this.clock.set(end);
  }
}

export class RecordingRecorder implements Recorder {
  readonly events: string[] = [];
  event(obj: KObject, type: string, reason: string, message: string): void {
    this.events.push(`${obj.kind} ${obj.metadata.name} ${type} ${reason} ${message}`);
  }
}

export async function cluster() {
  const clock = new FakeClock(T0);
  const reg = new Registry(new MemoryStore(), clock, allKinds.find((k) => k.kind === 'Namespace')!);
  const client = new LocalClient(reg, allKinds);
  for (const name of ['default', 'kube-node-lease']) await client.create(client.kind('', 'Namespace'), { metadata: { name } });
  const nodeDef = client.kind('', 'Node'), podDef = client.kind('', 'Pod'), leaseDef = client.kind('coordination.k8s.io', 'Lease');
  const nodes = new Informer<NodeObject>(client, nodeDef);
  const leases = new Informer<LeaseObject>(client, leaseDef, { namespace: 'kube-node-lease' });
  const pods = new Informer<PodObject>(client, podDef);
  pods.addIndex(PODS_BY_NODE, (p) => (p.spec?.nodeName ? [p.spec.nodeName] : []));
  await Promise.all([nodes.start(), leases.start(), pods.start()]);

  const ready = (status: string, now = clock.now()): NodeCondition => ({ type: 'Ready', status, reason: status === 'True' ? 'KubeletReady' : 'KubeletNotReady', message: 'kubelet', lastHeartbeatTime: rfc3339(now), lastTransitionTime: rfc3339(T0) });
  const pressure = (type: string, now = clock.now()): NodeCondition => ({ type, status: 'False', reason: `KubeletHasNo${type}`, message: 'ok', lastHeartbeatTime: rfc3339(now), lastTransitionTime: rfc3339(T0) });
  const conditions = (status: string) => [pressure('MemoryPressure'), pressure('DiskPressure'), pressure('PIDPressure'), ready(status)];

  return {
    clock, client, nodes, leases, pods, nodeDef, podDef,
    /** Registers a node whose kubelet reports Ready (or the given status) now. */
    async addNode(name: string, status = 'True', labels: Record<string, string> = {}): Promise<void> {
      await client.create(nodeDef, { metadata: { name, labels } });
      await this.heartbeat(name, status);
    },
    /** The kubelet posts its status with a fresh heartbeat. */
    async heartbeat(name: string, status = 'True'): Promise<void> {
      await client.mutate(nodeDef, undefined, name, (n) => ({ ...n, status: { ...(n.status as object), conditions: conditions(status) } }), { subresource: 'status' });
    },
    async renewLease(name: string): Promise<void> {
      const renewTime = rfc3339Micro(clock.now());
      try {
        await client.mutate(leaseDef, 'kube-node-lease', name, (l) => ({ ...l, spec: { ...(l.spec as object), renewTime } }));
      } catch {
        await client.create(leaseDef, { metadata: { name, namespace: 'kube-node-lease' }, spec: { holderIdentity: name, leaseDurationSeconds: 40, renewTime } });
      }
    },
    /** A running, ready pod bound to the node. */
    async addPod(name: string, node: string, tolerations?: Toleration[]): Promise<void> {
      await client.create(podDef, { metadata: { name, namespace: 'default' }, spec: { nodeName: node, containers: [{ name: 'c', image: 'busybox' }], ...(tolerations ? { tolerations } : {}) } });
      await client.mutate(podDef, 'default', name, (p) => ({ ...p, status: { ...(p.status as object), phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(T0) }] } }), { subresource: 'status' });
    },
    async node(name: string): Promise<NodeObject> { return (await client.get(nodeDef, undefined, name)) as NodeObject; },
    async pod(name: string): Promise<PodObject | undefined> {
      try { return (await client.get(podDef, 'default', name)) as PodObject; } catch { return undefined; }
    },
    stop(): void { nodes.stop(); leases.stop(); pods.stop(); },
  };
}

/** Lets watch events reach the informers and queued work run. */
export async function settle(extra?: () => Promise<void>): Promise<void> {
  for (let i = 0; i < 10; i++) { await extra?.(); await new Promise((r) => setImmediate(r)); }
}

export const podReady = (p: Pod | undefined) => p?.status?.conditions?.find((c) => c.type === 'Ready')?.status;
export const taintsOf = (n: NodeObject) => (n.spec?.taints ?? []).map((t) => `${t.key}:${t.effect}`);
