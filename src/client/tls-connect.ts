// How kubelite's HTTPS clients reach the API server over TLS: the kubeconfig's CA, client
// certificate and insecure-skip-tls-verify as node's TLS options, and a connection opened ahead of
// any request exactly as node's https.Agent would open it for one, so the agent can take it over
// (http-transport.ts). Only node:tls is loaded here: a CLI command opens its connection with this
// before it loads its HTTP client and the rest of its modules.
import { isIP } from 'node:net';
import { connect, type TLSSocket } from 'node:tls';
import type { ClusterAccess } from './kubeconfig.js';

type TlsAccess = Pick<ClusterAccess, 'caPem' | 'certPem' | 'keyPem' | 'insecureSkipTlsVerify'>;

/** node's https.Agent default keepAliveMsecs: the TCP keep-alive delay the agent sets on its sockets. */
const KEEPALIVE_MS = 1000;

export const tlsOptions = (a: TlsAccess) => ({ ca: a.caPem, cert: a.certPem, key: a.keyPem, rejectUnauthorized: !a.insecureSkipTlsVerify });

/** A connection opened before its request; `failed` once it has errored (it is then never used). */
export interface EarlyTls { socket: TLSSocket; failed: boolean; release(): void }

/** Starts the TCP and TLS handshakes with an https server (undefined for plain http). */
export function connectTls(access: TlsAccess & Pick<ClusterAccess, 'server'>): EarlyTls | undefined {
  const url = new URL(access.server);
  if (url.protocol !== 'https:') return undefined;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  // As _http_agent.js createSocket: SNI for a host name (none for an IP), TCP keep-alive.
  const options = { ...tlsOptions(access), host, port: Number(url.port || 443), servername: isIP(host) ? '' : host, keepAlive: true, keepAliveInitialDelay: KEEPALIVE_MS };
  const socket = connect(options);
  const early: EarlyTls = { socket, failed: false, release: () => { socket.off('error', onError); } };
  const onError = () => { early.failed = true; }; // until a request owns the socket and listens itself
  socket.on('error', onError);
  return early;
}
