// Deletes objects whose owners are gone, and carries out the propagation policies that deletion
// left as finalizers: `orphan` (strip the owner reference from dependents, then let the owner go)
// and `foregroundDeletion` (delete dependents first, then the owner). Mirrors
// pkg/controller/garbagecollector/garbagecollector.go (attemptToDeleteItem, orphanDependents).
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { FOREGROUND_FINALIZER, ORPHAN_FINALIZER } from '../../apiserver/registry/deletion.js';
import type { LocalClient } from '../../client/local-client.js';
import { KeyQueue } from '../shared/key-queue.js';
import { OwnerGraph, type GraphNode } from './graph.js';

const isNotFound = (e: unknown) => (e as { reason?: string }).reason === 'NotFound';

/** Kinds the collector never tracks, as upstream's defaultIgnoredResources: events (core and events.k8s.io share storage). */
const ignored = (def: KindDef) => def.group === '' && def.kind === 'Event';

export class GarbageCollector {
  private graph = new OwnerGraph();
  private queue: KeyQueue;
  private watcher?: { stop(): void };

  constructor(private readonly client: LocalClient, private readonly log: (m: string) => void) {
    this.queue = new KeyQueue((uid) => this.process(uid), (uid, err) => this.log(`garbage collector: ${uid}: ${String(err)}`));
  }

  /** Builds the graph from every object, then follows changes; dangling dependents left while we were down are handled first. */
  async start(): Promise<void> {
    let revision = Infinity;
    const tracked = this.client.allKinds().filter((def) => !ignored(def));
    for (const def of tracked) {
      const rev = await this.client.forEachPage(def, (items) => { for (const obj of items) this.observe(def, obj); });
      revision = Math.min(revision, rev);
    }
    this.watcher = this.client.watchAll(revision, tracked, (def, ev) => {
      if (ev.type === 'DELETED') {
        for (const dep of this.graph.remove(ev.object.metadata.uid!)) this.queue.add(dep);
      } else {
        this.observe(def, ev.object);
      }
    });
  }

  stop(): void { this.watcher?.stop(); this.queue.stop(); }

  idle(): Promise<void> { return this.queue.idle(); }

  private observe(def: KindDef, obj: KObject): void {
    const node = this.graph.upsert(def, obj);
    const ownerWork = node.deleting && (node.finalizers.includes(ORPHAN_FINALIZER) || node.finalizers.includes(FOREGROUND_FINALIZER));
    if (node.owners.length || ownerWork) this.queue.add(node.uid);
    // An owner that changed may unblock its foreground-deleting owner.
    for (const o of node.owners) if (this.graph.nodes.get(o.uid)?.deleting) this.queue.add(o.uid);
  }

  private async process(uid: string): Promise<void> {
    const node = this.graph.nodes.get(uid);
    if (!node) return;
    if (node.deleting && node.finalizers.includes(ORPHAN_FINALIZER)) return this.orphanDependents(node);
    if (node.deleting && node.finalizers.includes(FOREGROUND_FINALIZER)) return this.deleteDependentsFirst(node);
    if (node.owners.length) return this.checkOwners(node);
  }

  private async orphanDependents(owner: GraphNode): Promise<void> {
    for (const dep of this.graph.dependents(owner.uid)) {
      await this.ignoreNotFound(this.client.mutate(dep.def, dep.namespace, dep.name, (cur) => {
        const refs = (cur.metadata.ownerReferences ?? []).filter((r) => r.uid !== owner.uid);
        if (refs.length) cur.metadata.ownerReferences = refs; else delete cur.metadata.ownerReferences;
        return cur;
      }));
    }
    await this.removeFinalizer(owner, ORPHAN_FINALIZER);
  }

  private async deleteDependentsFirst(owner: GraphNode): Promise<void> {
    const deps = this.graph.dependents(owner.uid);
    for (const dep of deps) {
      if (!dep.deleting) await this.ignoreNotFound(this.client.delete(dep.def, dep.namespace, dep.name, { propagationPolicy: 'Foreground' }));
    }
    // Only dependents that block their owner's deletion hold it back, as upstream.
    const blocking = deps.filter((d) => d.owners.some((o) => o.uid === owner.uid && o.blockOwnerDeletion));
    if (blocking.length === 0) await this.removeFinalizer(owner, FOREGROUND_FINALIZER);
  }

  private async checkOwners(node: GraphNode): Promise<void> {
    const dangling: string[] = [];
    let waitingOnForeground = false;
    for (const ref of node.owners) {
      const state = await this.ownerState(node, ref);
      if (state === 'absent') dangling.push(ref.uid);
      if (state === 'foreground') waitingOnForeground = true;
    }
    if (dangling.length === 0 || waitingOnForeground) return;
    if (dangling.length === node.owners.length) {
      if (!node.deleting) await this.ignoreNotFound(this.client.delete(node.def, node.namespace, node.name, { propagationPolicy: 'Background' }));
      return;
    }
    await this.ignoreNotFound(this.client.mutate(node.def, node.namespace, node.name, (cur) => {
      cur.metadata.ownerReferences = (cur.metadata.ownerReferences ?? []).filter((r) => !dangling.includes(r.uid));
      return cur;
    }));
  }

  /** Looks the owner up by name, as upstream does, so a recreated owner with a new uid counts as gone. */
  private async ownerState(node: GraphNode, ref: { apiVersion: string; kind: string; name: string; uid: string }): Promise<'present' | 'absent' | 'foreground' | 'unknown'> {
    const known = this.graph.nodes.get(ref.uid);
    if (known) return known.deleting && known.finalizers.includes(FOREGROUND_FINALIZER) ? 'foreground' : 'present';
    const group = ref.apiVersion.includes('/') ? ref.apiVersion.split('/')[0]! : '';
    let def: KindDef;
    try { def = this.client.kind(group, ref.kind); } catch { return 'unknown'; }
    try {
      const owner = await this.client.get(def, def.namespaced ? node.namespace : undefined, ref.name);
      return owner.metadata.uid === ref.uid ? 'present' : 'absent';
    } catch (e) {
      if (isNotFound(e)) return 'absent';
      throw e;
    }
  }

  private async removeFinalizer(node: GraphNode, finalizer: string): Promise<void> {
    await this.ignoreNotFound(this.client.mutate(node.def, node.namespace, node.name, (cur) => {
      const f = (cur.metadata.finalizers ?? []).filter((x) => x !== finalizer);
      if (f.length) cur.metadata.finalizers = f; else delete cur.metadata.finalizers;
      return cur;
    }));
  }

  private async ignoreNotFound<T>(p: Promise<T>): Promise<T | undefined> {
    try { return await p; } catch (e) { if (isNotFound(e)) return undefined; throw e; }
  }
}
