// CronJob table, as printCronJob in kubernetes pkg/printers/internalversion/printers.go (v1.33),
// with the TIMEZONE column v1.28 lacked. SUSPEND is a "True"/"False" string cell (printBoolPtr)
// although its column says boolean.
import type { CronJob } from 'kubernetes-types/batch/v1.js';
import type { TableColumn } from '../../kind.js';
import type { KObject } from '../../object.js';
import { ageColumn, containersColumn, imagesColumn, integerColumn, nameColumn, selectorColumn, stringColumn } from '../shared/columns.js';
import { age } from '../shared/duration.js';
import { formatLabelSelector } from '../../meta/label-selector.js';
import { containerCells } from '../shared/format.js';

export const columns: TableColumn[] = [
  nameColumn,
  stringColumn('Schedule', 'The schedule in Cron format, see https://en.wikipedia.org/wiki/Cron.'),
  // The printer reads batch/v1beta1's doc for timeZone; this is the batch/v1 text of the same field.
  stringColumn('Timezone', 'The time zone name for the given schedule, see https://en.wikipedia.org/wiki/List_of_tz_database_time_zones. If not specified, this will default to the time zone of the kube-controller-manager process. The set of valid time zone names and the time zone offset is loaded from the system-wide time zone database by the API server during CronJob validation and the controller manager during execution. If no system-wide time zone database can be found a bundled version of the database is used instead. If the time zone name becomes invalid during the lifetime of a CronJob or due to a change in host configuration, the controller will stop creating new new Jobs and will create a system event with the reason UnknownTimeZone. More information can be found in https://kubernetes.io/docs/concepts/workloads/controllers/cron-jobs/#time-zones'),
  { name: 'Suspend', type: 'boolean', format: '', priority: 0,
    description: 'This flag tells the controller to suspend subsequent executions, it does not apply to already started executions.  Defaults to false.' },
  integerColumn('Active', 'A list of pointers to currently running jobs.'),
  stringColumn('Last Schedule', 'Information when was the last time the job was successfully scheduled.'),
  ageColumn,
  containersColumn,
  imagesColumn,
  selectorColumn('A label query over pods that should match the pod count. Normally, the system sets this field for you. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/labels/#label-selectors'),
];

const printBoolPtr = (v: boolean | undefined) => (v === undefined ? '<unset>' : v ? 'True' : 'False');

export function cells(obj: KObject, now: number): unknown[] {
  const cj = obj as CronJob;
  const last = cj.status?.lastScheduleTime;
  const jobSpec = cj.spec?.jobTemplate?.spec;
  const [names, images] = containerCells(jobSpec?.template?.spec?.containers);
  return [
    cj.metadata?.name, cj.spec?.schedule ?? '', cj.spec?.timeZone ?? '<none>', printBoolPtr(cj.spec?.suspend),
    (cj.status?.active ?? []).length, last ? age(last, now) : '<none>', age(cj.metadata?.creationTimestamp, now),
    names, images, formatLabelSelector(jobSpec?.selector),
  ];
}
