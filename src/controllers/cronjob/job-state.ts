// Reading a Job's outcome, as pkg/controller/job/util (FinishedCondition, IsJobSucceeded) and the
// cronjob controller's byJobStartTime order.
import type { Job } from 'kubernetes-types/batch/v1.js';

/** The Complete or Failed condition type that is True, if the Job has finished. */
export function finishedCondition(job: Job): 'Complete' | 'Failed' | undefined {
  for (const c of job.status?.conditions ?? []) {
    if ((c.type === 'Complete' || c.type === 'Failed') && c.status === 'True') return c.type;
  }
  return undefined;
}

export const isJobFinished = (job: Job) => finishedCondition(job) !== undefined;

export const isJobSucceeded = (job: Job) => (job.status?.conditions ?? []).some((c) => c.type === 'Complete' && c.status === 'True');

const startTime = (j: Job) => (j.status?.startTime ? Date.parse(j.status.startTime) : undefined);

/** byJobStartTime: started Jobs oldest first, unstarted ones last; names break ties. */
export function byJobStartTime(a: Job, b: Job): number {
  const sa = startTime(a), sb = startTime(b);
  if (sa === undefined && sb !== undefined) return 1;
  if (sa !== undefined && sb === undefined) return -1;
  if (sa === sb) return (a.metadata?.name ?? '') < (b.metadata?.name ?? '') ? -1 : (a.metadata?.name ?? '') > (b.metadata?.name ?? '') ? 1 : 0;
  return sa! - sb!;
}
