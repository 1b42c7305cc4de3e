// DELETE of one object and of a collection (deletecollection), with DeleteOptions from the body
// or the query, as kubectl and client libraries send them.
import { badRequest } from '../../api/errors.js';
import { readBody } from '../http/body.js';
import { sendJSON } from '../http/respond.js';
import { deleteObject, type DeleteOptions } from '../registry/deletion.js';
import type { ResourceRequest } from './context.js';
import { listObjects } from './read.js';

async function deleteOptions(r: ResourceRequest): Promise<DeleteOptions> {
  const buf = await readBody(r.req);
  let opts: DeleteOptions = {};
  if (buf.length) {
    try { opts = JSON.parse(buf.toString('utf8')) as DeleteOptions; } catch { throw badRequest('the body of the request was not valid DeleteOptions'); }
    if (typeof opts !== 'object' || opts === null) throw badRequest('the body of the request was not valid DeleteOptions');
  }
  const q = r.url.searchParams;
  const pp = q.get('propagationPolicy');
  if (pp) opts.propagationPolicy = pp as DeleteOptions['propagationPolicy'];
  const gp = q.get('gracePeriodSeconds');
  if (gp !== null) {
    const n = Number(gp);
    if (!Number.isInteger(n)) throw badRequest(`invalid value for gracePeriodSeconds: ${gp}`);
    opts.gracePeriodSeconds = n;
  }
  const od = q.get('orphanDependents');
  if (od !== null) opts.orphanDependents = od === 'true';
  if (q.getAll('dryRun').length) opts.dryRun = q.getAll('dryRun');
  return opts;
}

export async function deleteOne(r: ResourceRequest): Promise<void> {
  const opts = await deleteOptions(r);
  const result = await deleteObject(r.ctx.registry, r.def, r.path.namespace, r.path.name!, opts);
  // 202 only when the object stays and the client asked for cascading with orphanDependents=false
  // (handlers/delete.go keeps 200 otherwise, even for graceful and finalizer-held deletions).
  sendJSON(r.res, !result.gone && opts.orphanDependents === false ? 202 : 200, result.object);
}

export async function deleteCollection(r: ResourceRequest): Promise<void> {
  const opts = await deleteOptions(r);
  const page = await listObjects(r);
  const deleted = [];
  for (const obj of page.items) {
    try {
      deleted.push((await deleteObject(r.ctx.registry, r.def, obj.metadata.namespace, obj.metadata.name!, opts)).object);
    } catch (e) {
      if ((e as { reason?: string }).reason !== 'NotFound') throw e;
    }
  }
  const items = deleted.map(({ apiVersion: _a, kind: _k, ...rest }) => rest);
  sendJSON(r.res, 200, { kind: r.def.listKind, apiVersion: r.def.group ? `${r.def.group}/${r.def.version}` : r.def.version, metadata: { resourceVersion: String(r.ctx.registry.store.revision()) }, items });
}
