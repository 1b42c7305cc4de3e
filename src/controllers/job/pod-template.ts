// The pod a Job creates (job_controller.go manageJob, controller_utils.go GetPodFromTemplate,
// indexed_job_utils.go addCompletionIndex*): the template's labels, annotations, finalizers and spec,
// the tracking finalizer, `<job>-` as generateName and the controller reference. An Indexed Job's pod
// also carries its index as annotation and label (PodIndexLabel is GA in v1.33), JOB_COMPLETION_INDEX
// in every container (read from the label) and hostname `<job>-<index>`; a subdomain comes from the
// template, as upstream sets none.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { COMPLETION_INDEX, COMPLETION_INDEX_ENV, generateNameWithIndex } from './indexes.js';
import { TRACKING_FINALIZER, type PodObject } from './pods.js';

function addIndexEnv(c: Container): void {
  if ((c.env ?? []).some((e) => e.name === COMPLETION_INDEX_ENV)) return;
  c.env = [...(c.env ?? []), { name: COMPLETION_INDEX_ENV, valueFrom: { fieldRef: { fieldPath: `metadata.labels['${COMPLETION_INDEX}']` } } }];
}

/**
 * `index` is the completion index for an Indexed Job, undefined otherwise; `indexAnnotations` are the
 * index's failure counts under backoffLimitPerIndex (addIndexFailureCountAnnotation).
 */
export function podForJob(job: Job, index: number | undefined, ref: OwnerReference, indexAnnotations?: Record<string, string>): PodObject {
  const name = job.metadata?.name ?? '';
  const tpl = structuredClone(job.spec?.template ?? {});
  const meta = tpl.metadata ?? {};
  const spec: PodSpec = tpl.spec ?? { containers: [] };
  const labels = { ...(meta.labels ?? {}) };
  const annotations = { ...(meta.annotations ?? {}) };
  const finalizers = [...(meta.finalizers ?? [])];
  if (!finalizers.includes(TRACKING_FINALIZER)) finalizers.push(TRACKING_FINALIZER);
  let generateName = `${name}-`;
  if (index !== undefined) {
    for (const c of spec.initContainers ?? []) addIndexEnv(c);
    for (const c of spec.containers ?? []) addIndexEnv(c);
    annotations[COMPLETION_INDEX] = String(index);
    Object.assign(annotations, indexAnnotations);
    labels[COMPLETION_INDEX] = String(index);
    spec.hostname = `${name}-${index}`;
    generateName = generateNameWithIndex(name, index);
  }
  return {
    apiVersion: 'v1', kind: 'Pod',
    metadata: {
      generateName,
      namespace: job.metadata?.namespace ?? 'default',
      ...(Object.keys(labels).length ? { labels } : {}),
      ...(Object.keys(annotations).length ? { annotations } : {}),
      finalizers,
      ownerReferences: [ref],
    },
    spec,
  };
}
