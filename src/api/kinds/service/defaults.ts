// Service defaults (pkg/apis/core/v1/defaults.go SetDefaults_Service) and strategy
// (pkg/registry/core/service/strategy.go; storage.go patchAllocatedValues). Allocation lives elsewhere.
import type { Service, ServiceSpec } from 'kubernetes-types/core/v1.js';
import type { KObject } from '../../object.js';

export type ServiceObject = KObject & Service & { spec?: ServiceSpec };

/** As v1.DefaultClientIPServiceAffinitySeconds: three hours. */
const DEFAULT_CLIENT_IP_AFFINITY_SECONDS = 10800;

export function defaultService(obj: KObject): void {
  const spec = ((obj as ServiceObject).spec ??= {});
  spec.sessionAffinity ||= 'None';
  if (spec.sessionAffinity === 'None') delete spec.sessionAffinityConfig;
  if (spec.sessionAffinity === 'ClientIP' && spec.sessionAffinityConfig?.clientIP?.timeoutSeconds === undefined) {
    spec.sessionAffinityConfig = { clientIP: { timeoutSeconds: DEFAULT_CLIENT_IP_AFFINITY_SECONDS } };
  }
  spec.type ||= 'ClusterIP';
  for (const p of spec.ports ?? []) {
    p.protocol ||= 'TCP';
    if (p.targetPort === undefined || p.targetPort === 0 || p.targetPort === '') p.targetPort = p.port;
  }
  const external = spec.type === 'LoadBalancer' || spec.type === 'NodePort' || (spec.type === 'ClusterIP' && !!spec.externalIPs?.length);
  if (external) spec.externalTrafficPolicy ||= 'Cluster';
  if (['ClusterIP', 'NodePort', 'LoadBalancer'].includes(spec.type)) spec.internalTrafficPolicy ??= 'Cluster';
  if (spec.type === 'LoadBalancer') spec.allocateLoadBalancerNodePorts ??= true;
  // Single-stack IPv4, as the allocator decides on a single-stack cluster (ExternalName services have no IPs).
  if (spec.type !== 'ExternalName') {
    spec.ipFamilyPolicy ??= 'SingleStack';
    spec.ipFamilies ??= ['IPv4'];
  }
}

/** A new service has an empty status; Go always serializes its loadBalancer struct. */
export function prepareServiceForCreate(obj: KObject): void {
  obj.status = { loadBalancer: {} };
}

/** Allocated values the client left out are kept from the stored service (patchAllocatedValues). */
export function prepareServiceForUpdate(obj: KObject, oldObj: KObject): void {
  const spec = (obj as ServiceObject).spec;
  const old = (oldObj as ServiceObject).spec;
  if (!spec || !old) return;
  const keepsIPs = spec.type !== 'ExternalName' && old.type !== 'ExternalName';
  if (keepsIPs && !spec.clusterIP && old.clusterIP) {
    spec.clusterIP = old.clusterIP;
    spec.clusterIPs ??= old.clusterIPs;
  }
  if (keepsIPs && !spec.clusterIPs?.length && old.clusterIPs) spec.clusterIPs = old.clusterIPs;
  if (spec.type === 'NodePort' || spec.type === 'LoadBalancer') {
    for (const p of spec.ports ?? []) {
      if (p.nodePort) continue;
      const prev = (old.ports ?? []).find((o) => o.port === p.port && (o.protocol ?? 'TCP') === (p.protocol ?? 'TCP'));
      if (prev?.nodePort) p.nodePort = prev.nodePort;
    }
  }
  if (oldObj.status === undefined) delete obj.status; else obj.status = structuredClone(oldObj.status);
}
