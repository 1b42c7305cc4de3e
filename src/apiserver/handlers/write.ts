// POST (create), PUT (update) and PATCH, for a resource or its status subresource.
import { badRequest, methodNotSupported } from '../../api/errors.js';
import type { KObject } from '../../api/object.js';
import { childModel, patchMeta } from '../../api/schema/patch-meta.js';
import { applyPatch, createsWhenMissing, validatePatchOptions } from '../patch/index.js';
import { readBody } from '../http/body.js';
import { sendJSON } from '../http/respond.js';
import { decodeWritten, rawObjectJson, type Written } from '../registry/stored-form.js';
import { groupResource, type ResourceRequest } from './context.js';
import { checkDecoded, decodeObject, fieldValidation } from './decode-object.js';

export const schemaPatchMeta = { patchMeta, childModel };

/** `?dryRun=All`: validate and answer, persist nothing; any other value is refused. */
export function dryRun(url: URL): boolean {
  const v = url.searchParams.getAll('dryRun');
  for (const d of v) if (d !== 'All') throw badRequest(`Invalid dry run value: ${d}`);
  return v.length > 0;
}

function warn(r: ResourceRequest, warnings: string[]): void {
  if (warnings.length) r.res.setHeader('Warning', warnings.map((w) => `299 - ${JSON.stringify(w)}`));
}

function subresource(r: ResourceRequest): 'status' | undefined {
  const s = r.path.subresource;
  if (!s) return undefined;
  if (s === 'status' && r.def.statusSubresource) return 'status';
  throw methodNotSupported(groupResource(r.def), r.req.method!.toLowerCase());
}

export async function createObject(r: ResourceRequest): Promise<void> {
  const { obj, warnings } = await decodeObject(r);
  const created = await r.ctx.registry.createStored(r.def, r.path.namespace, obj, { dryRun: dryRun(r.url), owned: true });
  warn(r, warnings);
  sendWritten(r, 201, created);
}

/** A write's answer: a stored version goes out as stored (with its resourceVersion), not parsed and re-serialised. */
function sendWritten(r: ResourceRequest, code: number, w: Written): void {
  sendJSON(r.res, code, ('kv' in w ? rawObjectJson(r.def, w.kv) : undefined) ?? decodeWritten(w, r.def));
}

export async function updateObject(r: ResourceRequest): Promise<void> {
  const sub = subresource(r);
  const { obj, warnings } = await decodeObject(r);
  const updated = await r.ctx.registry.updateStored(r.def, r.path.namespace, r.path.name!, obj, { subresource: sub, dryRun: dryRun(r.url), owned: true });
  warn(r, warnings);
  sendWritten(r, 200, updated);
}

export async function patchObject(r: ResourceRequest): Promise<void> {
  const sub = subresource(r);
  const validation = fieldValidation(r.url);
  const contentType = (r.req.headers['content-type'] ?? '').split(';')[0]!.trim();
  const body = (await readBody(r.req)).toString('utf8');
  const dry = dryRun(r.url);
  const q = r.url.searchParams;
  const optsErr = validatePatchOptions(contentType, { fieldManager: q.get('fieldManager') ?? undefined, force: q.get('force') ?? undefined });
  if (optsErr) throw optsErr;
  let warnings: string[] = [];
  const mutate = (cur: KObject): KObject => {
    const patched = applyPatch(contentType, cur, body, { model: r.def.model, meta: schemaPatchMeta }) as KObject;
    warnings = checkDecoded(r.def, patched as Record<string, unknown>, validation);
    return patched;
  };
  try {
    const updated = await r.ctx.registry.guaranteedUpdate(r.def, r.path.namespace, r.path.name!, mutate, { subresource: sub, dryRun: dry });
    warn(r, warnings);
    sendJSON(r.res, 200, updated);
  } catch (e) {
    // Server-side apply creates what does not exist yet.
    const notFound = (e as { reason?: string }).reason === 'NotFound';
    if (!notFound || !createsWhenMissing(contentType) || sub) throw e;
    const fresh = mutate({ apiVersion: undefined, kind: undefined, metadata: { name: r.path.name, namespace: r.path.namespace } });
    const created = await r.ctx.registry.create(r.def, r.path.namespace, fresh, { dryRun: dry });
    warn(r, warnings);
    sendJSON(r.res, 201, created);
  }
}
