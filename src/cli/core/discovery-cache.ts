// The discovery table on disk, as kubectl keeps it (client-go discovery/cached/disk
// cached_discovery.go; the directory from cli-runtime genericclioptions/config_flags.go): one
// directory per server under <cache dir>/discovery/<host>_<port>/, valid for six hours after it was
// written, written atomically, and never an error when it cannot be read or written. A command
// then makes one request instead of three; a name the cached table lacks makes the caller ask the
// server again (kubectl's DeferredDiscoveryRESTMapper resets an unfresh cache on a miss).
// The file is kubelite's own (one JSON document of the resolved table), so it can sit beside
// kubectl's servergroups.json/serverresources.json when KUBECACHEDIR or --cache-dir point both at
// one directory.
import { createRequire } from 'node:module';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ApiResource } from './resources.js';

// Required, not imported, as in client/kubeconfig.ts: the ESM namespace of node:fs costs ~1.5 ms.
const { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

/** As kubectl since v1.25 (was 10 minutes): kinds rarely change, and a miss re-discovers anyway. */
export const DISCOVERY_CACHE_TTL_MS = 6 * 60 * 60 * 1000;
const FILE_NAME = 'kubelite-resources.json';
/** Bumped whenever ApiResource changes shape, so an older kubelite's file reads as a miss. */
const FORMAT = 1;

/** --cache-dir's default: KUBECACHEDIR (as kubectl reads it), else ~/.kubelite/cache. */
export function defaultCacheDir(env: NodeJS.ProcessEnv = process.env, home = homedir()): string {
  return env.KUBECACHEDIR || join(home, '.kubelite', 'cache');
}

/** <cacheDir>/discovery/<server without scheme, every character but word, '/', '.', '(' and ')' as '_'>/…,
 *  config_flags.go's computeDiscoverCacheDir (https://127.0.0.1:6443 → 127.0.0.1_6443). */
export function discoveryCacheFile(cacheDir: string, server: string): string {
  const host = server.replace('https://', '').replace('http://', '').replace(/[^(\w/.)]/g, '_');
  return join(cacheDir, 'discovery', host, FILE_NAME);
}

interface CacheDocument { format: number; resources: ApiResource[] }

const isResource = (r: Partial<ApiResource> | null): boolean =>
  !!r && typeof r.group === 'string' && typeof r.version === 'string' && typeof r.resource === 'string' && typeof r.singular === 'string' &&
  typeof r.kind === 'string' && typeof r.namespaced === 'boolean' && [r.shortNames, r.categories, r.verbs, r.subresources].every(Array.isArray);

/** The cached table, or undefined when there is none, it is older than the TTL (by its mtime, as
 *  kubectl judges it) or it cannot be read. */
export function readCachedResources(file: string, now: number, ttlMs = DISCOVERY_CACHE_TTL_MS): ApiResource[] | undefined {
  try {
    if (now >= statSync(file).mtimeMs + ttlMs) return undefined;
    const doc = JSON.parse(readFileSync(file, 'utf8')) as Partial<CacheDocument> | null;
    if (doc?.format !== FORMAT || !Array.isArray(doc.resources) || !doc.resources.length || !doc.resources.every(isResource)) return undefined;
    return doc.resources;
  } catch {
    return undefined;
  }
}

/** Writes the table (temporary file, then rename: a concurrent reader sees the old file or the new
 *  one, never half of one). Any failure only means the next command asks the server. */
export function writeCachedResources(file: string, resources: ApiResource[]): void {
  const tmp = `${file}.${process.pid}.tmp`;
  try {
    mkdirSync(dirname(file), { recursive: true, mode: 0o750 });
    writeFileSync(tmp, JSON.stringify({ format: FORMAT, resources } satisfies CacheDocument), { mode: 0o660 });
    renameSync(tmp, file);
  } catch {
    try { rmSync(tmp, { force: true }); } catch { /* nothing to clean up */ }
  }
}
