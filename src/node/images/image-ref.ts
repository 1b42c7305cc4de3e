// Image references normalised as containerd/docker do (distribution/reference ParseNormalizedNamed):
// `foo` is `docker.io/library/foo:latest`, `luksa/kubia` is `docker.io/luksa/kubia:latest`, and
// `index.docker.io` is Docker Hub too. Only the first path component can be a registry host: it must
// contain a `.` or `:` or be `localhost`.

export interface ImageRef {
  /** Fully qualified, as the pull error names it: `docker.io/library/foo:latest`. */
  full: string;
  /** The repository without Docker Hub's implied prefixes: `foo`, `luksa/kubia`, `quay.io/x/y`. */
  short: string;
  /** The tag (`latest` when neither a tag nor a digest is given). */
  tag?: string;
  digest?: string;
}

const DOCKER_HUB = 'docker.io';

export function parseImageRef(image: string): ImageRef {
  let rest = image.trim();
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at >= 0) { digest = rest.slice(at + 1); rest = rest.slice(0, at); }
  let tag: string | undefined;
  const colon = rest.lastIndexOf(':');
  if (colon > rest.lastIndexOf('/')) { tag = rest.slice(colon + 1); rest = rest.slice(0, colon); }
  if (!tag && !digest) tag = 'latest';
  const parts = rest.split('/');
  let domain = DOCKER_HUB;
  if (parts.length > 1 && (parts[0].includes('.') || parts[0].includes(':') || parts[0] === 'localhost')) {
    domain = parts.shift() as string;
    if (domain === 'index.docker.io') domain = DOCKER_HUB;
  }
  if (domain === DOCKER_HUB && parts.length === 1) parts.unshift('library');
  const path = parts.join('/');
  const short = domain === DOCKER_HUB ? path.replace(/^library\//, '') : `${domain}/${path}`;
  const full = `${domain}/${path}${tag ? `:${tag}` : ''}${digest ? `@${digest}` : ''}`;
  return { full, short, tag, digest };
}
