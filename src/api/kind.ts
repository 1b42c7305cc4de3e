// One definition per kind: names, scope, defaulting, validation, status split and table columns.
// The generic REST layer (src/apiserver) serves every kind from these definitions alone.
import type { FieldError } from './errors.js';
import type { KObject } from './object.js';

export interface TableColumn {
  name: string;
  type: 'string' | 'integer' | 'number' | 'boolean' | 'date';
  format: string;
  description: string;
  /** 0: always shown; 1: only with `-o wide`. */
  priority: number;
}

export interface ScaleSubresource {
  /** Path of the desired replica count in the object, e.g. ['spec', 'replicas']. */
  specReplicasPath: string[];
  statusReplicasPath: string[];
  /** Renders status.selector for the Scale object. */
  selector(obj: KObject): string;
}

export interface KindDef<T extends KObject = KObject> {
  group: string; // '' for core
  version: string;
  kind: string;
  listKind: string;
  plural: string;
  singular: string;
  namespaced: boolean;
  shortNames?: string[];
  categories?: string[];
  /** Verbs in discovery; defaults to the full set. */
  verbs?: string[];
  /** The @kubernetes/client-node model name (e.g. 'V1Pod'): the field schema for decoding and OpenAPI. */
  model: string;
  /** Whether `status` is a subresource: writes to the main resource keep the stored status. */
  statusSubresource: boolean;
  scale?: ScaleSubresource;
  /** Extra subresources listed in discovery (e.g. pods/log), served by later components. */
  extraSubresources?: Array<{ name: string; kind: string; verbs: string[] }>;
  /**
   * Served from another kind's storage, converted on the way in and out (events.k8s.io Events are
   * core Events in the store, so `kubectl get events` sees both, as upstream).
   */
  storedAs?: { group: string; plural: string; toStorage(obj: KObject): KObject; fromStorage(obj: KObject): KObject };
  /** Whether metadata.generation tracks spec changes (kinds with a spec). */
  hasGeneration?: boolean;

  /** Fills defaults in place, as the scheme's defaulting functions do. */
  defaults?(obj: T): void;
  /** Validation on create, every FieldError collected. */
  validate?(obj: T): FieldError[];
  /** Validation on update (immutable fields), including the create rules. */
  validateUpdate?(obj: T, old: T): FieldError[];
  /** Validation of a status-subresource write. */
  validateStatusUpdate?(obj: T, old: T): FieldError[];
  /** Strategy hook before create (e.g. reset status, set phase). */
  prepareForCreate?(obj: T): void;
  /** Strategy hook before an update of the main resource. */
  prepareForUpdate?(obj: T, old: T): void;

  table: {
    columns: TableColumn[];
    /** One row's cells; `now` is the server's clock for ages. */
    cells(obj: T, now: number): unknown[];
    /** Row conditions (pods: Completed for finished pods), as the printer sets them. */
    rowConditions?(obj: T): Array<{ type: string; status: string; reason?: string; message?: string }> | undefined;
  };
  /** Field selectors beyond metadata.name / metadata.namespace. */
  fieldSelectors?: Record<string, (obj: T) => string | undefined>;
}

export const gvString = (d: { group: string; version: string }) => (d.group ? `${d.group}/${d.version}` : d.version);
