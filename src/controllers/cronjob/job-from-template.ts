// The Job a CronJob starts for one scheduled time, as getJobFromTemplate2 and getJobName in
// pkg/controller/cronjob (v1.33, CronJobsScheduledAnnotation on by default): the template's labels and
// annotations, a name fixed by the scheduled minute (so a retried create is AlreadyExists, never a
// second Job), the scheduled time in the CronJob's zone as an annotation, and a controller reference.
import type { CronJob, Job } from 'kubernetes-types/batch/v1.js';
import type { ObjectReference } from 'kubernetes-types/core/v1.js';
import { wallClock } from '../../api/kinds/cron-job/next-time.js';
import { newControllerRef } from '../../api/meta/owners.js';
import type { KObject } from '../../api/object.js';

export const SCHEDULED_TIMESTAMP_ANNOTATION = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
const CRONJOB_GVK = { apiVersion: 'batch/v1', kind: 'CronJob' };

/** `<cronjob>-<scheduled time in minutes since the epoch>`: the controller's granularity is a minute. */
export function jobName(cj: CronJob, scheduledTime: number): string {
  return `${cj.metadata?.name ?? ''}-${Math.floor(scheduledTime / 60_000)}`;
}

/** Go's time.RFC3339 of an instant in a zone: `Z` when the offset is zero, else ±hh:mm. */
export function rfc3339InZone(ms: number, tz: string): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const wall = wallClock(whole, tz);
  const offsetMin = Math.round((wall - whole) / 60_000);
  const local = new Date(wall).toISOString().slice(0, 19);
  if (offsetMin === 0) return `${local}Z`;
  const abs = Math.abs(offsetMin);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${local}${offsetMin < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
}

export function jobFromTemplate(cj: CronJob, scheduledTime: number): Job {
  const template = cj.spec?.jobTemplate ?? {};
  const labels = { ...(template.metadata?.labels ?? {}) };
  // The annotation uses spec.timeZone only (time.LoadLocation("") is UTC), not a TZ= prefix.
  const annotations = { ...(template.metadata?.annotations ?? {}), [SCHEDULED_TIMESTAMP_ANNOTATION]: rfc3339InZone(scheduledTime, cj.spec?.timeZone || 'UTC') };
  return {
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: {
      name: jobName(cj, scheduledTime),
      namespace: cj.metadata?.namespace,
      // Empty maps are omitted in Go's JSON.
      ...(Object.keys(labels).length ? { labels } : {}),
      annotations,
      ownerReferences: [newControllerRef(cj as KObject, CRONJOB_GVK)],
    },
    spec: structuredClone(template.spec),
  };
}

/** The ObjectReference status.active holds (client-go tools/reference GetReference). */
export function jobReference(job: Job): ObjectReference {
  return {
    kind: 'Job',
    namespace: job.metadata?.namespace,
    name: job.metadata?.name,
    uid: job.metadata?.uid,
    apiVersion: 'batch/v1',
    resourceVersion: job.metadata?.resourceVersion,
  };
}
