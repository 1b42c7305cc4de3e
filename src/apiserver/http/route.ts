// Parses a Kubernetes REST path into its parts:
//   /api/v1[/namespaces/<ns>]/<resource>[/<name>[/<subresource>]]
//   /apis/<group>/<version>[/namespaces/<ns>]/<resource>[/<name>[/<subresource>]]

export interface ResourcePath {
  group: string;
  version: string;
  namespace?: string;
  resource: string;
  name?: string;
  subresource?: string;
}

export type ParsedPath =
  | { type: 'resource'; path: ResourcePath }
  | { type: 'groupVersion'; group: string; version: string }
  | { type: 'group'; group: string }
  | { type: 'other' };

const NAMESPACE_SUBRESOURCES = new Set(['status', 'finalize']);

export function parsePath(pathname: string): ParsedPath {
  const parts = pathname.split('/').filter((p) => p !== '').map(decodeURIComponent);
  let group: string, version: string, rest: string[];
  if (parts[0] === 'api' && parts.length >= 2) {
    group = ''; version = parts[1]!; rest = parts.slice(2);
  } else if (parts[0] === 'apis' && parts.length >= 3) {
    group = parts[1]!; version = parts[2]!; rest = parts.slice(3);
  } else if (parts[0] === 'apis' && parts.length === 2) {
    return { type: 'group', group: parts[1]! };
  } else {
    return { type: 'other' };
  }
  if (rest.length === 0) return { type: 'groupVersion', group, version };
  // namespaces/<ns>/<resource>/... unless it is namespaces/<name>/{status,finalize}
  if (rest[0] === 'namespaces' && rest.length >= 3 && !(rest.length === 3 && NAMESPACE_SUBRESOURCES.has(rest[2]!))) {
    if (rest.length > 5) return { type: 'other' };
    return { type: 'resource', path: { group, version, namespace: rest[1], resource: rest[2]!, name: rest[3], subresource: rest[4] } };
  }
  if (rest.length > 3) return { type: 'other' };
  return { type: 'resource', path: { group, version, resource: rest[0]!, name: rest[1], subresource: rest[2] } };
}
