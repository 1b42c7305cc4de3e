// NodeResourcesFit (pkg/scheduler/framework/plugins/noderesources/fit.go): the pods limit and each
// requested resource against allocatable minus what bound pods already request. A request larger
// than the whole node is unresolvable (preemption could not help).
import type { NodeInfo } from '../node-info.js';
import type { Filter, PodFacts, Status } from './types.js';

const fits = (want: number, have: number, inUse: number) => want <= 0 || want <= have - inUse;

/** Runs for every pod × node searched, so the common case (everything fits) allocates nothing. */
function allFit(p: PodFacts, node: NodeInfo): boolean {
  const { allocatable: a, requested: u } = node;
  const r = p.counted.req;
  return node.pods.size < a.pods && fits(r.milliCPU, a.milliCPU, u.milliCPU) && fits(r.memory, a.memory, u.memory)
    && fits(r.ephemeralStorage, a.ephemeralStorage, u.ephemeralStorage) && !p.counted.hasScalar;
}

function insufficient(p: PodFacts, node: NodeInfo): Status | undefined {
  const { allocatable: a, requested: u } = node;
  const r = p.counted.req;
  const reasons: string[] = [];
  let unresolvable = false;
  if (node.pods.size + 1 > a.pods) reasons.push('Too many pods');
  const check = (name: string, want: number, have: number, inUse: number) => {
    if (fits(want, have, inUse)) return;
    reasons.push(`Insufficient ${name}`);
    if (want > have) unresolvable = true;
  };
  check('cpu', r.milliCPU, a.milliCPU, u.milliCPU);
  check('memory', r.memory, a.memory, u.memory);
  check('ephemeral-storage', r.ephemeralStorage, a.ephemeralStorage, u.ephemeralStorage);
  for (const [name, want] of Object.entries(r.scalar)) check(name, want, a.scalar[name] ?? 0, u.scalar[name] ?? 0);
  if (!reasons.length) return undefined;
  return { code: unresolvable ? 'UnschedulableAndUnresolvable' : 'Unschedulable', reasons };
}

export const nodeResourcesFit: Filter = {
  name: 'NodeResourcesFit',
  filter: (p, node) => (allFit(p, node) ? undefined : insufficient(p, node)),
};
