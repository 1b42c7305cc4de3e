// Namespace lifecycle: every namespace gets its `default` ServiceAccount (the serviceaccounts
// controller's job upstream), and a namespace being deleted has its contents deleted before its
// `kubernetes` finalizer is removed (pkg/controller/namespace/deletion).
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import type { LocalClient } from '../../client/local-client.js';
import { KeyQueue } from '../shared/key-queue.js';

const RECHECK_MS = 1000; // while contents are still terminating

export class NamespaceController {
  private queue: KeyQueue;
  private watcher?: { stop(): void };
  private readonly nsDef: KindDef;
  private readonly saDef: KindDef;

  constructor(private readonly client: LocalClient, private readonly log: (m: string) => void) {
    this.nsDef = client.kind('', 'Namespace');
    this.saDef = client.kind('', 'ServiceAccount');
    this.queue = new KeyQueue((name) => this.sync(name), (name, err) => this.log(`namespace controller: ${name}: ${String(err)}`));
  }

  async start(): Promise<void> {
    const { items, revision } = await this.client.list(this.nsDef);
    for (const ns of items) this.queue.add(ns.metadata.name!);
    this.watcher = this.client.watch(this.nsDef, undefined, { fromRevision: revision }, (ev) => { if (ev.type !== 'DELETED') this.queue.add(ev.object.metadata.name!); });
  }

  stop(): void { this.watcher?.stop(); this.queue.stop(); }

  idle(): Promise<void> { return this.queue.idle(); }

  private async sync(name: string): Promise<void> {
    let ns: KObject;
    try { ns = await this.client.get(this.nsDef, undefined, name); } catch { return; }
    if (ns.metadata.deletionTimestamp) return this.finalize(ns);
    await this.ensureDefaultServiceAccount(name);
  }

  private async ensureDefaultServiceAccount(namespace: string): Promise<void> {
    try {
      await this.client.create(this.saDef, { apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name: 'default', namespace } });
    } catch (e) {
      const reason = (e as { reason?: string }).reason;
      if (reason !== 'AlreadyExists' && reason !== 'Forbidden') throw e;
    }
  }

  private async countContents(namespace: string): Promise<number> {
    let n = 0;
    for (const def of this.client.allKinds()) if (def.namespaced) n += (await this.client.list(def, namespace)).items.length;
    return n;
  }

  private async finalize(ns: KObject): Promise<void> {
    const name = ns.metadata.name!;
    let remaining = 0;
    for (const def of this.client.allKinds()) {
      if (!def.namespaced) continue;
      const { items } = await this.client.list(def, name);
      for (const obj of items) {
        remaining++;
        if (obj.metadata.deletionTimestamp) continue;
        try { await this.client.delete(def, name, obj.metadata.name!, { propagationPolicy: 'Background' }); } catch (e) {
          if ((e as { reason?: string }).reason !== 'NotFound') throw e;
        }
      }
    }
    // Most objects go at once; only those held by finalizers or graceful deletion need a later look.
    if (remaining > 0 && (await this.countContents(name)) > 0) { this.queue.addAfter(name, RECHECK_MS); return; }
    await this.client.registry.guaranteedUpdate(this.nsDef, undefined, name, (cur) => {
      const spec = (cur.spec ?? {}) as { finalizers?: string[] };
      cur.spec = { ...spec, finalizers: (spec.finalizers ?? []).filter((f) => f !== 'kubernetes') };
      return cur;
    }, { subresource: 'finalize' });
  }
}
