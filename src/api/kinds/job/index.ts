import type { Job } from 'kubernetes-types/batch/v1.js';
import type { KindDef } from '../../kind.js';
import type { KObject } from '../../object.js';
import { defaultJob, prepareJobForCreate, prepareJobForUpdate } from './defaults.js';
import { validateJobStatusUpdate } from './status-validation.js';
import { cells, columns } from './table.js';
import { validateJob, validateJobUpdate } from './validation.js';

const asJob = (o: KObject) => o as unknown as Job;

export const job: KindDef = {
  group: 'batch',
  version: 'v1',
  kind: 'Job',
  listKind: 'JobList',
  plural: 'jobs',
  singular: 'job',
  namespaced: true,
  categories: ["all"],
  hasGeneration: true,
  model: 'V1Job',
  statusSubresource: true,
  defaults: (o) => defaultJob(asJob(o)),
  prepareForCreate: (o) => prepareJobForCreate(asJob(o)),
  prepareForUpdate: (o, old) => prepareJobForUpdate(asJob(o), asJob(old)),
  validate: (o) => validateJob(asJob(o)),
  validateUpdate: (o, old) => validateJobUpdate(asJob(o), asJob(old)),
  validateStatusUpdate: (o, old) => validateJobStatusUpdate(asJob(o), asJob(old)),
  table: { columns, cells },
  // pkg/registry/batch/job/strategy.go JobToSelectableFields
  fieldSelectors: { 'status.successful': (o) => String(asJob(o).status?.succeeded ?? 0) },
};
