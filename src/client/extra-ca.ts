// NODE_EXTRA_CA_CERTS, moved out of node's start-up by bin/kubelite (see there): node would read
// the file and build its whole trust store before any code runs, while a kubeconfig that names its
// CA trusts that CA alone (as kubectl does). Only a cluster whose kubeconfig names no CA needs the
// default trust, which is then node's bundled roots plus the moved file, as node would have had.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const MOVED = 'KUBELITE_NODE_EXTRA_CA_CERTS';
let moved: string | undefined;

/** At start: puts NODE_EXTRA_CA_CERTS back for the processes kubelite starts, remembering the file. */
export function restoreExtraCaCertsEnv(env: NodeJS.ProcessEnv = process.env): void {
  const file = env[MOVED];
  if (file === undefined) return;
  delete env[MOVED];
  env.NODE_EXTRA_CA_CERTS = file;
  moved = file;
}

/**
 * The CAs a cluster without its own is checked against when node started without the extra file
 * (PEM: node's roots, then the file's); undefined when node's own default already includes it.
 */
export function defaultTrustPem(): string | undefined {
  if (!moved) return undefined;
  const { rootCertificates } = createRequire(import.meta.url)('node:tls') as typeof import('node:tls');
  let extra = '';
  try {
    extra = readFileSync(moved, 'utf8');
  } catch (e) {
    // node's own words for a file it cannot read
    process.emitWarning(`Ignoring extra certs from \`${moved}\`, load failed: ${(e as Error).message}`);
  }
  return [...rootCertificates, extra].join('\n');
}
