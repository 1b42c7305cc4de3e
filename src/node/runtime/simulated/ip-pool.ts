// Pod IPs from a node's pod CIDR, as the host-local IPAM plugin hands them out: the network
// address, the gateway (.1, the bridge's) and the broadcast address are never given to a pod, and
// the lowest free address is taken so that addresses are reused after pods go.
import { cidrSize, ipString, parseCidr, type Cidr } from '../../agent/pod-cidr.js';

export class IpPool {
  private readonly cidr: Cidr;
  private readonly used = new Set<number>();
  /** Lowest offset that might be free: keeps allocation O(1) amortised for a filling pool. */
  private hint = 2;

  constructor(cidr: string) {
    this.cidr = parseCidr(cidr);
    if (cidrSize(this.cidr) < 4) throw new Error(`pod CIDR ${cidr} is too small: it needs room for a gateway and pods`);
  }

  get capacity(): number { return cidrSize(this.cidr) - 3; }
  get inUse(): number { return this.used.size; }

  /** The lowest free address, or throws when the range is exhausted. */
  allocate(): string {
    const last = cidrSize(this.cidr) - 2; // broadcast is size-1
    for (let off = this.hint; off <= last; off++) {
      if (!this.used.has(off)) {
        this.used.add(off);
        this.hint = off + 1;
        return ipString(this.cidr.base + off);
      }
    }
    throw new Error(`no free pod IP in ${ipString(this.cidr.base)}/${this.cidr.bits}: all ${this.capacity} addresses are in use`);
  }

  release(ip: string): void {
    const off = ipToNumber(ip) - this.cidr.base;
    if (this.used.delete(off) && off < this.hint) this.hint = off;
  }
}

function ipToNumber(ip: string): number {
  return ip.split('.').reduce((acc, o) => acc * 256 + Number(o), 0);
}
