// Loads the cluster, credentials and namespace of a kubeconfig's current context, found as kubectl
// finds it (client-go tools/clientcmd/loader.go): the --kubeconfig flag, else the KUBECONFIG
// colon-separated list (the first file naming a current-context decides; clusters, users and
// contexts are looked up across all files, first definition wins), else ~/.kubelite/kubeconfig
// (where `kubelite server` writes its admin kubeconfig; kubectl's default ~/.kube/config follows).
import { homedir } from 'node:os';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { createRequire } from 'node:module';
import { defaultTrustPem } from './extra-ca.js';
import { parseSimpleYaml } from './simple-yaml.js';

const require = createRequire(import.meta.url);
// node:fs is required, not imported: an ESM import of it builds a namespace of every export, which
// loads fs/promises too (~1.5 ms of every CLI command's start-up).
const { existsSync, readFileSync } = require('node:fs') as typeof import('node:fs');
// The full YAML library loads only for kubeconfigs the simple reader declines (CLI start-up time).
const parse = (text: string): unknown => parseSimpleYaml(text) ?? (require('yaml') as typeof import('yaml')).parse(text);

export interface ClusterAccess {
  server: string;
  /** PEM of the CA to trust (certificate-authority-data or the certificate-authority file). */
  caPem?: string;
  token?: string;
  /** Client certificate authentication, as PEM. */
  certPem?: string;
  keyPem?: string;
  insecureSkipTlsVerify: boolean;
  namespace: string;
  /** The files the configuration was read from. */
  files: string[];
}

interface Named<T> { name: string; [k: string]: unknown; cluster?: T; user?: T; context?: T }
interface ConfigFile {
  path: string;
  currentContext?: string;
  clusters: Array<Named<Record<string, unknown>>>;
  users: Array<Named<Record<string, unknown>>>;
  contexts: Array<Named<Record<string, unknown>>>;
}

export interface LoadOptions {
  /** The --kubeconfig flag. */
  path?: string;
  /** Overrides the current-context (kubectl's --context). */
  context?: string;
  env?: NodeJS.ProcessEnv;
  home?: string;
}

/** The kubeconfig files to read, in precedence order. */
export function kubeconfigFiles(opts: LoadOptions = {}): string[] {
  if (opts.path) return [opts.path];
  const env = opts.env ?? process.env;
  const list = (env.KUBECONFIG ?? '').split(':').filter((p) => p !== '');
  if (list.length) return list.filter((p) => existsSync(p));
  const home = opts.home ?? homedir();
  return [join(home, '.kubelite', 'kubeconfig'), join(home, '.kube', 'config')].filter((p) => existsSync(p)).slice(0, 1);
}

function readConfig(path: string): ConfigFile {
  const doc = (parse(readFileSync(path, 'utf8')) ?? {}) as Record<string, unknown>;
  const arr = <T>(v: unknown) => (Array.isArray(v) ? (v as T[]) : []);
  return {
    path,
    currentContext: typeof doc['current-context'] === 'string' && doc['current-context'] ? doc['current-context'] : undefined,
    clusters: arr(doc.clusters), users: arr(doc.users), contexts: arr(doc.contexts),
  };
}

/** Relative file references in a kubeconfig are relative to that file (clientcmd ResolvePaths). */
function readRef(file: string, ref: unknown): string | undefined {
  if (typeof ref !== 'string' || !ref) return undefined;
  return readFileSync(isAbsolute(ref) ? ref : resolve(dirname(file), ref), 'utf8');
}
const fromData = (v: unknown) => (typeof v === 'string' && v ? Buffer.from(v, 'base64').toString('utf8') : undefined);

export function loadKubeconfig(opts: LoadOptions = {}): ClusterAccess {
  const paths = kubeconfigFiles(opts);
  if (!paths.length) {
    throw new Error('no kubeconfig found: pass --kubeconfig, set KUBECONFIG, or run `kubelite server` to write ~/.kubelite/kubeconfig');
  }
  const files = paths.map(readConfig);
  const contextName = opts.context ?? files.find((f) => f.currentContext)?.currentContext;
  if (!contextName) throw new Error(`kubeconfig ${paths.join(':')} has no current-context`);
  const find = (key: 'clusters' | 'users' | 'contexts', name: string) => {
    for (const f of files) {
      const hit = f[key].find((e) => e.name === name);
      if (hit) return { file: f.path, entry: hit };
    }
    return undefined;
  };
  const ctx = find('contexts', contextName)?.entry.context;
  if (!ctx) throw new Error(`context "${contextName}" does not exist`);
  const cl = find('clusters', String(ctx.cluster ?? ''));
  const cluster = cl?.entry.cluster;
  if (!cl || !cluster || typeof cluster.server !== 'string') throw new Error(`cluster "${String(ctx.cluster)}" of context "${contextName}" is missing or has no server`);
  const us = ctx.user ? find('users', String(ctx.user)) : undefined;
  const user = us?.entry.user ?? {};
  const userFile = us?.file ?? cl.file;
  const tokenFromFile = readRef(userFile, user.tokenFile)?.trim();
  return {
    server: cluster.server.replace(/\/+$/, ''),
    caPem: fromData(cluster['certificate-authority-data']) ?? readRef(cl.file, cluster['certificate-authority'])
      ?? (cluster['insecure-skip-tls-verify'] === true || !cluster.server.startsWith('https:') ? undefined : defaultTrustPem()),
    token: (typeof user.token === 'string' && user.token) || tokenFromFile || undefined,
    certPem: fromData(user['client-certificate-data']) ?? readRef(userFile, user['client-certificate']),
    keyPem: fromData(user['client-key-data']) ?? readRef(userFile, user['client-key']),
    insecureSkipTlsVerify: cluster['insecure-skip-tls-verify'] === true,
    namespace: typeof ctx.namespace === 'string' && ctx.namespace ? ctx.namespace : 'default',
    files: paths,
  };
}
