// IPv4 CIDR arithmetic for the node's pod range (the node's `spec.podCIDR` slice, as kube-controller-manager's
// nodeipam hands out a /24 per node from --cluster-cidr 10.244.0.0/16).

export interface Cidr {
  /** Network address as an unsigned 32-bit integer. */
  base: number;
  prefix: number;
  /** Number of addresses in the range (including network and broadcast). */
  size: number;
}

export function parseIPv4(ip: string): number {
  const parts = ip.split('.');
  if (parts.length !== 4) throw new Error(`invalid IPv4 address "${ip}"`);
  let n = 0;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p) || Number(p) > 255) throw new Error(`invalid IPv4 address "${ip}"`);
    n = n * 256 + Number(p);
  }
  return n;
}

export function formatIPv4(n: number): string {
  return [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

export function parseCidr(cidr: string): Cidr {
  const m = /^([\d.]+)\/(\d{1,2})$/.exec(cidr.trim());
  if (!m || Number(m[2]) > 30 || Number(m[2]) < 8) throw new Error(`invalid pod CIDR "${cidr}": want an IPv4 range from /8 to /30`);
  const prefix = Number(m[2]);
  const size = 2 ** (32 - prefix);
  const base = parseIPv4(m[1]) - (parseIPv4(m[1]) % size);
  return { base, prefix, size };
}

export function formatCidr(c: Cidr): string {
  return `${formatIPv4(c.base)}/${c.prefix}`;
}

/** The bridge's address: the first host address, as the bridge CNI plugin's default gateway. */
export function gatewayOf(c: Cidr): string {
  return formatIPv4(c.base + 1);
}

/**
 * The loopback range standing in for a pod CIDR without root: the same host bits under 127/8, so two
 * agents with different node slices (10.244.1.0/24, 10.244.2.0/24) get disjoint 127.244.1.x / 127.244.2.x.
 */
export function loopbackCidrFor(c: Cidr): Cidr {
  const base = ((127 << 24) >>> 0) + (c.base & 0x00ffffff);
  return { base, prefix: c.prefix, size: c.size };
}
