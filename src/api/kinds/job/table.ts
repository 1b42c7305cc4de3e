// Job table, as printJob in kubernetes pkg/printers/internalversion/printers.go (v1.33).
// v1.33 has the STATUS column (added in v1.30) but not yet the SuccessCriteriaMet status
// (kubernetes PR #132832, v1.34): a Job with only SuccessCriteriaMet=True prints Running.
import type { Job, JobCondition } from 'kubernetes-types/batch/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, containersColumn, imagesColumn, nameColumn, selectorColumn, stringColumn } from '../shared/columns.js';
import { age, humanDuration } from '../shared/duration.js';
import { formatLabelSelector } from '../../meta/label-selector.js';
import { containerCells } from '../shared/format.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Status', 'Status of the job.'),
  stringColumn('Completions', 'The number of pods which reached phase Succeeded.'),
  stringColumn('Duration', 'Time required to complete the job.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn('A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
];

/** hasJobCondition: the first condition of the type decides, and must be True. */
function hasCondition(conditions: JobCondition[] | undefined, type: string): boolean {
  const c = (conditions ?? []).find((x) => x.type === type);
  return c?.status === 'True';
}

export function jobStatus(obj: KObject): string {
  const job = obj as Job;
  const conds = job.status?.conditions;
  if (hasCondition(conds, 'Complete')) return 'Complete';
  if (hasCondition(conds, 'Failed')) return 'Failed';
  if (job.metadata?.deletionTimestamp) return 'Terminating';
  if (hasCondition(conds, 'Suspended')) return 'Suspended';
  if (hasCondition(conds, 'FailureTarget')) return 'FailureTarget';
  return 'Running';
}

/** `succeeded/completions`; without completions `n/1`, or `n/1 of p` when parallelism > 1. */
function completions(job: Job): string {
  const succeeded = job.status?.succeeded ?? 0;
  if (job.spec?.completions != null) return `${succeeded}/${job.spec.completions}`;
  const parallelism = job.spec?.parallelism ?? 0;
  return parallelism > 1 ? `${succeeded}/1 of ${parallelism}` : `${succeeded}/1`;
}

/** Empty before start; completion - start once done; otherwise still growing (as for Failed jobs). */
function jobDuration(job: Job, now: number): string {
  const start = job.status?.startTime;
  if (!start) return '';
  const end = job.status?.completionTime;
  return humanDuration((end ? Date.parse(end) : now) - Date.parse(start));
}

export function cells(obj: KObject, now: number): unknown[] {
  const job = obj as Job;
  const [names, images] = containerCells(job.spec?.template?.spec?.containers);
  return [
    job.metadata?.name, jobStatus(obj), completions(job), jobDuration(job, now),
    age(job.metadata?.creationTimestamp, now), names, images, formatLabelSelector(job.spec?.selector),
  ];
}
