// A minimal HTTPS client for driving the API server from the bench process: keep-alive agents,
// bearer token, the cluster CA from the kubeconfig the server writes.
import { readFileSync } from 'node:fs';
import { Agent, request as httpsRequest } from 'node:https';
import { parse } from 'yaml';

export interface Endpoint {
  host: string;
  port: number;
  token: string;
  ca: string;
}

interface Kubeconfig {
  clusters: Array<{ cluster: { server: string; 'certificate-authority-data': string } }>;
  users: Array<{ user: { token: string } }>;
}

export function endpointFromKubeconfig(path: string): Endpoint {
  const kc = parse(readFileSync(path, 'utf8')) as Kubeconfig;
  const url = new URL(kc.clusters[0]!.cluster.server);
  return {
    host: url.hostname,
    port: Number(url.port),
    token: kc.users[0]!.user.token,
    ca: Buffer.from(kc.clusters[0]!.cluster['certificate-authority-data'], 'base64').toString('utf8'),
  };
}

export interface Response {
  status: number;
  body: Buffer;
}

export function keepAliveAgent(ep: Endpoint, maxSockets: number): Agent {
  return new Agent({ keepAlive: true, maxSockets, ca: ep.ca });
}

export function request(ep: Endpoint, agent: Agent, method: string, path: string, body?: string, headers: Record<string, string> = {}): Promise<Response> {
  return new Promise((resolve, reject) => {
    const h: Record<string, string | number> = { Authorization: `Bearer ${ep.token}`, Accept: 'application/json', ...headers };
    if (body !== undefined) { h['Content-Type'] ??= 'application/json'; h['Content-Length'] = Buffer.byteLength(body); }
    const req = httpsRequest({ host: ep.host, port: ep.port, method, path, agent, headers: h }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', reject);
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** Throws with the server's answer unless the status is the expected one. */
export function expectStatus(r: Response, want: number, what: string): Response {
  if (r.status !== want) throw new Error(`${what}: HTTP ${r.status}, want ${want}: ${r.body.toString('utf8').slice(0, 500)}`);
  return r;
}
