// The NamespaceLifecycle admission plugin (plugin/pkg/admission/namespace/lifecycle): nothing new in
// a namespace that does not exist or is being deleted. As upstream, from a cache kept current by a
// watch (a database read per pod and event create was the cost), with a live read for a namespace
// not seen yet, so one created a moment ago is never refused.
import { forbidden, notFound } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { Store } from '../../store/store.js';
import { objectKey, resourcePrefix } from '../registry/keys.js';
import { decodeKV } from '../registry/stored-form.js';

export class NamespaceLifecycle {
  /** Whether each namespace seen is terminating. */
  private readonly terminating = new Map<string, boolean>();

  constructor(private readonly store: Store, private readonly namespaceDef: KindDef) {
    const prefix = resourcePrefix(namespaceDef);
    store.watch(prefix, store.revision(), (ev) => {
      const ns = ev.key.slice(prefix.length);
      if (ev.type === 'DELETE') this.terminating.delete(ns);
      else this.terminating.set(ns, !!decodeKV(ev.kv).metadata.deletionTimestamp);
    });
  }

  /** Throws NotFound for a missing namespace, Forbidden (with the NamespaceTerminating cause) for a terminating one. */
  async admitCreate(namespace: string, def: KindDef, name: string): Promise<void> {
    if (await this.isTerminating(namespace)) {
      const err = forbidden({ group: def.group, resource: def.plural }, name, `unable to create new content in namespace ${namespace} because it is being terminated`);
      // The cause controllers look for (v1.NamespaceTerminatingCause) to stop retrying quietly.
      err.details!.causes = [{ reason: 'NamespaceTerminating', message: `namespace ${namespace} is being terminated`, field: 'metadata.namespace' }];
      throw err;
    }
  }

  private async isTerminating(namespace: string): Promise<boolean> {
    const known = this.terminating.get(namespace);
    if (known !== undefined) return known;
    const kv = await this.store.get(objectKey(this.namespaceDef, undefined, namespace));
    if (!kv) throw notFound({ group: '', resource: 'namespaces' }, namespace);
    const terminating = !!decodeKV(kv).metadata.deletionTimestamp;
    this.terminating.set(namespace, terminating);
    return terminating;
  }
}
