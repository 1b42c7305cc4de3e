// The garbage collector's view of ownership: every object's uid, its owners, and who depends on it
// (as pkg/controller/garbagecollector/graph.go keeps it), updated from the watch stream.
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';

export interface GraphNode {
  def: KindDef;
  namespace?: string;
  name: string;
  uid: string;
  owners: OwnerReference[];
  deleting: boolean;
  finalizers: string[];
}

export class OwnerGraph {
  readonly nodes = new Map<string, GraphNode>();
  private dependentsOf = new Map<string, Set<string>>();

  /** Records the object; returns the node. */
  upsert(def: KindDef, obj: KObject): GraphNode {
    const uid = obj.metadata.uid!;
    const old = this.nodes.get(uid);
    if (old) for (const o of old.owners) this.dependentsOf.get(o.uid)?.delete(uid);
    const node: GraphNode = {
      def, namespace: obj.metadata.namespace, name: obj.metadata.name!, uid,
      owners: [...(obj.metadata.ownerReferences ?? [])],
      deleting: !!obj.metadata.deletionTimestamp,
      finalizers: [...(obj.metadata.finalizers ?? [])],
    };
    this.nodes.set(uid, node);
    for (const o of node.owners) {
      if (!this.dependentsOf.has(o.uid)) this.dependentsOf.set(o.uid, new Set());
      this.dependentsOf.get(o.uid)!.add(uid);
    }
    return node;
  }

  /** Forgets the object; returns the uids of its dependents (which may now be orphans). */
  remove(uid: string): string[] {
    const node = this.nodes.get(uid);
    if (node) for (const o of node.owners) this.dependentsOf.get(o.uid)?.delete(uid);
    this.nodes.delete(uid);
    return [...(this.dependentsOf.get(uid) ?? [])];
  }

  dependents(uid: string): GraphNode[] {
    return [...(this.dependentsOf.get(uid) ?? [])].map((d) => this.nodes.get(d)).filter((n): n is GraphNode => !!n);
  }
}
