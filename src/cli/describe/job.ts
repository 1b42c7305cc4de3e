// describe.go describeJob: the Job's spec knobs, its start/completion times and duration, the
// `Pods Statuses:` line, completed indexes, the pod template and events.
import type { Job } from 'kubernetes-types/batch/v1.js';
import type { Event } from 'kubernetes-types/core/v1.js';
import { controlledBy } from './pod.js';
import { describePodTemplate } from './pod-template.js';
import { LEVEL_0, tabbed } from './prefix-writer.js';
import { describeEvents, printAnnotationsMultiline, printLabelsMultiline } from './sections.js';
import { selectorText } from './selector.js';
import { between, rfc1123z } from './time-format.js';

const present = <T>(v: T | null | undefined): v is T => v !== undefined && v !== null;

/** capIndexesListOrNone: completed indexes cut after ~50 characters at a comma, then `...`. */
export function capIndexes(indexes: string | undefined, softLimit = 50): string {
  if (!indexes) return '<none>';
  let ix = softLimit;
  while (ix < indexes.length && indexes[ix] !== ',') ix++;
  return ix >= indexes.length ? indexes : `${indexes.slice(0, ix + 1)}...`;
}

export function describeJob(job: Job, events: readonly Event[] | undefined, now: number): string {
  return tabbed((w) => {
    const spec = job.spec;
    const status = job.status ?? {};
    w.write(LEVEL_0, `Name:\t${job.metadata?.name ?? ''}\n`);
    w.write(LEVEL_0, `Namespace:\t${job.metadata?.namespace ?? ''}\n`);
    w.write(LEVEL_0, `Selector:\t${selectorText(spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', job.metadata?.labels);
    printAnnotationsMultiline(w, 'Annotations', job.metadata?.annotations);
    const owner = controlledBy(job);
    if (owner) w.write(LEVEL_0, `Controlled By:\t${owner}\n`);
    if (present(spec?.parallelism)) w.write(LEVEL_0, `Parallelism:\t${spec.parallelism}\n`);
    w.write(LEVEL_0, `Completions:\t${present(spec?.completions) ? spec.completions : '<unset>'}\n`);
    if (present(spec?.completionMode)) w.write(LEVEL_0, `Completion Mode:\t${spec.completionMode}\n`);
    if (present(spec?.suspend)) w.write(LEVEL_0, `Suspend:\t${spec.suspend}\n`);
    if (present(spec?.backoffLimit)) w.write(LEVEL_0, `Backoff Limit:\t${spec.backoffLimit}\n`);
    if (present(spec?.ttlSecondsAfterFinished)) w.write(LEVEL_0, `TTL Seconds After Finished:\t${spec.ttlSecondsAfterFinished}\n`);
    if (status.startTime) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    if (status.completionTime) w.write(LEVEL_0, `Completed At:\t${rfc1123z(status.completionTime)}\n`);
    if (status.startTime && status.completionTime) w.write(LEVEL_0, `Duration:\t${between(status.startTime, status.completionTime)}\n`);
    if (present(spec?.activeDeadlineSeconds)) w.write(LEVEL_0, `Active Deadline Seconds:\t${spec.activeDeadlineSeconds}s\n`);
    const [active, succeeded, failed] = [status.active ?? 0, status.succeeded ?? 0, status.failed ?? 0];
    w.write(LEVEL_0, present(status.ready)
      ? `Pods Statuses:\t${active} Active (${status.ready} Ready) / ${succeeded} Succeeded / ${failed} Failed\n`
      : `Pods Statuses:\t${active} Active / ${succeeded} Succeeded / ${failed} Failed\n`);
    if (spec?.completionMode === 'Indexed') w.write(LEVEL_0, `Completed Indexes:\t${capIndexes(status.completedIndexes)}\n`);
    describePodTemplate(w, spec?.template);
    describeEvents(w, events, now);
  });
}
