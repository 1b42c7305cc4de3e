// POST pods/<name>/binding (and the older POST bindings): what the scheduler calls to place a pod.
import { badRequest, invalid } from '../../api/errors.js';
import { bindPod } from '../registry/binding.js';
import { decodeText, mediaKind, readBody } from '../http/body.js';
import { sendJSON } from '../http/respond.js';
import type { ResourceRequest } from './context.js';

export async function createBinding(r: ResourceRequest, podName: string | undefined): Promise<void> {
  const media = mediaKind(r.req.headers['content-type']);
  if (media === 'protobuf') throw badRequest('protobuf Binding bodies are not supported; send JSON');
  const { obj } = decodeText(await readBody(r.req), media, 'Binding');
  const meta = (obj.metadata ?? {}) as { name?: string };
  const target = (obj.target ?? {}) as { kind?: string; name?: string };
  const name = podName ?? meta.name;
  if (!name) throw invalid({ group: '', kind: 'Binding' }, '', [{ type: 'FieldValueRequired', field: 'metadata.name', detail: 'name or generateName is required' }]);
  if (podName && meta.name && meta.name !== podName) throw badRequest(`the name of the object (${meta.name}) does not match the name on the URL (${podName})`);
  if (!target.name || (target.kind && target.kind !== 'Node')) {
    throw invalid({ group: '', kind: 'Binding' }, name, [{ type: 'FieldValueRequired', field: 'target.name', detail: '' }]);
  }
  await bindPod(r.ctx.registry, r.ctx.discovery.findKind('', 'v1', 'pods')!, r.path.namespace!, name, target.name);
  sendJSON(r.res, 201, { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 201 });
}
