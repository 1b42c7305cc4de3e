// Per-node pod CIDRs carved out of the cluster range, as kube-controller-manager's range allocator
// (pkg/controller/nodeipam/ipam/range_allocator.go) does with --cluster-cidr and
// --node-cidr-mask-size 24. There is no controller here: each agent lists the Nodes, takes the
// lowest blocks no Node's spec.podCIDR holds, and records its choice in spec.podCIDR on
// registration. Two agents starting at the same instant could still pick the same block; the agent
// re-checks after registering and warns (see agent.ts).
export const DEFAULT_CLUSTER_CIDR = '10.244.0.0/16';
export const DEFAULT_NODE_MASK = 24;

export interface Cidr { base: number; bits: number }

export function parseCidr(text: string): Cidr {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})\/(\d{1,2})$/.exec(text.trim());
  if (!m) throw new Error(`invalid CIDR "${text}": want IPv4 a.b.c.d/n`);
  const octets = m.slice(1, 5).map(Number);
  const bits = Number(m[5]);
  if (octets.some((o) => o > 255) || bits > 32) throw new Error(`invalid CIDR "${text}"`);
  const ip = octets.reduce((acc, o) => acc * 256 + o, 0);
  const size = 2 ** (32 - bits);
  return { base: ip - (ip % size), bits };
}

export const ipString = (n: number) => [24, 16, 8, 0].map((s) => Math.floor(n / 2 ** s) % 256).join('.');
export const cidrString = (c: Cidr) => `${ipString(c.base)}/${c.bits}`;
export const cidrSize = (c: Cidr) => 2 ** (32 - c.bits);

/**
 * The node block a pod limit needs: /24 (as upstream's default --node-cidr-mask-size) unless more than
 * its 253 usable addresses (less network, gateway and broadcast) are wanted, e.g. /23 for --max-pods 500.
 */
export function maskForPods(maxPods: number): number {
  let mask = DEFAULT_NODE_MASK;
  while (mask > 16 && 2 ** (32 - mask) - 3 < maxPods) mask--;
  return mask;
}

const overlaps = (a: Cidr, b: Cidr) => a.base < b.base + cidrSize(b) && b.base < a.base + cidrSize(a);

/**
 * The mask per node: /24 as upstream, narrowed when more nodes are wanted than /24 blocks exist in
 * the range (1,000 simulated nodes in a /16 get /26 blocks of 62 pod IPs each).
 */
export function nodeMaskFor(cluster: Cidr, nodes: number, preferred = DEFAULT_NODE_MASK): number {
  let mask = Math.max(preferred, cluster.bits);
  while (mask < 30 && 2 ** (mask - cluster.bits) < nodes) mask++;
  return mask;
}

/** The `count` lowest blocks of the given mask inside cluster that overlap none of `used`. */
export function freeNodeCidrs(cluster: Cidr, mask: number, used: string[], count: number): string[] {
  const taken = used.flatMap((u) => { try { return [parseCidr(u)]; } catch { return []; } });
  const out: string[] = [];
  const step = 2 ** (32 - mask);
  for (let b = cluster.base; b < cluster.base + cidrSize(cluster) && out.length < count; b += step) {
    const block = { base: b, bits: mask };
    if (!taken.some((t) => overlaps(t, block))) out.push(cidrString(block));
  }
  if (out.length < count) {
    throw new Error(`pod CIDR range ${cidrString(cluster)} has only ${out.length} free /${mask} blocks for ${count} nodes; pass a larger --pod-cidr`);
  }
  return out;
}
