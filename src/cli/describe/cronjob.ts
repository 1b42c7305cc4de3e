// describe.go describeCronJob: schedule and policies, the job template (selector, parallelism,
// completions, deadline, pod template), last schedule time, active jobs and events.
import type { CronJob, JobTemplateSpec } from 'kubernetes-types/batch/v1.js';
import type { Event } from 'kubernetes-types/core/v1.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, tabbed, type PrefixWriter } from './prefix-writer.js';
import { describeEvents, printAnnotationsMultiline, printBoolPtr, printLabelsMultiline } from './sections.js';
import { selectorText } from './selector.js';
import { rfc1123z } from './time-format.js';

const orUnset = (v: number | null | undefined, suffix = '') => (v === undefined || v === null ? '<unset>' : `${v}${suffix}`);

export function describeCronJob(cj: CronJob, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    const spec = cj.spec;
    w.write(LEVEL_0, `Name:\t${cj.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${cj.metadata?.namespace ?? ''}\n`);
    printLabelsMultiline(w, 'Labels', cj.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', cj.metadata?.annotations);
    w.write(LEVEL_0, `Schedule:\t${spec?.schedule ?? ''}\n`);
    w.write(LEVEL_0, `Concurrency Policy:\t${spec?.concurrencyPolicy ?? ''}\n`);
    w.write(LEVEL_0, `Suspend:\t${printBoolPtr(spec?.suspend)}\n`);
    w.write(LEVEL_0, `Successful Job History Limit:\t${orUnset(spec?.successfulJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Failed Job History Limit:\t${orUnset(spec?.failedJobsHistoryLimit)}\n`);
    w.write(LEVEL_0, `Starting Deadline Seconds:\t${orUnset(spec?.startingDeadlineSeconds, 's')}\n`);
    describeJobTemplate(w, spec?.jobTemplate);
    const last = cj.status?.lastScheduleTime;
    w.write(LEVEL_0, `Last Schedule Time:\t${last ? rfc1123z(last) : '<unset>'}\n`);
    w.write(LEVEL_0, 'Active Jobs:\t');
    const active = cj.status?.active ?? [];
    if (!active.length) w.writeLine('<none>');
    else {
      active.forEach((j, i) => { if (i !== 0) w.write(LEVEL_0, ', '); w.write(LEVEL_0, j.name ?? ''); });
      w.writeLine('');
    }
    describeEvents(w, events, now);
  });
}

function describeJobTemplate(w: PrefixWriter, t: JobTemplateSpec | undefined): void {
  const spec = t?.spec;
  w.write(LEVEL_0, `Selector:\t${spec?.selector ? selectorText(spec.selector) : '<unset>'}\n`);
  w.write(LEVEL_0, `Parallelism:\t${orUnset(spec?.parallelism)}\n`);
  w.write(LEVEL_0, `Completions:\t${orUnset(spec?.completions)}\n`);
  if (spec?.activeDeadlineSeconds !== undefined && spec.activeDeadlineSeconds !== null) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
  describePodTemplate(w, spec?.template);
}
