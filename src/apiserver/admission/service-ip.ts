// ClusterIP allocation for Services (pkg/registry/core/service/ipallocator): a Service without a
// clusterIP gets a free address from the service CIDR; a requested one must be in range and free.
import { randomInt } from 'node:crypto';
import { invalidValue, invalid, type FieldError } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import type { Registry } from '../registry/registry.js';

export const SERVICE_CIDR = { base: (10 << 24) | (96 << 16), bits: 12 }; // 10.96.0.0/12, kubeadm's default
const size = 2 ** (32 - SERVICE_CIDR.bits);

const toIp = (n: number) => [24, 16, 8, 0].map((s) => (n >>> s) & 255).join('.');
function fromIp(ip: string): number | undefined {
  const p = ip.split('.').map(Number);
  if (p.length !== 4 || p.some((x) => !Number.isInteger(x) || x < 0 || x > 255)) return undefined;
  return ((p[0]! << 24) | (p[1]! << 16) | (p[2]! << 8) | p[3]!) >>> 0;
}
const inRange = (n: number) => n > SERVICE_CIDR.base && n < SERVICE_CIDR.base + size - 1;

interface ServiceSpec { type?: string; clusterIP?: string; clusterIPs?: string[] }

export async function allocateClusterIP(reg: Registry, def: KindDef, obj: KObject): Promise<void> {
  if (def.kind !== 'Service' || def.group !== '') return;
  const spec = (obj.spec ??= {}) as ServiceSpec;
  if (spec.type === 'ExternalName' || spec.clusterIP === 'None') return;
  const used = new Set<number>();
  for (const svc of (await reg.list(def, undefined)).items) {
    const ip = (svc.spec as ServiceSpec | undefined)?.clusterIP;
    const n = ip ? fromIp(ip) : undefined;
    if (n !== undefined) used.add(n);
  }
  const requested = spec.clusterIP || spec.clusterIPs?.[0];
  if (requested) {
    const n = fromIp(requested);
    const errs: FieldError[] = [];
    if (n === undefined || !inRange(n)) errs.push(invalidValue('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: provided IP (${requested}) is not in the valid range. The range of valid IPs is 10.96.0.0/12`));
    else if (used.has(n)) errs.push(invalidValue('spec.clusterIPs', [requested], `failed to allocate IP ${requested}: provided IP is already allocated`));
    if (errs.length) throw invalid(def, obj.metadata.name ?? '', errs);
    spec.clusterIP = requested;
    spec.clusterIPs = [requested];
    return;
  }
  for (let attempt = 0; attempt < 1000; attempt++) {
    const n = SERVICE_CIDR.base + 1 + randomInt(size - 2);
    if (!used.has(n)) { spec.clusterIP = toIp(n); spec.clusterIPs = [spec.clusterIP]; return; }
  }
  throw invalid(def, obj.metadata.name ?? '', [invalidValue('spec.clusterIPs', [], 'failed to allocate a serviceIP: range is full')]);
}
