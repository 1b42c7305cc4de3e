// Objects every cluster starts with: the system namespaces and the `kubernetes` Service, so that
// `kubectl get ns` and `kubectl get all` look as they do on a real cluster.
import type { KObject } from '../api/object.js';
import type { LocalClient } from '../client/local-client.js';

const NAMESPACES = ['default', 'kube-system', 'kube-public', 'kube-node-lease'];

export async function bootstrap(client: LocalClient, apiPort: number): Promise<void> {
  const ns = client.kind('', 'Namespace');
  for (const name of NAMESPACES) {
    await createIfMissing(() => client.create(ns, { apiVersion: 'v1', kind: 'Namespace', metadata: { name, labels: { 'kubernetes.io/metadata.name': name } } }));
  }
  const svc: KObject = {
    apiVersion: 'v1', kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      type: 'ClusterIP', clusterIP: '10.96.0.1', clusterIPs: ['10.96.0.1'], sessionAffinity: 'None',
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: apiPort }],
    },
  };
  // Look before creating, as the bootstrap controller does (pkg/controlplane/controller/kubernetesservice):
  // a second create would fail on its already-allocated clusterIP, not with AlreadyExists.
  const svcDef = client.kind('', 'Service');
  if (!(await exists(() => client.get(svcDef, 'default', 'kubernetes')))) {
    await createIfMissing(() => client.create(svcDef, svc));
  }
}

async function exists(get: () => Promise<unknown>): Promise<boolean> {
  try { await get(); return true; } catch (e) { if ((e as { reason?: string }).reason === 'NotFound') return false; throw e; }
}

async function createIfMissing(create: () => Promise<unknown>): Promise<void> {
  try { await create(); } catch (e) { if ((e as { reason?: string }).reason !== 'AlreadyExists') throw e; }
}
