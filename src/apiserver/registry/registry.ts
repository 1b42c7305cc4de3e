// The generic resource store (kube-apiserver's genericregistry.Store): create, get, list, update
// and delete for any kind, driven only by its KindDef. Both the HTTP handlers and in-process
// clients (controllers) go through here, so admission rules hold for every writer.
import { randomUUID } from 'node:crypto';
import { isDeepStrictEqual } from 'node:util';
import { alreadyExists, badRequest, conflict, invalid, notFound, StatusError, type FieldError } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { StoreError, type KeyValue, type Store } from '../../store/store.js';
import { rfc3339, type Clock } from '../../util/clock.js';
import { generateName } from './generate-name.js';
import { decodeKV, decodeWritten, encode, type Written } from './stored-form.js';
import { objectKey, resourcePrefix } from './keys.js';
import { allocateClusterIP } from '../admission/service-ip.js';
import { NamespaceLifecycle } from '../admission/namespace-lifecycle.js';
import { admitDefaultTolerationSeconds, defaultTolerationSeconds, type DefaultTolerationSeconds } from '../admission/default-toleration-seconds.js';

export interface WriteOptions {
  dryRun?: boolean;
  /** The caller hands the body over (a request body decoded for this write): it is changed in place, not copied. */
  owned?: boolean;
}
export interface UpdateOptions extends WriteOptions { subresource?: 'status' | 'finalize' }

const gr = (def: KindDef) => ({ group: def.group, resource: def.plural });
const GENERATE_NAME_RETRIES = 8; // as apiserver: retry a generated name that collided

/** Everything but metadata and status: what bumps metadata.generation when it changes. */
function specOf(obj: KObject): unknown {
  const { metadata: _m, status: _s, apiVersion: _a, kind: _k, ...rest } = obj;
  return rest;
}

/** Settings of the admission plugins the registry runs. */
export interface AdmissionConfig {
  /** `--default-not-ready-toleration-seconds` / `--default-unreachable-toleration-seconds`. */
  defaultTolerationSeconds?: DefaultTolerationSeconds;
}

export class Registry {
  private namespaceLifecycle?: NamespaceLifecycle;

  constructor(readonly store: Store, private readonly clock: Clock, private readonly namespaceDef: KindDef, private readonly admission: AdmissionConfig = {}) {}

  now(): number { return this.clock.now(); }

  async get(def: KindDef, namespace: string | undefined, name: string): Promise<KObject> {
    const kv = await this.store.get(objectKey(def, namespace, name));
    if (!kv) throw notFound(gr(def), name);
    return decodeKV(kv, def);
  }

  async list(def: KindDef, namespace: string | undefined, opts: { startKey?: string; limit?: number } = {}) {
    const res = await this.store.list(resourcePrefix(def, namespace), opts);
    return { items: res.items.map((kv) => decodeKV(kv, def)), revision: res.revision, more: res.more, lastKey: res.items.at(-1)?.key };
  }

  /** Stored values under a kind's prefix, undecoded (for the plain-list fast path). */
  listRaw(def: KindDef, namespace: string | undefined) {
    return this.store.list(resourcePrefix(def, namespace));
  }

  async create(def: KindDef, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): Promise<KObject> {
    return decodeWritten(await this.createStored(def, namespace, body, opts), def);
  }

  /** create, answering with the stored version undecoded (the HTTP handlers send it as it is stored). */
  async createStored(def: KindDef, namespace: string | undefined, body: KObject, opts: WriteOptions = {}): Promise<Written> {
    const obj = opts.owned ? body : structuredClone(body);
    obj.apiVersion = def.group ? `${def.group}/${def.version}` : def.version;
    obj.kind = def.kind;
    const meta = (obj.metadata ??= {});
    if (def.namespaced) {
      if (meta.namespace && namespace && meta.namespace !== namespace) {
        throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      meta.namespace = meta.namespace || namespace || 'default';
      await (this.namespaceLifecycle ??= new NamespaceLifecycle(this.store, this.namespaceDef)).admitCreate(meta.namespace, def, meta.name ?? '');
    } else {
      delete meta.namespace;
    }
    meta.uid = randomUUID();
    meta.creationTimestamp = rfc3339(this.clock.now());
    delete meta.deletionTimestamp;
    delete meta.deletionGracePeriodSeconds;
    delete meta.resourceVersion;
    delete meta.selfLink;
    if (def.hasGeneration) meta.generation = 1; else delete meta.generation;
    const generated = !meta.name && !!meta.generateName;
    if (generated) meta.name = generateName(meta.generateName!);

    def.defaults?.(obj);
    def.prepareForCreate?.(obj);
    admitDefaultTolerationSeconds(def, obj, this.admission.defaultTolerationSeconds ?? defaultTolerationSeconds);
    this.throwIfInvalid(def, obj, def.validate?.(obj) ?? []);
    await allocateClusterIP(this, def, obj);
    if (opts.dryRun) {
      if (await this.store.get(objectKey(def, meta.namespace, meta.name!))) throw alreadyExists(gr(def), meta.name!);
      return { obj };
    }
    for (let attempt = 0; ; attempt++) {
      try {
        return { kv: await this.store.create(objectKey(def, meta.namespace, meta.name!), encode(def, obj)) };
      } catch (e) {
        if (!(e instanceof StoreError && e.code === 'KeyExists')) throw e;
        if (!generated || attempt >= GENERATE_NAME_RETRIES) throw alreadyExists(gr(def), meta.name!);
        meta.name = generateName(meta.generateName!);
      }
    }
  }

  /**
   * Replaces an object (PUT). The body's resourceVersion, when set, must match the stored one.
   * Writes to the main resource keep the stored status; status writes keep everything else.
   */
  async update(def: KindDef, namespace: string | undefined, name: string, body: KObject, opts: UpdateOptions = {}): Promise<KObject> {
    return decodeWritten(await this.updateStored(def, namespace, name, body, opts), def);
  }

  /** update, answering with the stored version undecoded (the HTTP handlers send it as it is stored). */
  async updateStored(def: KindDef, namespace: string | undefined, name: string, body: KObject, opts: UpdateOptions = {}): Promise<Written> {
    const kv = await this.store.get(objectKey(def, namespace, name));
    if (!kv) throw notFound(gr(def), name);
    const old = decodeKV(kv, def);
    const meta = body.metadata ?? {};
    if (meta.name && meta.name !== name) {
      throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${name})`);
    }
    if (def.namespaced && meta.namespace && namespace && meta.namespace !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    if (meta.resourceVersion && meta.resourceVersion !== old.metadata.resourceVersion) throw conflict(gr(def), name);
    const obj = this.merged(def, old, body, opts.subresource, opts.owned);
    return this.write(def, old, kv.modRevision, obj, opts);
  }

  /**
   * Read-modify-write with retries on conflict, for PATCH and in-process callers: `mutate` gets a
   * fresh copy of the current object each attempt and returns the desired one.
   */
  async guaranteedUpdate(def: KindDef, namespace: string | undefined, name: string, mutate: (cur: KObject) => KObject | Promise<KObject>, opts: UpdateOptions = {}): Promise<KObject> {
    for (let attempt = 0; ; attempt++) {
      const kv = await this.store.get(objectKey(def, namespace, name));
      if (!kv) throw notFound(gr(def), name);
      const old = decodeKV(kv, def);
      const desired = await mutate(structuredClone(old));
      const rv = desired.metadata?.resourceVersion;
      if (rv && rv !== old.metadata.resourceVersion) throw conflict(gr(def), name);
      if (desired.metadata?.name && desired.metadata.name !== name) {
        throw badRequest(`the name of the object (${desired.metadata.name}) does not match the name on the URL (${name})`);
      }
      try {
        return decodeWritten(await this.write(def, old, kv.modRevision, this.merged(def, old, desired, opts.subresource), opts), def);
      } catch (e) {
        const retriable = e instanceof StatusError && e.reason === 'Conflict' && !rv && attempt < 10;
        if (!retriable) throw e;
      }
    }
  }

  /** Deletes immediately, only if the stored revision is still `expectedRevision` when given. */
  async remove(def: KindDef, obj: KObject, expectedRevision?: number): Promise<KObject> {
    try {
      const kv = await this.store.delete(objectKey(def, obj.metadata.namespace, obj.metadata.name!), expectedRevision);
      return decodeKV(kv, def);
    } catch (e) {
      if (e instanceof StoreError && e.code === 'KeyNotFound') throw notFound(gr(def), obj.metadata.name!);
      if (e instanceof StoreError && e.code === 'RevisionMismatch') throw conflict(gr(def), obj.metadata.name!);
      throw e;
    }
  }

  /**
   * Stores an object exactly as given, if the stored revision is still `expectedRevision`: for
   * server-side writes that set what clients may not (deletion marks, binding), decided by the caller.
   */
  async writeServerFields(def: KindDef, cur: KObject, next: KObject, expectedRevision: number): Promise<KObject> {
    try {
      return decodeKV(await this.store.update(objectKey(def, cur.metadata.namespace, cur.metadata.name!), encode(def, next), expectedRevision), def);
    } catch (e) {
      if (e instanceof StoreError && (e.code === 'RevisionMismatch' || e.code === 'KeyNotFound')) throw conflict(gr(def), cur.metadata.name!);
      throw e;
    }
  }

  /** The stored object with the parts a write may change taken from `body` (copied unless `owned`). */
  private merged(def: KindDef, old: KObject, body: KObject, subresource?: 'status' | 'finalize', owned = false): KObject {
    if (subresource === 'finalize') {
      // Namespaces' finalize subresource changes only spec.finalizers.
      const finalizers = (body.spec as { finalizers?: string[] } | undefined)?.finalizers ?? [];
      return { ...structuredClone(old), spec: { ...(old.spec as object), finalizers } };
    }
    if (subresource === 'status') {
      // Status writes change only status (registry strategies' PrepareForUpdate for status). The
      // rest is old's own, shared: old was decoded for this write and is not handed out.
      return { ...old, metadata: { ...old.metadata }, status: owned ? body.status : structuredClone(body.status) };
    }
    const obj = owned ? body : structuredClone(body);
    obj.apiVersion = old.apiVersion;
    obj.kind = old.kind;
    const m = (obj.metadata ??= {});
    m.name = old.metadata.name;
    if (def.namespaced) m.namespace = old.metadata.namespace; else delete m.namespace;
    m.uid = old.metadata.uid;
    m.creationTimestamp = old.metadata.creationTimestamp;
    m.deletionTimestamp = old.metadata.deletionTimestamp;
    m.deletionGracePeriodSeconds = old.metadata.deletionGracePeriodSeconds;
    m.generation = old.metadata.generation;
    if (m.deletionTimestamp === undefined) delete m.deletionTimestamp;
    if (m.deletionGracePeriodSeconds === undefined) delete m.deletionGracePeriodSeconds;
    if (m.generation === undefined) delete m.generation;
    delete m.selfLink;
    if (def.statusSubresource) {
      if (old.status === undefined) delete obj.status; else obj.status = structuredClone(old.status);
    }
    return obj;
  }

  private async write(def: KindDef, old: KObject, revision: number, obj: KObject, opts: UpdateOptions): Promise<Written> {
    const name = old.metadata.name!;
    if (opts.subresource === 'finalize') {
      // nothing to default or validate: only finalizer names changed
    } else if (opts.subresource === 'status') {
      this.throwIfInvalid(def, obj, def.validateStatusUpdate?.(obj, old) ?? []);
    } else {
      def.defaults?.(obj);
      def.prepareForUpdate?.(obj, old);
      admitDefaultTolerationSeconds(def, obj, this.admission.defaultTolerationSeconds ?? defaultTolerationSeconds);
      if (def.hasGeneration && !isDeepStrictEqual(specOf(obj), specOf(old))) obj.metadata.generation = (old.metadata.generation ?? 0) + 1;
      this.throwIfInvalid(def, obj, def.validateUpdate?.(obj, old) ?? def.validate?.(obj) ?? []);
    }
    obj.metadata.resourceVersion = old.metadata.resourceVersion;
    // An object being deleted goes once its last finalizer is removed.
    const finalized = !!old.metadata.deletionTimestamp && !old.metadata.deletionGracePeriodSeconds
      && !(obj.metadata.finalizers?.length) && !this.specFinalizers(def, obj);
    if (!finalized && isDeepStrictEqual(obj, old)) return { obj: old }; // no-op: no new revision, as upstream
    if (opts.dryRun) return { obj };
    try {
      if (finalized) {
        await this.store.delete(objectKey(def, old.metadata.namespace, name), revision);
        return { obj };
      }
      return { kv: await this.store.update(objectKey(def, old.metadata.namespace, name), encode(def, obj), revision) };
    } catch (e) {
      if (e instanceof StoreError && (e.code === 'RevisionMismatch' || e.code === 'KeyNotFound')) throw conflict(gr(def), name);
      throw e;
    }
  }

  /** Namespaces also wait for spec.finalizers (the namespace controller's `kubernetes`). */
  private specFinalizers(def: KindDef, obj: KObject): boolean {
    if (def !== this.namespaceDef) return false;
    const spec = obj.spec as { finalizers?: string[] } | undefined;
    return !!spec?.finalizers?.length;
  }

  private throwIfInvalid(def: KindDef, obj: KObject, errs: FieldError[]): void {
    if (errs.length) throw invalid(def, obj.metadata.name ?? '', errs);
  }
}
