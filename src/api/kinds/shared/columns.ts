import type { TableColumn } from '../../kind.js';

export const nameColumn: TableColumn = {
  name: 'Name', type: 'string', format: 'name', priority: 0,
  description: 'Name must be unique within a namespace. Is required when creating resources, although some resources may allow a client to request the generation of an appropriate name automatically. Name is primarily intended for creation idempotence and configuration definition. Cannot be updated. More info: https://kubernetes.io/docs/concepts/overview/working-with-objects/names#names',
};

export const ageColumn: TableColumn = {
  name: 'Age', type: 'string', format: '', priority: 0,
  description: 'CreationTimestamp is a timestamp representing the server time when this object was created. It is not guaranteed to be set in happens-before order across separate operations. Clients may not set this value. It is represented in RFC3339 form and is in UTC.\n\nPopulated by the system. Read-only. Null for lists. More info: https://git.k8s.io/community/contributors/devel/sig-architecture/api-conventions.md#metadata',
};

/** The wide Containers column of every workload table (printers.go). */
export const containersColumn: TableColumn = {
  name: 'Containers', type: 'string', format: '', priority: 1,
  description: 'Names of each container in the template.',
};

/** The wide Images column of every workload table (printers.go). */
export const imagesColumn: TableColumn = {
  name: 'Images', type: 'string', format: '', priority: 1,
  description: 'Images referenced by each container in the template.',
};

/** A wide Selector column; the description is the selector field's doc of each kind. */
export const selectorColumn = (description: string): TableColumn => ({
  name: 'Selector', type: 'string', format: '', priority: 1, description,
});

/** A priority-0 string column, the commonest shape in printers.go. */
export const stringColumn = (name: string, description: string, priority = 0): TableColumn => ({
  name, type: 'string', format: '', priority, description,
});

/** An integer column (counts printed as int64 upstream). */
export const integerColumn = (name: string, description: string): TableColumn => ({
  name, type: 'integer', format: '', priority: 0, description,
});
