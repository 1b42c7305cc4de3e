// What wakes a DaemonSet (daemon_controller.go add/update/delete of daemon sets, pods, histories and
// nodes): handlers only enqueue keys and note observed creations and deletions for expectations.
import type { Node, Pod } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../api/object.js';
import { controllerRef } from '../../api/meta/owners.js';
import { isEverything, labelSelectorAsSelector, matches } from '../../api/meta/label-selector.js';
import { objectKey, type Informer } from '../../client/informer.js';
import type { WorkQueue } from '../../client/workqueue.js';
import type { Expectations } from '../shared/expectations.js';
import type { DaemonSetObject } from './daemon-control.js';
import { nodeShouldRunDaemonPod } from './node-fit.js';
import { isPodReady } from './pod-state.js';

export const DS_BY_NAMESPACE = 'namespace';

type Ref = { kind: string; name: string; uid: string } | undefined;
const labelsEqual = (a: KObject, b: KObject) => JSON.stringify(a.metadata.labels ?? {}) === JSON.stringify(b.metadata.labels ?? {});

export class DaemonSetHandlers {
  constructor(
    private readonly daemonSets: Informer<DaemonSetObject>,
    private readonly queue: WorkQueue,
    private readonly expectations: Expectations,
  ) {}

  /** resolveControllerRef: a DaemonSet of that name whose uid matches. */
  resolve(namespace: string | undefined, ref: Ref): DaemonSetObject | undefined {
    if (!ref || ref.kind !== 'DaemonSet') return undefined;
    const ds = this.daemonSets.get(`${namespace ?? 'default'}/${ref.name}`);
    return ds && ds.metadata.uid === ref.uid ? ds : undefined;
  }

  /** GetPodDaemonSets / GetHistoryDaemonSets: DaemonSets of the namespace whose selector matches. */
  private matching(o: KObject): DaemonSetObject[] {
    return this.daemonSets.byIndex(DS_BY_NAMESPACE, o.metadata.namespace ?? 'default').filter((ds) => {
      try {
        const sel = labelSelectorAsSelector(ds.spec?.selector);
        return !isEverything(sel) && matches(sel, o.metadata.labels);
      } catch { return false; }
    });
  }

  private enqueue(ds: KObject | undefined): void { if (ds) this.queue.add(objectKey(ds)); }

  daemonSetDeleted(ds: KObject): void {
    const key = objectKey(ds);
    this.expectations.forget(key); // a recreated DaemonSet of the same name starts clean
    this.queue.add(key);
  }

  podAdded(p: KObject & Pod): void {
    if (p.metadata.deletionTimestamp) return this.podDeleted(p); // seen already terminating: not a creation
    const ref = controllerRef(p);
    if (ref) {
      const ds = this.resolve(p.metadata.namespace, ref);
      if (!ds) return;
      this.expectations.creationObserved(objectKey(ds));
      this.enqueue(ds);
      return;
    }
    this.matching(p).forEach((ds) => this.enqueue(ds));
  }

  podUpdated(old: KObject & Pod, cur: KObject & Pod): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return; // a resync
    if (cur.metadata.deletionTimestamp) return this.podDeleted(cur); // replace it now, not when the kubelet is done
    const curRef = controllerRef(cur);
    const oldRef = controllerRef(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) this.enqueue(this.resolve(old.metadata.namespace, oldRef));
    if (curRef) {
      const ds = this.resolve(cur.metadata.namespace, curRef);
      if (!ds) return;
      this.enqueue(ds);
      // Ready now, available minReadySeconds later: look again then (+1 s for clock skew, as upstream).
      const minReady = ds.spec?.minReadySeconds ?? 0;
      if (!isPodReady(old) && isPodReady(cur) && minReady > 0) this.queue.addAfter(objectKey(ds), (minReady + 1) * 1000);
      return;
    }
    if (labelsEqual(old, cur) && !refChanged) return;
    this.matching(cur).forEach((ds) => this.enqueue(ds));
  }

  podDeleted(p: KObject): void {
    const ds = this.resolve(p.metadata.namespace, controllerRef(p));
    if (!ds) return; // nobody waits for an orphan's deletion
    this.expectations.deletionObserved(objectKey(ds));
    this.enqueue(ds);
  }

  historyAdded(h: KObject): void {
    if (h.metadata.deletionTimestamp) return this.historyDeleted(h);
    const ref = controllerRef(h);
    if (ref) return; // a controlled revision's owner learns of it when it constructs history
    this.matching(h).forEach((ds) => this.enqueue(ds));
  }

  historyUpdated(old: KObject, cur: KObject): void {
    if (old.metadata.resourceVersion === cur.metadata.resourceVersion) return;
    const curRef = controllerRef(cur);
    const oldRef = controllerRef(old);
    const refChanged = JSON.stringify(curRef) !== JSON.stringify(oldRef);
    if (refChanged && oldRef) this.enqueue(this.resolve(old.metadata.namespace, oldRef));
    if (curRef) return this.enqueue(this.resolve(cur.metadata.namespace, curRef));
    if (!labelsEqual(old, cur) || refChanged) this.matching(cur).forEach((ds) => this.enqueue(ds));
  }

  historyDeleted(h: KObject): void {
    this.enqueue(this.resolve(h.metadata.namespace, controllerRef(h)));
  }

  nodeAdded(n: Node): void {
    for (const ds of this.daemonSets.list()) if (nodeShouldRunDaemonPod(n, ds).shouldRun) this.enqueue(ds);
  }

  /** updateNode: only DaemonSets whose verdict for the node changed (heartbeats change none). */
  nodeUpdated(old: Node, cur: Node): void {
    for (const ds of this.daemonSets.list()) {
      const a = nodeShouldRunDaemonPod(old, ds);
      const b = nodeShouldRunDaemonPod(cur, ds);
      if (a.shouldRun !== b.shouldRun || a.shouldContinueRunning !== b.shouldContinueRunning) this.enqueue(ds);
    }
  }

  /**
   * Upstream has no node-delete handler (pod GC deletes the node's pods, which wakes the DaemonSet);
   * re-counting at once keeps DESIRED right even where pods linger.
   */
  nodeDeleted(): void {
    for (const ds of this.daemonSets.list()) this.enqueue(ds);
  }
}
