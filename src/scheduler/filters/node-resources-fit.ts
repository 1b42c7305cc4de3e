// NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go): the pods limit and each
// requested resource against allocatable minus what bound pods already request. A request larger
// than the whole node is unresolvable (preemption could not help).
import type { Filter, Status } from './types.js';

export const nodeResourcesFit: Filter = {
  name: 'NodeResourcesFit',
  filter(p, node) {
    const reasons: string[] = [];
    let unresolvable = false;
    const alloc = node.allocatable;
    const used = node.requested;
    if (node.pods.size + 1 > alloc.pods) reasons.push('Too many pods');
    const req = p.counted.req;
    const check = (name: string, want: number, have: number, inUse: number) => {
      if (want <= 0 || want <= have - inUse) return;
      reasons.push(`Insufficient ${name}`);
      if (want > have) unresolvable = true;
    };
    check('cpu', req.milliCPU, alloc.milliCPU, used.milliCPU);
    check('memory', req.memory, alloc.memory, used.memory);
    check('ephemeral-storage', req.ephemeralStorage, alloc.ephemeralStorage, used.ephemeralStorage);
    for (const [name, want] of Object.entries(req.scalar)) check(name, want, alloc.scalar[name] ?? 0, used.scalar[name] ?? 0);
    if (!reasons.length) return undefined;
    const status: Status = { code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
    return status;
  },
};
