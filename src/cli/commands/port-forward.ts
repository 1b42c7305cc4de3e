// `kubelite port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...]`: kubectl port-forward
// (cmd/portforward, client-go tools/portforward): named ports resolved from the pod (or the
// service's target ports), listeners on 127.0.0.1 and [::1] printing "Forwarding from …", and per
// accepted connection an error stream plus a data stream in one SPDY/3.1 session with the server.
import { createServer, type Server, type Socket } from 'node:net';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { Duplex } from 'node:stream';
import type { Pod, Service } from 'kubernetes-types/core/v1.js';
import { readAll, statusErrorFrom } from '../../client/http-transport.js';
import { parseDuration } from '../flags.js';
import { UsageError, type Cli, type Verb } from '../core/command.js';
import type { CliContext } from '../core/context.js';
import { list, str, type Flag, type ParsedArgs } from '../core/kflags.js';
import { resourcePath } from '../core/resources.js';
import { attachablePod } from './exec.js';
import { resolveArg } from './pod-target.js';
import { SpdyClient } from './spdy-client.js';

const FLAGS: Flag[] = [
  { name: 'address', type: 'strings', default: ['localhost'], help: 'Addresses to listen on (comma separated). Only accepts IP addresses or localhost as a value. When localhost is supplied, kubectl will try to bind on both 127.0.0.1 and ::1 and will fail if neither of these addresses are available to bind.' },
  { name: 'pod-running-timeout', type: 'duration', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
];

export const verb: Verb = {
  name: 'port-forward',
  short: 'Forward one or more local ports to a pod',
  long: `Forward one or more local ports to a pod.

 Use resource type/name such as deployment/mydeployment to select a pod. Resource type defaults to 'pod' if omitted.

 If there are multiple pods matching the criteria, a pod will be selected automatically. The forwarding session ends when the selected pod terminates, and a rerun of the command is needed to resume forwarding.`,
  usage: 'port-forward TYPE/NAME [options] [LOCAL_PORT:]REMOTE_PORT [...[LOCAL_PORT_N:]REMOTE_PORT_N]',
  example: `  # Listen on ports 5000 and 6000 locally, forwarding data to/from ports 5000 and 6000 in the pod
  kubectl port-forward pod/mypod 5000 6000

  # Listen on port 8888 locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod 8888:5000

  # Listen on a random port locally, forwarding to 5000 in the pod
  kubectl port-forward pod/mypod :5000`,
  flags: FLAGS,
  run: portForwardRun,
};

const splitPort = (p: string): [string, string] => {
  const parts = p.split(':');
  return parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
};

function containerPortByName(pod: Pod, name: string): number {
  for (const c of [...(pod.spec?.containers ?? []), ...(pod.spec?.initContainers ?? [])]) {
    const p = c.ports?.find((x) => x.name === name);
    if (p) return p.containerPort;
  }
  throw new Error(`Pod '${pod.metadata?.name}' does not have a named port '${name}'`);
}

/** convertPodNamedPortToNumber / translateServicePortToTargetPort: each remote port as the container's port number. */
export function remotePorts(ports: string[], pod: Pod, svc?: Service): string[] {
  return ports.map((spec) => {
    let [local, remote] = splitPort(spec);
    if (!svc) {
      if (!remote) throw new Error('remote port cannot be empty');
      const container = /^\d+$/.test(remote) ? remote : String(containerPortByName(pod, remote));
      return local !== remote ? `${local}:${container}` : container;
    }
    let num = Number(remote);
    if (!/^\d+$/.test(remote)) {
      const named = svc.spec?.ports?.find((x) => x.name === remote);
      if (!named) throw new Error(`Service '${svc.metadata?.name}' does not have a named port '${remote}'`);
      num = named.port;
      if (local === remote) local = String(num);
    }
    const sp = svc.spec?.ports?.find((x) => x.port === num);
    if (!sp) throw new Error(`Service ${svc.metadata?.name} does not have a service port ${num}`);
    let container = num;
    if (svc.spec?.clusterIP !== 'None') {
      const t = sp.targetPort;
      container = typeof t === 'string' ? containerPortByName(pod, t) : t ? t : sp.port;
    }
    remote = String(container);
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

interface ForwardedPort { local: number; remote: number }

/** client-go parsePorts: `[LOCAL:]REMOTE` with its error texts. */
export function parsePorts(specs: string[]): ForwardedPort[] {
  return specs.map((s) => {
    const parts = s.split(':');
    if (parts.length > 2) throw new Error(`invalid port format '${s}'`);
    const [localText, remoteText] = parts.length === 2 ? [parts[0]!, parts[1]!] : [parts[0]!, parts[0]!];
    const local = localText === '' ? 0 : Number(localText);
    if (!/^\d*$/.test(localText) || local > 65535) throw new Error(`error parsing local port '${localText}': strconv.ParseUint: parsing "${localText}": invalid syntax`);
    if (!/^\d+$/.test(remoteText) || Number(remoteText) > 65535) throw new Error(`error parsing remote port '${remoteText}': strconv.ParseUint: parsing "${remoteText}": invalid syntax`);
    const remote = Number(remoteText);
    if (remote === 0) throw new Error('remote port must be > 0');
    return { local, remote };
  });
}

/** The SPDY upgrade of pods/{name}/portforward (the server also tunnels SPDY in a WebSocket; a direct upgrade needs no second framing). */
function upgrade(ctx: CliContext, path: string): Promise<Duplex> {
  const a = ctx.access;
  const url = new URL(a.server.replace(/\/$/, '') + path);
  const req = (url.protocol === 'https:' ? httpsRequest : httpRequest)(url, {
    method: 'POST', ca: a.caPem, cert: a.certPem, key: a.keyPem, rejectUnauthorized: !a.insecureSkipTlsVerify,
    headers: { Connection: 'Upgrade', Upgrade: 'SPDY/3.1', 'X-Stream-Protocol-Version': 'portforward.k8s.io', ...(a.token ? { Authorization: `Bearer ${a.token}` } : {}) },
  });
  return new Promise((resolve, reject) => {
    req.on('upgrade', (res, socket, head) => {
      if (res.headers['x-stream-protocol-version'] !== 'portforward.k8s.io') {
        socket.destroy();
        reject(new Error(`unable to negotiate protocol: client supports "portforward.k8s.io", server returned "${res.headers['x-stream-protocol-version'] ?? ''}"`));
        return;
      }
      if (head.length) socket.unshift(head);
      resolve(socket);
    });
    req.on('response', (res) => { void readAll(res).then((body) => reject(new Error(`error upgrading connection: ${statusErrorFrom(res.statusCode ?? 0, body).message}`))); });
    req.on('error', reject);
    req.end();
  });
}

async function portForwardRun(p: ParsedArgs, cli: Cli): Promise<number> {
  if (p.args.length < 2) throw new UsageError('TYPE/NAME and list of ports are required for port-forward');
  const ctx = cli.context();
  const [target, ...portSpecs] = p.args;
  const named = await resolveArg(ctx, target!);
  const pod = await attachablePod(ctx, target!, parseDuration(str(p, 'pod-running-timeout') || '1m', 'pod-running-timeout'));
  let svc: Service | undefined;
  if (named.resource.group === '' && named.resource.kind === 'Service') {
    svc = await ctx.transport.json<Service>({ method: 'GET', path: resourcePath(named.resource, ctx.namespace, named.name) });
  }
  const ports = parsePorts(remotePorts(portSpecs, pod, svc));
  // RunPortForward reads the pod again: it must be running now.
  const current = await ctx.transport.json<Pod>({ method: 'GET', path: `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/pods/${encodeURIComponent(pod.metadata?.name ?? '')}` });
  if (current.status?.phase !== 'Running') throw new Error(`unable to forward port because pod is not running. Current status=${current.status?.phase ?? ''}`);
  const session = new SpdyClient(await upgrade(ctx, `/api/v1/namespaces/${encodeURIComponent(ctx.namespace)}/pods/${encodeURIComponent(current.metadata?.name ?? '')}/portforward`));
  const servers: Server[] = [];
  let requestId = 0;
  let stopping = false;
  const handle = async (conn: Socket, port: ForwardedPort) => {
    cli.out(`Handling connection for ${port.local}\n`);
    const id = String(requestId++);
    conn.on('error', () => conn.destroy());
    try {
      const errorStream = await session.openStream({ streamtype: 'error', port: String(port.remote), requestid: id });
      errorStream.end(); // nothing is written on the error stream
      // The server writes on the error stream only when forwarding failed; a reset stream says nothing.
      const message = readAll(errorStream as unknown as Parameters<typeof readAll>[0]).catch(() => '');
      const data = await session.openStream({ streamtype: 'data', port: String(port.remote), requestid: id });
      data.on('error', () => conn.destroy());
      conn.pipe(data);
      data.pipe(conn);
      await new Promise<void>((r) => { data.on('end', () => r()); data.on('close', () => r()); conn.on('close', () => r()); });
      data.reset();
      const text = await message;
      if (text) {
        cli.err(`error: an error occurred forwarding ${port.local} -> ${port.remote}: ${text}\n`);
        session.close();
      }
    } catch (e) {
      if (stopping) return;
      cli.err(`error: error creating forwarding stream for port ${port.local} -> ${port.remote}: ${(e as Error).message}\n`);
      conn.destroy();
    }
  };
  const addresses = list(p, 'address');
  for (const port of ports) {
    let listening = 0;
    for (const address of addresses) {
      const hosts = address === 'localhost' ? ['127.0.0.1', '::1'] : [address];
      for (const host of hosts) {
        const server = createServer((c) => void handle(c, port));
        const ok = await new Promise<boolean>((resolve) => {
          server.once('error', () => resolve(false));
          server.listen(port.local, host, () => resolve(true));
        });
        if (!ok) continue;
        // A random local port (":5000") is chosen by the first listener; the others take the same one.
        port.local = (server.address() as { port: number }).port;
        servers.push(server);
        listening++;
        cli.out(`Forwarding from ${host.includes(':') ? `[${host}]` : host}:${port.local} -> ${port.remote}\n`);
      }
    }
    if (!listening) cli.err(`Unable to listen on port ${port.local}: Listeners failed to create with the following errors: [unable to create listener: Error listen tcp4 127.0.0.1:${port.local}: bind: address already in use unable to create listener: Error listen tcp6 [::1]:${port.local}: bind: address already in use]\n`);
  }
  if (!servers.length) throw new Error(`unable to listen on any of the requested ports: [${ports.map((x) => `{${x.local} ${x.remote}}`).join(' ')}]`);
  const ended = await new Promise<'signal' | 'lost'>((resolve) => {
    process.once('SIGINT', () => resolve('signal'));
    process.once('SIGTERM', () => resolve('signal'));
    session.on('close', () => resolve('lost'));
  });
  stopping = true;
  for (const s of servers) s.close();
  session.close();
  if (ended === 'lost') throw new Error('lost connection to pod');
  return 0;
}
