// The seams where the Job policies plug in; every other file asks these functions, never the spec.
// Until the policy modules are wired, a Job behaves as one without podFailurePolicy, successPolicy or
// backoffLimitPerIndex (validation still accepts those fields). To wire them (integrator):
//   - failedPodVerdict: call matchPodFailurePolicy(job, pod) from ./pod-failure-policy.js and map
//     FailJob → { countFailed: true, failJob: message }, Ignore → { countFailed: false },
//     FailIndex → { countFailed: true, failIndex: true }, Count or undefined → { countFailed: true }.
//   - successPolicyMessage: return matchSuccessPolicy(job, succeededIndexes, succeededCount) from ./success-policy.js.
//   - perIndexFailures: with ./per-index.js, compute the failed indexes (indexFailureCount(pod) >=
//     backoffLimitPerIndex, or a FailIndex verdict) and failedIndexesExceeded(job, failed); the plan
//     then sets status.failedIndexes and fails the Job with MaxFailedIndexesExceeded / FailedIndexes.
// (upstream: pod_failure_policy.go, success_policy.go, indexed_job_utils.go calculateFailedIndexes.)
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Pod } from 'kubernetes-types/core/v1.js';

export interface FailedPodVerdict {
  /** Counts towards status.failed and backoffLimit (false for an Ignore rule). */
  countFailed: boolean;
  /** A FailJob rule matched: the Job fails with reason PodFailurePolicy and this message. */
  failJob?: string;
  /** A FailIndex rule matched: the pod's index is given up. */
  failIndex?: boolean;
}

const COUNTED: FailedPodVerdict = Object.freeze({ countFailed: true });

/** How a failed pod is classified (matchPodFailurePolicy); without a podFailurePolicy every failure counts. */
export function failedPodVerdict(_job: Job, _pod: Pod): FailedPodVerdict {
  return COUNTED;
}

/** The SuccessCriteriaMet message when the Job's successPolicy is met, else undefined (Indexed Jobs only). */
export function successPolicyMessage(_job: Job, _succeededIndexes: readonly number[], _succeededCount: number): string | undefined {
  return undefined;
}

export interface PerIndexFailures {
  /** Indexes given up (status.failedIndexes), sorted. */
  failedIndexes: number[];
  /** The Job-level outcome of those failures, if the Job must fail. */
  failure?: 'MaxFailedIndexesExceeded' | 'FailedIndexes';
}

/** backoffLimitPerIndex: the failed indexes, or undefined when the Job does not use it (or it is not wired yet). */
export function perIndexFailures(_job: Job, _pods: readonly Pod[], _succeeded: number): PerIndexFailures | undefined {
  return undefined;
}
