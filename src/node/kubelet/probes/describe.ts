// The one-line probe summary `kubectl describe` prints (kubectl pkg/describe DescribeProbe), e.g.
// `http-get http://:8080/ delay=0s timeout=1s period=10s #success=1 #failure=3`.
import type { Probe } from 'kubernetes-types/core/v1.js';

// Go's url.URL.EscapedPath keeps unreserved characters and $&+,/:;=@; everything else is %-escaped.
const escapePath = (p: string) => Array.from(new TextEncoder().encode(p), (b) => {
  const c = String.fromCharCode(b);
  return /[A-Za-z0-9\-_.~$&+,/:;=@]/.test(c) ? c : `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
}).join('');

const joinHostPort = (host: string, port: string) => (host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`);

export function describeProbe(probe: Probe): string {
  const attrs = `delay=${probe.initialDelaySeconds ?? 0}s timeout=${probe.timeoutSeconds ?? 0}s period=${probe.periodSeconds ?? 0}s #success=${probe.successThreshold ?? 0} #failure=${probe.failureThreshold ?? 0}`;
  if (probe.exec) return `exec [${(probe.exec.command ?? []).join(' ')}] ${attrs}`;
  if (probe.httpGet) {
    const g = probe.httpGet;
    const port = String(g.port ?? '');
    const host = port.length > 0 ? joinHostPort(g.host ?? '', port) : g.host ?? '';
    let path = g.path ?? '';
    if (path && !path.startsWith('/') && host) path = `/${path}`;
    const scheme = (g.scheme ?? '').toLowerCase();
    const url = `${scheme ? `${scheme}:` : ''}${host || scheme ? `//${host}` : ''}${escapePath(path)}`;
    return `http-get ${url} ${attrs}`;
  }
  if (probe.tcpSocket) return `tcp-socket ${probe.tcpSocket.host ?? ''}:${String(probe.tcpSocket.port ?? '')} ${attrs}`;
  if (probe.grpc) return `grpc <pod>:${probe.grpc.port} ${probe.grpc.service ?? ''} ${attrs}`;
  return `unknown ${attrs}`;
}
