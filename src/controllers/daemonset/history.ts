// ControllerRevisions of a DaemonSet (update.go constructHistory, Match, getPatch, snapshot,
// dedupCurHistories, cleanupHistory). A revision stores the template as a strategic-merge patch that
// replaces spec.template; the one whose data equals the DaemonSet's current patch is current, its
// controller-revision-hash label is the hash new pods get. Pure.
import type { ControllerRevision, DaemonSet } from 'kubernetes-types/apps/v1.js';
import type { OwnerReference } from 'kubernetes-types/meta/v1.js';
import { canonicalJson, computeHash } from './hash.js';
import { HASH_LABEL } from './pod-template.js';

/** getPatch: {"spec":{"template":{...,"$patch":"replace"}}}. */
export function revisionData(ds: DaemonSet): Record<string, unknown> {
  return { spec: { template: { ...structuredClone(ds.spec?.template ?? {}), $patch: 'replace' } } };
}

/** Match: byte equality upstream; here equality of the canonical (sorted-key) JSON. */
export const matchesRevision = (ds: DaemonSet, cr: ControllerRevision) => canonicalJson(cr.data ?? null) === canonicalJson(revisionData(ds));

export interface History {
  /** Revisions whose data is the current template (more than one only after a race); highest revision first. */
  current: ControllerRevision[];
  old: ControllerRevision[];
  /** The revision number the current one must have: one above every old one. */
  nextRevision: number;
}

export function classifyHistory(ds: DaemonSet, revisions: readonly ControllerRevision[]): History {
  const current: ControllerRevision[] = [];
  const old: ControllerRevision[] = [];
  for (const r of revisions) (matchesRevision(ds, r) ? current : old).push(r);
  current.sort((a, b) => (b.revision ?? 0) - (a.revision ?? 0));
  return { current, old, nextRevision: Math.max(0, ...old.map((r) => r.revision ?? 0)) + 1 };
}

/** snapshot: the revision to create for the current template, named `<ds>-<hash>`. */
export function newRevision(ds: DaemonSet, revision: number, owner: OwnerReference): ControllerRevision {
  const hash = computeHash(ds.spec?.template, ds.status?.collisionCount);
  return {
    apiVersion: 'apps/v1', kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata?.name}-${hash}`,
      namespace: ds.metadata?.namespace,
      labels: { ...ds.spec?.template?.metadata?.labels, [HASH_LABEL]: hash },
      ...(ds.metadata?.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [owner],
    },
    data: revisionData(ds),
    revision,
  };
}

/** cleanupHistory: beyond revisionHistoryLimit, the oldest old revisions no live pod still carries. */
export function revisionsToPrune(old: readonly ControllerRevision[], limit: number, liveHashes: ReadonlySet<string>): string[] {
  let toKill = old.length - limit;
  if (toKill <= 0) return [];
  const out: string[] = [];
  for (const r of [...old].sort((a, b) => (a.revision ?? 0) - (b.revision ?? 0))) {
    if (toKill <= 0) break;
    if (liveHashes.has(r.metadata?.labels?.[HASH_LABEL] ?? '')) continue;
    out.push(r.metadata!.name!);
    toKill--;
  }
  return out;
}
