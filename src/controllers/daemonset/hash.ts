// The controller-revision-hash (pkg/controller/controller_utils.go ComputeHash): FNV-32a over the pod
// template and the collision count, written as its decimal digits mapped through
// apimachinery's rand.SafeEncodeString alphabet (no vowels, no 0/1/3, so never a word). Upstream
// hashes a spew dump of the Go struct; we hash canonical JSON, so values differ from a real
// cluster's while keeping the shape (e.g. 585fd48589) and the properties: stable, collision-bumpable.
import type { PodTemplateSpec } from 'kubernetes-types/core/v1.js';

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/** JSON with object keys sorted at every level, as Go's encoding/json writes a map. */
export function canonicalJson(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonicalJson).join(',')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== undefined).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, x]) => `${JSON.stringify(k)}:${canonicalJson(x)}`).join(',')}}`;
  }
  return JSON.stringify(v) ?? 'null';
}

function fnv32a(bytes: Uint8Array, h = 0x811c9dc5): number {
  for (const b of bytes) h = Math.imul(h ^ b, 0x01000193) >>> 0;
  return h >>> 0;
}

export const safeEncodeString = (s: string) => [...s].map((c) => ALPHANUMS[c.charCodeAt(0) % ALPHANUMS.length]).join('');

export function computeHash(template: PodTemplateSpec | undefined, collisionCount?: number): string {
  let h = fnv32a(new TextEncoder().encode(canonicalJson(template ?? {})));
  if (collisionCount !== undefined) {
    const b = new Uint8Array(4);
    new DataView(b.buffer).setUint32(0, collisionCount >>> 0, true); // little endian, as upstream
    h = fnv32a(b, h);
  }
  return safeEncodeString(String(h));
}
