// NodePorts (pkg/scheduler/framework/plugins/nodeports): two pods may not use the same host port and
// protocol on overlapping host IPs (0.0.0.0 overlaps every IP).
import type { HostPort } from '../node-info.js';
import type { Filter } from './types.js';
import { unschedulable } from './types.js';

const WILDCARD = '0.0.0.0';

const conflicts = (a: HostPort, b: HostPort) =>
  a.port === b.port && a.protocol === b.protocol && (a.ip === b.ip || a.ip === WILDCARD || b.ip === WILDCARD);

export const nodePorts: Filter = {
  name: 'NodePorts',
  filter(p, node) {
    const want = p.counted.ports;
    if (!want.length || !node.usedPorts.length) return undefined;
    const clash = want.some((w) => node.usedPorts.some((u) => conflicts(w, u)));
    return clash ? unschedulable("node(s) didn't have free ports for the requested pod ports") : undefined;
  },
};
