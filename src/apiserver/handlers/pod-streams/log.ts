// GET pods/<name>/log: validates PodLogOptions, picks the container, and streams the kubelet's answer
// as text/plain (pkg/registry/core/pod/rest/log.go and strategy.go LogLocation; the body is copied
// as it arrives, so `follow` lines reach the client at once, as LocationStreamer flushes).
import type { Readable } from 'node:stream';
import { badRequest, forbiddenField, invalid, invalidValue, type FieldError } from '../../../api/errors.js';
import type { LogOptions, NodeConnections } from '../../../node/connection.js';
import type { ResourceRequest } from '../context.js';
import { queryBool, queryInt, readPod, validateContainer } from './target.js';

/** RFC 3339 as Go's time.Parse(time.RFC3339) accepts it. */
const RFC3339 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})$/;

export function parseLogOptions(q: URLSearchParams, name: string): Omit<LogOptions, 'container'> & { container: string } {
  const sinceTime = q.get('sinceTime') ?? undefined;
  if (sinceTime !== undefined && !RFC3339.test(sinceTime)) {
    throw badRequest(`parsing time ${JSON.stringify(sinceTime)} as "2006-01-02T15:04:05Z07:00": cannot parse ${JSON.stringify(sinceTime)} as "2006"`);
  }
  const opts = {
    container: q.get('container') ?? '',
    follow: queryBool(q, 'follow'),
    previous: queryBool(q, 'previous'),
    timestamps: queryBool(q, 'timestamps'),
    tailLines: queryInt(q, 'tailLines'),
    sinceSeconds: queryInt(q, 'sinceSeconds'),
    limitBytes: queryInt(q, 'limitBytes'),
    // metav1.Time keeps whole seconds in UTC.
    sinceTime: sinceTime === undefined ? undefined : new Date(Date.parse(sinceTime)).toISOString().replace(/\.\d{3}Z$/, 'Z'),
  };
  const errs: FieldError[] = [];
  if (opts.tailLines !== undefined && opts.tailLines < 0) errs.push(invalidValue('tailLines', opts.tailLines, 'must be greater than or equal to 0'));
  if (opts.limitBytes !== undefined && opts.limitBytes < 1) errs.push(invalidValue('limitBytes', opts.limitBytes, 'must be greater than 0'));
  if (opts.sinceSeconds !== undefined && opts.sinceTime !== undefined) errs.push(forbiddenField('', 'at most one of `sinceTime` or `sinceSeconds` may be specified'));
  else if (opts.sinceSeconds !== undefined && opts.sinceSeconds < 1) errs.push(invalidValue('sinceSeconds', opts.sinceSeconds, 'must be greater than 0'));
  if (errs.length) throw invalid({ group: '', kind: 'PodLogOptions' }, name, errs);
  return opts;
}

export async function podLog(r: ResourceRequest, nodes: NodeConnections | undefined): Promise<void> {
  const name = r.path.name!;
  const namespace = r.path.namespace!;
  const parsed = parseLogOptions(r.url.searchParams, name);
  const pod = await readPod(r.ctx.registry, r.def, namespace, name);
  const container = validateContainer(pod, parsed.container);
  const nodeName = pod.spec?.nodeName;
  let body: Readable | undefined;
  // As LogLocation: a pod not yet on a node has no log location, and the answer is an empty body.
  if (nodeName) {
    if (!nodes) throw badRequest(`no connection to node ${nodeName}`);
    const conn = await nodes.forNode(nodeName);
    body = await conn.logs(namespace, name, { ...parsed, container });
  }
  r.res.writeHead(200, { 'Content-Type': 'text/plain', 'Cache-Control': 'no-cache, private', 'Transfer-Encoding': 'chunked' });
  if (!body) { r.res.end(); return; }
  const src = body;
  r.res.on('close', () => src.destroy());
  src.on('error', () => r.res.destroy());
  src.pipe(r.res);
}
