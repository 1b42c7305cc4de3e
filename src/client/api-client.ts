// The API as controllers, the scheduler and node agents use it. Two implementations: LocalClient
// (in the server process, straight to the registry) and HttpClient (a separate process, over HTTPS
// with a kubeconfig). Code above this interface does not know which one it has.
import type { KindDef } from '../api/kind.js';
import type { KObject } from '../api/object.js';
import type { DeleteOptions } from '../apiserver/registry/deletion.js';

export type WatchType = 'ADDED' | 'MODIFIED' | 'DELETED';
export interface WatchEvent { type: WatchType; object: KObject }

export interface Selectors {
  /** String syntax, as the labelSelector query parameter. */
  labelSelector?: string;
  /** As the fieldSelector query parameter (metadata.name, spec.nodeName, ...). */
  fieldSelector?: string;
}

export type PatchType = 'merge' | 'strategic' | 'json';

export interface Watch { stop(): void }

export interface ApiClient {
  /** The definition of a served kind, e.g. kind('batch', 'Job'). */
  kind(group: string, kind: string): KindDef;
  get(def: KindDef, namespace: string | undefined, name: string): Promise<KObject>;
  /** All matching objects (all namespaces when namespace is undefined) and the revision to watch from. */
  list(def: KindDef, namespace?: string, selectors?: Selectors): Promise<{ items: KObject[]; revision: number }>;
  create(def: KindDef, obj: KObject): Promise<KObject>;
  update(def: KindDef, obj: KObject): Promise<KObject>;
  updateStatus(def: KindDef, obj: KObject): Promise<KObject>;
  patch(def: KindDef, namespace: string | undefined, name: string, patch: unknown, opts?: { type?: PatchType; subresource?: 'status' }): Promise<KObject>;
  /** Read-modify-write, retried on conflict: fn gets a fresh copy each attempt. */
  mutate(def: KindDef, namespace: string | undefined, name: string, fn: (cur: KObject) => KObject, opts?: { subresource?: 'status' }): Promise<KObject>;
  delete(def: KindDef, namespace: string | undefined, name: string, opts?: DeleteOptions): Promise<KObject>;
  /** POST pods/<name>/binding: assigns a pod to a node (409 when already assigned). */
  bindPod(namespace: string, name: string, nodeName: string): Promise<void>;
  /**
   * Events after fromRevision for matching objects; a selector transition is ADDED/DELETED, as an
   * apiserver watch. onError is called (once) when the watch cannot continue (e.g. 410 Gone): relist.
   */
  watch(def: KindDef, namespace: string | undefined, opts: Selectors & { fromRevision: number }, onEvent: (ev: WatchEvent) => void, onError?: (err: unknown) => void): Watch;
}

export const isNotFound = (e: unknown) => (e as { reason?: string; code?: number }).reason === 'NotFound';
export const isConflict = (e: unknown) => (e as { reason?: string }).reason === 'Conflict';
export const isAlreadyExists = (e: unknown) => (e as { reason?: string }).reason === 'AlreadyExists';
