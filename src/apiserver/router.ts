// Dispatches an authenticated API request: discovery, OpenAPI, health, then the resource verbs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { methodNotSupported, notAcceptable, StatusError } from '../api/errors.js';
import { KUBERNETES_VERSION } from './version.js';
import type { ApiContext, ResourceRequest } from './handlers/context.js';
import { createBinding } from './handlers/binding.js';
import { deleteCollection, deleteOne } from './handlers/delete.js';
import { getObject, listCollection } from './handlers/read.js';
import { scaleRequest } from './handlers/scale.js';
import { watchCollection } from './handlers/watch.js';
import { createObject, patchObject, updateObject } from './handlers/write.js';
import { aggregatedDiscoveryVersion, acceptsJson, parseAccept } from './http/negotiate.js';
import { sendJSON, sendText } from './http/respond.js';
import { parsePath } from './http/route.js';
import { openApiRoutes } from './openapi/index.js';
import type { NodeConnections } from '../node/connection.js';
import { POD_STREAM_SUBRESOURCES, podStreamRequest } from './handlers/pod-streams/index.js';

const notFoundStatus = () => new StatusError(404, 'NotFound', 'the server could not find the requested resource', {});

export type Router = (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<void>;

/** `nodes` reaches kubelets for the streaming pod subresources (log, exec, attach, portforward). */
export function createRouter(ctx: ApiContext, ready: () => boolean, nodes?: NodeConnections): Router {
  const openapi = openApiRoutes(ctx.discovery.groupVersions.flatMap((g) => g.kinds));
  return async (req, res, url) => {
    const p = url.pathname.replace(/\/+$/, '') || '/';
    const accept = parseAccept(req.headers.accept);
    const method = req.method ?? 'GET';
    switch (p) {
      case '/version': return sendJSON(res, 200, KUBERNETES_VERSION);
      case '/livez': case '/healthz': return sendText(res, 200, 'ok');
      case '/readyz': return ready() ? sendText(res, 200, 'ok') : sendText(res, 500, '[-]store not ready\nreadyz check failed');
      case '/api': case '/apis': {
        const agg = aggregatedDiscoveryVersion(accept);
        if (agg) {
          const { body, etag } = ctx.discovery.aggregated(p === '/api', agg);
          if (req.headers['if-none-match'] === etag) { res.writeHead(304, { ETag: etag }); res.end(); return; }
          res.writeHead(200, { 'Content-Type': `application/json;g=apidiscovery.k8s.io;v=${agg};as=APIGroupDiscoveryList`, ETag: etag, Vary: 'Accept', 'Cache-Control': 'public' });
          res.end(body);
          return;
        }
        return sendJSON(res, 200, p === '/api' ? ctx.discovery.apiVersions() : ctx.discovery.apiGroupList());
      }
    }
    if (p.startsWith('/openapi/')) {
      const out = openapi(p + url.search, req.headers.accept ?? '', req.headers['if-none-match']);
      if (!out) return sendText(res, 404, '404 page not found\n');
      res.writeHead(out.status, { 'Content-Type': out.contentType, ...(out.headers ?? {}) });
      res.end(out.body);
      return;
    }
    const parsed = parsePath(p);
    if (parsed.type === 'group') {
      const g = ctx.discovery.apiGroup(parsed.group);
      return g ? sendJSON(res, 200, g) : sendText(res, 404, '404 page not found\n');
    }
    if (parsed.type === 'groupVersion') {
      const list = ctx.discovery.resourceList(parsed.group, parsed.version);
      return list ? sendJSON(res, 200, list) : sendText(res, 404, '404 page not found\n');
    }
    if (parsed.type !== 'resource') return sendText(res, 404, '404 page not found\n');
    const path = parsed.path;
    if (!ctx.discovery.servesGroupVersion(path.group, path.version)) return sendText(res, 404, '404 page not found\n');
    if (path.group === '' && path.resource === 'bindings' && path.namespace && !path.name && method === 'POST') {
      const pods = ctx.discovery.findKind('', 'v1', 'pods')!;
      return createBinding({ ctx, req, res, url, path, def: pods, accept }, undefined);
    }
    const def = ctx.discovery.findKind(path.group, path.version, path.resource);
    if (!def) throw notFoundStatus();
    if (!def.namespaced && path.namespace) throw notFoundStatus();
    if (!acceptsJson(accept)) throw notAcceptable('only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io');
    const r: ResourceRequest = { ctx, req, res, url, path, def, accept };
    const gr = { group: def.group, resource: def.plural };
    const watch = url.searchParams.get('watch');
    if (path.subresource === 'scale') {
      if (!def.scale || !path.name) throw notFoundStatus();
      if (method === 'GET' || method === 'PUT' || method === 'PATCH') return scaleRequest(r);
      throw methodNotSupported(gr, method.toLowerCase());
    }
    if (path.subresource === 'binding' && def.kind === 'Pod' && def.group === '' && path.name) {
      if (method === 'POST') return createBinding(r, path.name);
      throw methodNotSupported(gr, method.toLowerCase());
    }
    // Streaming pod subresources (log; exec/attach/portforward arrive as upgrades, see handlers/pod-streams).
    if (def.kind === 'Pod' && def.group === '' && path.name && path.subresource && POD_STREAM_SUBRESOURCES.has(path.subresource)) {
      return podStreamRequest(r, nodes);
    }
    if (path.subresource && path.subresource !== 'status') throw notFoundStatus();
    if (path.subresource === 'status' && !def.statusSubresource) throw notFoundStatus();
    if (!path.name) {
      if (path.subresource) throw notFoundStatus();
      switch (method) {
        case 'GET': return watch === 'true' || watch === '1' ? watchCollection(r) : listCollection(r);
        case 'POST': return createObject(r);
        case 'DELETE':
          if (def.verbs && !def.verbs.includes('deletecollection')) break;
          return deleteCollection(r);
      }
      throw methodNotSupported(gr, method === 'DELETE' ? 'deletecollection' : method.toLowerCase());
    }
    switch (method) {
      case 'GET': return watch === 'true' || watch === '1' ? watchCollection(r) : getObject(r);
      case 'PUT': return updateObject(r);
      case 'PATCH': return patchObject(r);
      case 'DELETE': if (!path.subresource) return deleteOne(r); break;
    }
    throw methodNotSupported(gr, method.toLowerCase());
  };
}
