// tcpSocket probes (pkg/probe/tcp): success when a TCP connection opens within the timeout; the
// failure output is Go's dial error text, e.g. `dial tcp 10.244.0.5:8080: connect: connection refused`.
import { connect } from 'node:net';
import type { ProbeOutcome } from './result.js';

/** Go's net.JoinHostPort. */
export function joinHostPort(host: string, port: number | string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** The part of Go's net.OpError text that follows `dial tcp <addr>: ` for a Node socket error. */
export function goDialError(err: NodeJS.ErrnoException): string {
  switch (err.code) {
    case 'ECONNREFUSED': return 'connect: connection refused';
    case 'EHOSTUNREACH': return 'connect: no route to host';
    case 'ENETUNREACH': return 'connect: network is unreachable';
    case 'ETIMEDOUT': return 'i/o timeout';
    case 'EADDRNOTAVAIL': return 'connect: cannot assign requested address';
    default: return err.message;
  }
}

export function tcpProbe(host: string, port: number, timeoutMs: number): Promise<ProbeOutcome> {
  const addr = joinHostPort(host, port);
  return new Promise((resolve) => {
    const sock = connect({ host, port });
    const done = (o: ProbeOutcome) => { clearTimeout(timer); sock.destroy(); resolve(o); };
    const timer = setTimeout(() => done({ result: 'failure', output: `dial tcp ${addr}: i/o timeout` }), timeoutMs);
    sock.once('connect', () => done({ result: 'success', output: '' }));
    sock.once('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOTFOUND' || err.code === 'EAI_AGAIN') done({ result: 'failure', output: `dial tcp: lookup ${host}: no such host` });
      else done({ result: 'failure', output: `dial tcp ${addr}: ${goDialError(err)}` });
    });
  });
}
