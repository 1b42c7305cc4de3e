// Content negotiation on the Accept header, as apiserver's negotiation package reads it.

export interface MediaType { type: string; params: Record<string, string> }

export function parseAccept(accept: string | undefined): MediaType[] {
  if (!accept) return [];
  return accept.split(',').map((part) => {
    const [type, ...params] = part.trim().split(';');
    const p: Record<string, string> = {};
    for (const kv of params) {
      const i = kv.indexOf('=');
      if (i > 0) p[kv.slice(0, i).trim()] = kv.slice(i + 1).trim();
    }
    return { type: (type ?? '').trim().toLowerCase(), params: p };
  });
}

const isJsonish = (t: string) => t === 'application/json' || t === '*/*' || t === 'application/*' || t === 'application/yaml';

/** The first acceptable Table version (meta.k8s.io v1 or v1beta1), if the client asked for a Table. */
export function tableVersion(accept: MediaType[]): 'v1' | 'v1beta1' | undefined {
  for (const m of accept) {
    if (m.params.as === 'Table' && m.params.g === 'meta.k8s.io' && (m.params.v === 'v1' || m.params.v === 'v1beta1')) return m.params.v;
    if (!m.params.as && isJsonish(m.type)) return undefined;
  }
  return undefined;
}

/** The aggregated discovery version the client prefers, if any. */
export function aggregatedDiscoveryVersion(accept: MediaType[]): 'v2' | 'v2beta1' | undefined {
  for (const m of accept) {
    if (m.params.as === 'APIGroupDiscoveryList' && m.params.g === 'apidiscovery.k8s.io' && (m.params.v === 'v2' || m.params.v === 'v2beta1')) return m.params.v;
    if (!m.params.as && isJsonish(m.type)) return undefined;
  }
  return undefined;
}

/** Whether the client accepts JSON at all (protobuf-only clients are told 406). */
export function acceptsJson(accept: MediaType[]): boolean {
  if (accept.length === 0) return true;
  return accept.some((m) => isJsonish(m.type) || m.type === 'application/json');
}

export function wantsYaml(accept: MediaType[]): boolean {
  return accept[0]?.type === 'application/yaml';
}
