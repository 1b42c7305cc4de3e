// Volumes are materialised once per pod (volumes.ts writes them under the pod's directory); each
// container then gets the mounts its volumeMounts name.
import type { ConfigMap, Container, Pod, Secret } from 'kubernetes-types/core/v1.js';
import type { ApiClient } from '../../client/api-client.js';
import type { Mount } from '../runtime/runtime.js';
import { materializeVolumes, mountsFor } from './volumes.js';

const materialised = new Map<string, Promise<Map<string, string>>>();

export async function podMounts(client: ApiClient, pod: Pod, c: Container, podDir: string): Promise<Mount[]> {
  if (!c.volumeMounts?.length) return [];
  const uid = pod.metadata!.uid!;
  let volumes = materialised.get(uid);
  if (!volumes) {
    volumes = materializeVolumes(pod, podDir, {
      configMap: async (ns, name) => (await client.get(client.kind('', 'ConfigMap'), ns, name)) as unknown as ConfigMap,
      secret: async (ns, name) => (await client.get(client.kind('', 'Secret'), ns, name)) as unknown as Secret,
    });
    materialised.set(uid, volumes);
    volumes.catch(() => materialised.delete(uid)); // a failed mount is retried on the next start
  }
  return mountsFor(c, await volumes);
}

export function forgetPodVolumes(uid: string): void {
  materialised.delete(uid);
}
