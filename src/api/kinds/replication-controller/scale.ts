import type { ScaleSubresource } from '../../kind.js';

/** RC selectors are plain equality maps, printed as `a=b,c=d` in key order. */
export const scale: ScaleSubresource = {
  specReplicasPath: ['spec', 'replicas'],
  statusReplicasPath: ['status', 'replicas'],
  selector: (obj) => {
    const sel = (obj.spec as { selector?: Record<string, string> } | undefined)?.selector ?? {};
    return Object.keys(sel).sort().map((k) => `${k}=${sel[k]}`).join(',');
  },
};
