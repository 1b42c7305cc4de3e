// /openapi/v2, /openapi/v3 and /openapi/v3/<group-version>, generated once on first request and cached,
// with ETags as kube-openapi's handlers serve them (the v3 ETag and `?hash=` are the document's SHA-512).
//
// Protobuf: kubectl (client-go discovery.OpenAPISchema, v1.27+) asks /openapi/v2 for
// `application/com.github.proto-openapi.spec.v2@v1.0+protobuf` only, and proto-decodes whatever comes
// back; a JSON body and a 406 both end as an error there. kubectl 1.33 does not need v2: `explain` and
// apply's strategic-merge patch read the v3 JSON documents (client-go openapi/client.go asks JSON), apply
// falls back to compiled-in patch metadata when v2 fails (kubectl pkg/cmd/apply/patcher.go), and field
// validation is detected from v3 (cli-runtime query_param_verifier_v3.go). We answer protobuf-only
// requests with 406 NotAcceptable: honest about what we serve, and cheap for the client to give up on.
import { createHash } from 'node:crypto';
import type { KindDef } from '../../api/kind.js';
import { groupVersionPaths, openApiV3, swaggerV2 } from './documents.js';

export interface OpenApiResponse {
  status: number;
  contentType: string;
  body: string | Buffer;
  headers?: Record<string, string>;
}

export type OpenApiRoute = (path: string, accept: string, ifNoneMatch?: string) => OpenApiResponse | undefined;

interface Cached {
  body: string;
  etag: string;
}

/** Whether an Accept header allows JSON (absent, JSON, or a wildcard). */
export function acceptsJson(accept: string): boolean {
  if (!accept.trim()) return true;
  return accept.split(',').some((part) => {
    const type = part.split(';')[0]!.trim().toLowerCase();
    return type === 'application/json' || type === '*/*' || type === 'application/*';
  });
}

function notAcceptable(accept: string): OpenApiResponse {
  const body = {
    kind: 'Status',
    apiVersion: 'v1',
    metadata: {},
    status: 'Failure',
    message: `only the following media types are accepted: application/json (requested ${JSON.stringify(accept)})`,
    reason: 'NotAcceptable',
    code: 406,
  };
  return { status: 406, contentType: 'application/json', body: JSON.stringify(body) };
}

function cacheEntry(doc: object): Cached {
  const body = JSON.stringify(doc);
  return { body, etag: `"${createHash('sha512').update(body).digest('hex').toUpperCase()}"` };
}

function serve(c: Cached, ifNoneMatch: string | undefined, extra: Record<string, string> = {}): OpenApiResponse {
  const headers = { ETag: c.etag, Vary: 'Accept', ...extra };
  if (ifNoneMatch && ifNoneMatch.split(',').some((t) => t.trim() === c.etag || t.trim() === '*')) {
    return { status: 304, contentType: 'application/json', body: '', headers };
  }
  return { status: 200, contentType: 'application/json', body: c.body, headers };
}

/** A handler for every `/openapi/*` path; undefined for paths it does not serve. */
export function openApiRoutes(kinds: KindDef[]): OpenApiRoute {
  let v2: Cached | undefined;
  const v3 = new Map<string, Cached | null>();
  let v3Index: Cached | undefined;
  const gvDoc = (gv: string): Cached | undefined => {
    let c = v3.get(gv);
    if (c === undefined) {
      const doc = openApiV3(kinds, gv);
      c = doc ? cacheEntry(doc) : null;
      v3.set(gv, c);
    }
    return c ?? undefined;
  };

  return (rawPath, accept, ifNoneMatch) => {
    const [path = '', query = ''] = rawPath.split('?', 2);
    const p = path.replace(/\/+$/, '');
    if (p === '/openapi/v2') {
      if (!acceptsJson(accept)) return notAcceptable(accept);
      v2 ??= cacheEntry(swaggerV2(kinds));
      return serve(v2, ifNoneMatch);
    }
    if (p === '/openapi/v3') {
      if (!v3Index) {
        const paths: Record<string, { serverRelativeURL: string }> = {};
        for (const gv of groupVersionPaths(kinds)) {
          const hash = gvDoc(gv)!.etag.slice(1, -1);
          paths[gv] = { serverRelativeURL: `/openapi/v3/${gv}?hash=${hash}` };
        }
        v3Index = cacheEntry({ paths });
      }
      return serve(v3Index, ifNoneMatch);
    }
    if (p.startsWith('/openapi/v3/')) {
      const doc = gvDoc(p.slice('/openapi/v3/'.length));
      if (!doc) return undefined;
      if (!acceptsJson(accept)) return notAcceptable(accept);
      // A request naming the current hash may be cached forever (kube-openapi handler3).
      const immutable = new URLSearchParams(query).get('hash') === doc.etag.slice(1, -1);
      return serve(doc, ifNoneMatch, immutable ? { 'Cache-Control': 'public, immutable' } : {});
    }
    return undefined;
  };
}
