import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import type { ScaleSubresource } from '../../kind.js';
import { labelSelectorAsSelector, selectorToString } from '../../meta/label-selector.js';

export const scale: ScaleSubresource = {
  specReplicasPath: ['spec', 'replicas'],
  statusReplicasPath: ['status', 'replicas'],
  selector: (obj) => selectorToString(labelSelectorAsSelector((obj.spec as { selector?: LabelSelector } | undefined)?.selector)),
};
