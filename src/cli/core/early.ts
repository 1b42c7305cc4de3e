// The first step of a command that talks to the server: read the kubeconfig the command line
// names and start the TCP and TLS handshakes, before the HTTP client, the verb and its printers
// load (~20 ms of modules the handshake then overlaps). Only the kubeconfig reader and node:tls are
// loaded here. The flags are a guess made before the verb's own flags are known: the connection is
// used only if the parsed flags agree (core/command.ts Cli.context).
import { loadKubeconfig, type ClusterAccess } from '../../client/kubeconfig.js';
import { connectTls, type EarlyTls } from '../../client/tls-connect.js';
import type { GlobalFlags } from './context.js';

export interface EarlyConnection { flags: GlobalFlags; access: ClusterAccess; tls?: EarlyTls }

/** The global flags as pflag will most likely read them, found before the verb's own flags are
 *  known (a guess: the context made from it is used only if the parsed flags agree). */
export function scanGlobalFlags(argv: string[]): GlobalFlags {
  const out: GlobalFlags = {};
  const names: Record<string, keyof GlobalFlags> = { kubeconfig: 'kubeconfig', context: 'context', namespace: 'namespace', 'cache-dir': 'cacheDir' };
  for (let i = 0; i < argv.length && argv[i] !== '--'; i++) {
    const m = /^(?:--(kubeconfig|context|namespace|cache-dir)(?:=(.*))?|-n(?:=?(.+))?)$/.exec(argv[i]!);
    if (!m) continue;
    const value = m[1] ? m[2] ?? argv[++i] : m[3] ?? argv[++i];
    out[m[1] ? names[m[1]]! : 'namespace'] = value || undefined;
  }
  return out;
}

/** Undefined when the kubeconfig cannot be read: the command meets that error where it always does. */
export function connectEarly(argv: string[]): EarlyConnection | undefined {
  const flags = scanGlobalFlags(argv);
  try {
    const access = loadKubeconfig({ path: flags.kubeconfig, context: flags.context });
    return { flags, access, tls: connectTls(access) };
  } catch {
    return undefined;
  }
}
