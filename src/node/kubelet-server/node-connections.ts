// NodeConnections for the API server: the in-process kubelet's connection for nodes this process
// runs, otherwise the node's kubelet server at its InternalIP and
// status.daemonEndpoints.kubeletEndpoint.Port (as pkg/kubelet/client NodeConnectionInfoGetter).
import type { Node } from 'kubernetes-types/core/v1.js';
import { badRequest } from '../../api/errors.js';
import type { NodeConnection, NodeConnections } from '../connection.js';
import { DEFAULT_KUBELET_PORT } from './kubelet-server.js';
import { RemoteNodeConnection } from './remote-connection.js';

/** Address types in the order the API server prefers them (--kubelet-preferred-address-types default, less the unused). */
const PREFERRED_ADDRESS_TYPES = ['Hostname', 'InternalDNS', 'InternalIP', 'ExternalDNS', 'ExternalIP'];

export function kubeletAddress(node: Node): { host: string; port: number } {
  const addresses = node.status?.addresses ?? [];
  // InternalIP first: node names need not resolve on this machine, the recorded IP does.
  const byType = (t: string) => addresses.find((a) => a.type === t)?.address;
  const host = byType('InternalIP') ?? PREFERRED_ADDRESS_TYPES.map(byType).find((a) => a !== undefined);
  if (!host) throw badRequest(`no preferred addresses found; known addresses: []`);
  const port = node.status?.daemonEndpoints?.kubeletEndpoint?.Port;
  return { host, port: port && port > 0 ? port : DEFAULT_KUBELET_PORT };
}

export class NodeConnectionRegistry implements NodeConnections {
  private readonly local = new Map<string, NodeConnection>();
  private readonly remote = new Map<string, RemoteNodeConnection>();

  /** getNode reads the Node object (and throws NotFound for a missing one, as upstream's nodes.Get). */
  constructor(private readonly getNode: (name: string) => Promise<Node>, private readonly token: string) {}

  /** A kubelet running in this process serves its node directly. */
  register(nodeName: string, conn: NodeConnection): void { this.local.set(nodeName, conn); }
  unregister(nodeName: string): void { this.local.delete(nodeName); }

  async forNode(nodeName: string): Promise<NodeConnection> {
    const local = this.local.get(nodeName);
    if (local) return local;
    const { host, port } = kubeletAddress(await this.getNode(nodeName));
    const key = `${host}:${port}`;
    let conn = this.remote.get(key);
    if (!conn) { conn = new RemoteNodeConnection(host, port, this.token); this.remote.set(key, conn); }
    return conn;
  }
}
