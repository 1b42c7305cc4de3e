// describe.go describeTopologySpreadConstraints: one line per constraint, sorted by topology key.
import type { TopologySpreadConstraint } from 'kubernetes-types/core/v1.js';
import { compareStrings } from '../../api/meta/label-requirement.js';
import { formatLabelSelector } from '../../api/meta/label-selector.js';
import { goSort } from './go-sort.js';
import { LEVEL_0, type PrefixWriter } from './prefix-writer.js';

export function describeTopologySpreadConstraints(w: PrefixWriter, tscs: readonly TopologySpreadConstraint[] | undefined, space: string): void {
  if (!tscs?.length) return;
  const sorted = goSort([...tscs], (a, b) => compareStrings(a.topologyKey, b.topologyKey) < 0);
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t, i) => {
    if (i !== 0) { w.write(LEVEL_0, space); w.write(LEVEL_0, '\t'); }
    let s = `${t.topologyKey}:${t.whenUnsatisfiable} when max skew ${t.maxSkew} is exceeded`;
    if (t.labelSelector) s += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, `${s}\n`);
  });
}
