// Which nodes one agent process hosts and which pod CIDR each gets. A node that is already
// registered keeps its spec.podCIDR (it cannot change, and its pods hold addresses from it); new
// nodes take the lowest free blocks of the cluster range that no Node holds.
import type { ApiClient } from '../../client/api-client.js';
import type { NodeObject } from './node-status.js';
import { DEFAULT_CLUSTER_CIDR, DEFAULT_NODE_MASK, freeNodeCidrs, maskForPods, nodeMaskFor, parseCidr } from './pod-cidr.js';

export interface PlannedNode { name: string; podCIDR: string }

/** `--name N --count C`: N itself for one node, N-0 … N-(C-1) for several. */
export function nodeNames(base: string, count: number): string[] {
  return count === 1 ? [base] : Array.from({ length: count }, (_, i) => `${base}-${i}`);
}

/**
 * `--pod-cidr`: for a single node, a /24 or narrower range is that node's own CIDR; anything wider
 * (and the default 10.244.0.0/16) is the cluster range per-node blocks are carved from. A pod limit
 * over 253 (`--max-pods`) widens the node's block to hold that many addresses (/23 for 500).
 */
export function planPodCidrs(names: string[], existing: NodeObject[], podCidrFlag?: string, maxPods?: number): PlannedNode[] {
  const byName = new Map(existing.map((n) => [n.metadata.name!, n]));
  const nodeMask = maxPods ? maskForPods(maxPods) : DEFAULT_NODE_MASK;
  if (podCidrFlag && names.length === 1 && parseCidr(podCidrFlag).bits >= nodeMask) {
    const own = byName.get(names[0]!)?.spec?.podCIDR;
    return [{ name: names[0]!, podCIDR: own ?? podCidrFlag }];
  }
  const cluster = parseCidr(podCidrFlag ?? DEFAULT_CLUSTER_CIDR);
  const used = existing.map((n) => n.spec?.podCIDR).filter((c): c is string => !!c);
  const fresh = names.filter((n) => !byName.get(n)?.spec?.podCIDR);
  const mask = nodeMaskFor(cluster, used.length + fresh.length, nodeMask);
  const blocks = freeNodeCidrs(cluster, mask, used, fresh.length);
  let next = 0;
  return names.map((name) => ({ name, podCIDR: byName.get(name)?.spec?.podCIDR ?? blocks[next++]! }));
}

/**
 * Two agents that list at the same moment can choose the same block. After registering, the node
 * created later (then by name) yields: the caller warns, since spec.podCIDR cannot be changed.
 */
export function cidrCollisions(mine: string[], all: NodeObject[]): Array<{ node: string; podCIDR: string; holder: string }> {
  const out: Array<{ node: string; podCIDR: string; holder: string }> = [];
  const order = (n: NodeObject) => `${n.metadata.creationTimestamp ?? ''}/${n.metadata.name}`;
  for (const n of all) {
    if (!mine.includes(n.metadata.name!) || !n.spec?.podCIDR) continue;
    const earlier = all.find((o) => o !== n && o.spec?.podCIDR === n.spec?.podCIDR && order(o) < order(n));
    if (earlier) out.push({ node: n.metadata.name!, podCIDR: n.spec.podCIDR, holder: earlier.metadata.name! });
  }
  return out;
}

/** Lists every Node (for CIDR planning). */
export async function listNodes(client: ApiClient): Promise<NodeObject[]> {
  return (await client.list(client.kind('', 'Node'))).items as NodeObject[];
}
