// The scale subresource (autoscaling/v1 Scale) for kinds with replicas: what `kubectl scale` uses.
import { badRequest, invalid } from '../../api/errors.js';
import type { KindDef } from '../../api/kind.js';
import type { KObject } from '../../api/object.js';
import { readBody, decodeText, mediaKind } from '../http/body.js';
import { sendJSON } from '../http/respond.js';
import { applyPatch } from '../patch/index.js';
import { dryRun, schemaPatchMeta } from './write.js';
import type { ResourceRequest } from './context.js';

function at(obj: unknown, path: string[]): unknown {
  return path.reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), obj);
}

function setAt(obj: Record<string, unknown>, path: string[], v: unknown): void {
  let o = obj;
  for (const k of path.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[path.at(-1)!] = v;
}

export function toScale(def: KindDef, obj: KObject): object {
  const s = def.scale!;
  const m = obj.metadata;
  return {
    kind: 'Scale', apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: (at(obj, s.specReplicasPath) as number | undefined) ?? 0 },
    status: { replicas: (at(obj, s.statusReplicasPath) as number | undefined) ?? 0, selector: s.selector(obj) },
  };
}

const scaleKind = { group: 'autoscaling', kind: 'Scale' };

export async function scaleRequest(r: ResourceRequest): Promise<void> {
  const { def, ctx } = r;
  const method = r.req.method!;
  if (method === 'GET') {
    sendJSON(r.res, 200, toScale(def, await ctx.registry.get(def, r.path.namespace, r.path.name!)));
    return;
  }
  const dry = dryRun(r.url); // kubectl scale --dry-run=server: answered as if scaled, nothing stored
  const raw = await readBody(r.req);
  const updated = await ctx.registry.guaranteedUpdate(def, r.path.namespace, r.path.name!, (cur) => {
    const current = toScale(def, cur) as KObject;
    let scale: KObject;
    if (method === 'PUT') {
      const media = mediaKind(r.req.headers['content-type']);
      if (media === 'protobuf') throw badRequest('protobuf Scale bodies are not supported; send JSON');
      scale = decodeText(raw, media, 'Scale').obj as KObject;
      const rv = scale.metadata?.resourceVersion;
      if (rv && rv !== cur.metadata.resourceVersion) cur.metadata.resourceVersion = rv; // lets the registry report the conflict
    } else {
      const ct = (r.req.headers['content-type'] ?? '').split(';')[0]!.trim();
      scale = applyPatch(ct, current, raw.toString('utf8'), { model: 'V1Scale', meta: schemaPatchMeta }) as KObject;
    }
    const replicas = (scale.spec as { replicas?: unknown } | undefined)?.replicas;
    if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
      throw invalid(scaleKind, r.path.name!, [{ type: 'FieldValueInvalid', field: 'spec.replicas', value: replicas, detail: 'must be greater than or equal to 0' }]);
    }
    setAt(cur as Record<string, unknown>, def.scale!.specReplicasPath, replicas);
    return cur;
  }, { dryRun: dry });
  sendJSON(r.res, 200, toScale(def, updated));
}
