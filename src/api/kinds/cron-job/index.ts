import type { CronJob } from 'kubernetes-types/batch/v1.js';
import type { KindDef } from '../../kind.js';
import type { KObject } from '../../object.js';
import { defaultCronJob, prepareCronJobForCreate, prepareCronJobForUpdate } from './defaults.js';
import { cells, columns } from './table.js';
import { validateCronJobCreate, validateCronJobStatusUpdate, validateCronJobUpdate } from './validation.js';

const asCronJob = (o: KObject) => o as unknown as CronJob;

export const cronJob: KindDef = {
  group: 'batch',
  version: 'v1',
  kind: 'CronJob',
  listKind: 'CronJobList',
  plural: 'cronjobs',
  singular: 'cronjob',
  namespaced: true,
  shortNames: ["cj"],
  categories: ["all"],
  hasGeneration: true,
  model: 'V1CronJob',
  statusSubresource: true,
  defaults: (o) => defaultCronJob(asCronJob(o)),
  prepareForCreate: (o) => prepareCronJobForCreate(asCronJob(o)),
  prepareForUpdate: (o, old) => prepareCronJobForUpdate(asCronJob(o), asCronJob(old)),
  validate: (o) => validateCronJobCreate(asCronJob(o)),
  validateUpdate: (o, old) => validateCronJobUpdate(asCronJob(o), asCronJob(old)),
  validateStatusUpdate: () => validateCronJobStatusUpdate(),
  table: { columns, cells },
};
