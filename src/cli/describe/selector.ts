// Selectors as the describers print them: LabelSelectorAsSelector(...).String() (empty for none),
// with kubectl's "Failed to get selector" text when the selector is invalid.
import type { LabelSelector } from 'kubernetes-types/meta/v1.js';
import { labelSelectorAsSelector, selectorToString } from '../../api/meta/label-selector.js';

export function selectorText(ls: LabelSelector | undefined): string {
  try {
    return selectorToString(labelSelectorAsSelector(ls));
  } catch (e) {
    return `Failed to get selector: ${e instanceof Error ? e.message : String(e)}`;
  }
}
