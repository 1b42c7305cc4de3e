// Matching the succeeded indexes of an Indexed Job against spec.successPolicy, as
// pkg/controller/job/success_policy.go (matchSuccessPolicy, matchSucceededIndexesRule) in Kubernetes v1.33.
import type { Job } from 'kubernetes-types/batch/v1.js';
import { parseIndexes, totalIndexes, type Intervals } from './indexes.js';

const RULES_MATCHED_MESSAGE = 'Matched rules at index';

/**
 * The SuccessCriteriaMet condition message ("Matched rules at index N") for the first rule the job
 * satisfies, or undefined. A rule with succeededIndexes is met when all of those indexes succeeded, or
 * when at least its succeededCount of them did; a rule with only succeededCount is met when that many
 * indexes succeeded. Nothing matches before the first index succeeds.
 */
export function matchSuccessPolicy(job: Job, succeeded: Intervals): string | undefined {
  const rules = job.spec?.successPolicy?.rules;
  if (!rules || succeeded.length === 0) return undefined;
  const completions = job.spec?.completions ?? 0;
  const succeededCount = totalIndexes(succeeded);
  for (const [index, rule] of rules.entries()) {
    if (rule.succeededIndexes !== undefined) {
      const required = parseIndexes(rule.succeededIndexes, completions);
      // An unparsable or empty succeededIndexes never matches, even with a succeededCount.
      if (required.length === 0) continue;
      if (succeededIndexesRuleMet(required, succeeded, rule.succeededCount)) return `${RULES_MATCHED_MESSAGE} ${index}`;
    } else if (rule.succeededCount !== undefined && succeededCount >= rule.succeededCount) {
      return `${RULES_MATCHED_MESSAGE} ${index}`;
    }
  }
  return undefined;
}

/** Counts the rule's indexes that succeeded with one merge-walk over both interval lists. */
function succeededIndexesRuleMet(rule: Intervals, succeeded: Intervals, succeededCount: number | undefined): boolean {
  let contains = 0;
  let r = 0;
  let s = 0;
  while (r < rule.length && s < succeeded.length) {
    const overlap = Math.min(rule[r].last, succeeded[s].last) - Math.max(rule[r].first, succeeded[s].first) + 1;
    if (overlap > 0) contains += overlap;
    if (succeeded[s].last < rule[r].last) s++;
    else if (succeeded[s].last > rule[r].last) r++;
    else { s++; r++; }
  }
  return contains === totalIndexes(rule) || (succeededCount !== undefined && contains >= succeededCount);
}
