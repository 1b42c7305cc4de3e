// Matching a failed pod against spec.podFailurePolicy, as pkg/controller/job/pod_failure_policy.go
// (matchPodFailurePolicy, matchOnExitCodes, matchOnPodConditions) in Kubernetes v1.33.
import type { Job, PodFailurePolicyOnExitCodesRequirement, PodFailurePolicyOnPodConditionsPattern } from 'kubernetes-types/batch/v1.js';
import type { ContainerStatus, Pod, PodCondition } from 'kubernetes-types/core/v1.js';

export type PodFailurePolicyAction = 'FailJob' | 'FailIndex' | 'Ignore' | 'Count';

export interface PodFailurePolicyMatch {
  action: PodFailurePolicyAction;
  /** Only for FailJob: the message of the job's FailureTarget/Failed condition. */
  message?: string;
}

/**
 * The first rule of the job's podFailurePolicy that the failed pod matches, or undefined when there is no
 * policy, the pod is not Failed or no rule matches (then the failure counts towards backoffLimit).
 * A rule whose action this version does not know is skipped, as the API asks clients to do.
 */
export function matchPodFailurePolicy(job: Job, pod: Pod): PodFailurePolicyMatch | undefined {
  const rules = job.spec?.podFailurePolicy?.rules;
  // Upstream sees only Failed pods here: with a podFailurePolicy, isPodFailed ignores terminating pods.
  if (!rules || pod.status?.phase !== 'Failed') return undefined;
  const ns = pod.metadata?.namespace ?? '';
  const name = pod.metadata?.name ?? '';
  for (const [index, rule] of rules.entries()) {
    let failJobMessage: string | undefined;
    if (rule.onExitCodes) {
      const status = matchOnExitCodes(pod, rule.onExitCodes);
      if (!status) continue;
      failJobMessage = `Container ${status.name} for pod ${ns}/${name} failed with exit code ${status.state?.terminated?.exitCode} matching ${rule.action} rule at index ${index}`;
    } else if (rule.onPodConditions) {
      const condition = matchOnPodConditions(pod, rule.onPodConditions);
      if (!condition) continue;
      failJobMessage = `Pod ${ns}/${name} has condition ${condition.type} matching ${rule.action} rule at index ${index}`;
    } else {
      continue;
    }
    switch (rule.action) {
      case 'FailJob': return { action: 'FailJob', message: failJobMessage };
      case 'FailIndex': return { action: 'FailIndex' };
      case 'Ignore': return { action: 'Ignore' };
      case 'Count': return { action: 'Count' };
      default: continue;
    }
  }
  return undefined;
}

/** Regular containers are looked at before init containers, as upstream. */
function matchOnExitCodes(pod: Pod, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  return matchingContainer(pod.status?.containerStatuses, req) ?? matchingContainer(pod.status?.initContainerStatuses, req);
}

/**
 * The first terminated container (the named one, if the rule names one) whose exit code satisfies the
 * operator. Exit code 0 never matches, even for NotIn: a container that succeeded beside a failed one
 * is not what failed the pod. Containers still running have no exit code to match.
 */
function matchingContainer(statuses: ContainerStatus[] | undefined, req: PodFailurePolicyOnExitCodesRequirement): ContainerStatus | undefined {
  return (statuses ?? []).find((s) => {
    const code = s.state?.terminated?.exitCode;
    if (code === undefined || code === 0) return false;
    if (req.containerName !== undefined && req.containerName !== s.name) return false;
    return exitCodeMatches(code, req);
  });
}

function exitCodeMatches(code: number, req: PodFailurePolicyOnExitCodesRequirement): boolean {
  const values = req.values ?? [];
  switch (req.operator) {
    case 'In': return values.includes(code);
    case 'NotIn': return !values.includes(code);
    default: return false; // an unknown operator matches nothing
  }
}

/** The first pod condition (in the pod's order) that equals any pattern in type and status. */
function matchOnPodConditions(pod: Pod, patterns: PodFailurePolicyOnPodConditionsPattern[]): PodCondition | undefined {
  return (pod.status?.conditions ?? []).find((c) => patterns.some((p) => p.type === c.type && p.status === c.status));
}
