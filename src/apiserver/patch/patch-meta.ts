// What strategic merge patch needs from the schema: the `x-kubernetes-patch-strategy` and
// `x-kubernetes-patch-merge-key` of a field, and the model one level down. The caller injects it
// (normally src/api/schema/patch-meta.ts); tests pass a small fake.

export interface FieldPatchMeta {
  /** `merge`, `replace`, `retainKeys` or `merge,retainKeys`; absent means replace for lists, merge for maps. */
  strategy?: string;
  mergeKey?: string;
}

export interface PatchMetaSource {
  patchMeta(model: string, field: string): FieldPatchMeta | undefined;
  /**
   * The model of `field`'s value: for an object field its model, for a list its element model (e.g.
   * `V1PodSpec` + `containers` → `V1Container`); undefined for scalars, string maps and unknown fields.
   */
  childModel(model: string, field: string): string | undefined;
}

export interface PatchContext {
  /** The kind's top-level model, KindDef.model (e.g. `V1Pod`). */
  model: string;
  meta: PatchMetaSource;
}

/** A position in the schema while walking an object; `model` undefined means no metadata below. */
export interface SchemaCursor {
  model: string | undefined;
  meta: PatchMetaSource;
}

export interface ResolvedField {
  /** `merge`, `replace` or '' (extractRetainKeysPatchStrategy drops `retainKeys`). */
  strategy: string;
  mergeKey: string;
  child: SchemaCursor;
}

export function resolveField(at: SchemaCursor, field: string): ResolvedField {
  if (at.model === undefined) return { strategy: '', mergeKey: '', child: at };
  const pm = at.meta.patchMeta(at.model, field);
  const strategies = (pm?.strategy ?? '').split(',').filter((s) => s !== '' && s !== 'retainKeys');
  return { strategy: strategies[0] ?? '', mergeKey: pm?.mergeKey ?? '', child: { model: at.meta.childModel(at.model, field), meta: at.meta } };
}
