// The scheduler's view of the cluster (pkg/scheduler/backend/cache): a NodeInfo per node with the
// pods bound or assumed there. A pod is assumed on its node the moment it is chosen, before the
// binding is written, so the next pod already sees the resources taken; a failed binding forgets it.
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import type { Snapshot } from './algorithm.js';
import { NodeInfo, podOnNode } from './node-info.js';

export class SchedulerCache implements Snapshot {
  private readonly infos = new Map<string, NodeInfo>();
  private readonly placement = new Map<string, string>(); // pod key → node name
  private readonly assumed = new Set<string>();
  nodes: NodeInfo[] = [];
  nextStartNodeIndex = 0;

  get(name: string): NodeInfo | undefined { return this.infos.get(name); }

  /** Adds or updates a node; returns true when the node is new. */
  setNode(node: Node): boolean {
    const name = node.metadata!.name!;
    const info = this.infoFor(name);
    const isNew = !info.node;
    info.setNode(node);
    if (isNew) this.nodes.push(info);
    return isNew;
  }

  removeNode(name: string): void {
    const info = this.infos.get(name);
    if (!info?.node) return;
    info.setNode(undefined);
    this.nodes = this.nodes.filter((n) => n !== info);
    if (!info.pods.size) this.infos.delete(name);
  }

  /** Counts a pod the API says is bound to nodeName (confirming an assumption). */
  addPod(key: string, pod: Pod, nodeName: string): void {
    const cur = this.placement.get(key);
    this.assumed.delete(key);
    if (cur === nodeName && this.infos.get(cur)?.pods.get(key)?.uid === pod.metadata?.uid) return;
    if (cur !== undefined) this.removePod(key);
    this.infoFor(nodeName).addPod(key, podOnNode(pod));
    this.placement.set(key, nodeName);
  }

  removePod(key: string): boolean {
    const nodeName = this.placement.get(key);
    if (nodeName === undefined) return false;
    this.placement.delete(key);
    this.assumed.delete(key);
    const info = this.infos.get(nodeName);
    info?.removePod(key);
    if (info && !info.node && !info.pods.size) this.infos.delete(nodeName);
    return true;
  }

  assume(key: string, pod: Pod, nodeName: string): void {
    this.addPod(key, pod, nodeName);
    this.assumed.add(key);
  }

  /** Undoes an assumption whose binding failed (a confirmed placement stays). */
  forget(key: string): void {
    if (this.assumed.has(key)) this.removePod(key);
  }

  isAssumed(key: string): boolean { return this.assumed.has(key); }

  nodeOf(key: string): string | undefined { return this.placement.get(key); }

  private infoFor(name: string): NodeInfo {
    let info = this.infos.get(name);
    if (!info) { info = new NodeInfo(name); this.infos.set(name, info); }
    return info;
  }
}
