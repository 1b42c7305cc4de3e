// Registering a Node as kubelet does (kubelet_node_status.go registerWithAPIServer /
// tryRegisterWithAPIServer): create it with its full status; if it already exists (an earlier run of
// this agent, or `kubectl create` by hand), reconcile labels and podCIDR, then write the status.
import type { ApiClient } from '../../client/api-client.js';
import { isAlreadyExists } from '../../client/api-client.js';
import type { Clock } from '../../util/clock.js';
import { initialNode, nodeStatus, reconcileExisting, type NodeConfig, type NodeObject } from './node-status.js';

export async function registerNode(client: ApiClient, cfg: NodeConfig, clock: Clock): Promise<NodeObject> {
  const def = client.kind('', 'Node');
  const node = initialNode(cfg, clock.now());
  try {
    return (await client.create(def, node)) as NodeObject;
  } catch (e) {
    if (!isAlreadyExists(e)) throw e;
  }
  const existing = (await client.get(def, undefined, cfg.name)) as NodeObject;
  if (reconcileExisting(existing, cfg)) {
    await client.mutate(def, undefined, cfg.name, (cur) => reconcileExisting(cur as NodeObject, cfg) ?? cur);
  }
  return (await client.mutate(def, undefined, cfg.name, (cur) => ({ ...cur, status: nodeStatus(cfg, (cur as NodeObject).status, clock.now()) }), { subresource: 'status' })) as NodeObject;
}
