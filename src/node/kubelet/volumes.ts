// A pod's volumes made real under its pod directory, as the kubelet's volume plugins lay them out
// (<podDir>/volumes/kubernetes.io~<plugin>/<name>): emptyDir directories, ConfigMap, Secret,
// downward API and projected files written atomically (atomic-writer.ts), hostPath checked by type
// (pkg/volume/hostpath). Then the container's mounts (kubelet_pods.go makeMounts: subPath,
// subPathExpr, read-only plugins). Errors read as the kubelet's FailedMount events.
import { mkdir, stat, writeFile, chmod } from 'node:fs/promises';
import { join, isAbsolute } from 'node:path';
import type { ConfigMap, Container, DownwardAPIVolumeFile, KeyToPath, Pod, Secret, Volume, VolumeProjection } from 'kubernetes-types/core/v1.js';
import { realClock } from '../../util/clock.js';
import type { Mount } from '../runtime/runtime.js';
import { writeAtomically, type FileProjection } from './atomic-writer.js';
import { CreateContainerConfigError } from './config-error.js';
import { ObjectCache, podFieldValue, type EnvLookup } from './env.js';
import { expand } from './expansion.js';
import { resourceFieldValue, type Allocatable } from './resource-field.js';

export interface VolumeLookup extends EnvLookup {
  /** A token for a serviceAccountToken projection; without it such projections are left out. */
  serviceAccountToken?(namespace: string, serviceAccount: string, audience: string | undefined, expirationSeconds: number): Promise<string>;
}

interface MaterializedVolume {
  hostPath: string;
  readOnly: boolean;
}

/** Volume name → host path; ConfigMap, Secret, downward API and projected volumes are in readOnly (always mounted read-only). */
export class PodVolumes extends Map<string, string> {
  readonly readOnly = new Set<string>();
}

/** A volume that could not be set up: a Warning FailedMount event with this message; the pod stays ContainerCreating. */
export class VolumeError extends Error {
  readonly reason = 'FailedMount';
  constructor(readonly volume: string, detail: string) {
    super(`MountVolume.SetUp failed for volume "${volume}" : ${detail}`);
  }
}

const DEFAULT_MODE = 0o644;

function keyPayload(kind: 'configmap' | 'secret', data: Record<string, Buffer>, items: KeyToPath[] | undefined, defaultMode: number, optional: boolean): Map<string, FileProjection> {
  const out = new Map<string, FileProjection>();
  if (!items?.length) {
    for (const [k, v] of Object.entries(data)) out.set(k, { data: v, mode: defaultMode });
    return out;
  }
  for (const item of items) {
    const v = data[item.key];
    if (!v) {
      if (optional) continue;
      throw new Error(kind === 'configmap' ? `configmap references non-existent config key: ${item.key}` : `references non-existent secret key: ${item.key}`);
    }
    out.set(item.path, { data: v, mode: item.mode ?? defaultMode });
  }
  return out;
}

const configMapData = (cm: ConfigMap | undefined): Record<string, Buffer> => {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(cm?.data ?? {})) out[k] = Buffer.from(v, 'utf8');
  for (const [k, v] of Object.entries(cm?.binaryData ?? {})) out[k] = Buffer.from(v, 'base64');
  return out;
};
const secretBytes = (s: Secret | undefined): Record<string, Buffer> => {
  const out: Record<string, Buffer> = {};
  for (const [k, v] of Object.entries(s?.data ?? {})) out[k] = Buffer.from(v, 'base64');
  return out;
};

function downwardPayload(pod: Pod, items: DownwardAPIVolumeFile[], defaultMode: number, allocatable: Allocatable | undefined): Map<string, FileProjection> {
  const out = new Map<string, FileProjection>();
  for (const item of items) {
    let value = '';
    if (item.fieldRef) value = podFieldValue(pod, item.fieldRef.fieldPath, { podIPs: [], hostIPs: [] });
    else if (item.resourceFieldRef) {
      const c = pod.spec?.containers.find((x) => x.name === item.resourceFieldRef!.containerName) ?? pod.spec!.containers[0]!;
      value = resourceFieldValue(item.resourceFieldRef, pod, c, allocatable);
    }
    out.set(item.path, { data: Buffer.from(value, 'utf8'), mode: item.mode ?? defaultMode });
  }
  return out;
}

async function projectedPayload(pod: Pod, sources: VolumeProjection[], defaultMode: number, objects: ObjectCache, lookup: VolumeLookup, allocatable?: Allocatable): Promise<Map<string, FileProjection>> {
  const out = new Map<string, FileProjection>();
  const add = (m: Map<string, FileProjection>) => { for (const [k, v] of m) out.set(k, v); };
  for (const src of sources) {
    if (src.configMap) {
      const optional = src.configMap.optional ?? false;
      add(keyPayload('configmap', configMapData(await objects.configMap(src.configMap.name ?? '', optional)), src.configMap.items, defaultMode, optional));
    } else if (src.secret) {
      const optional = src.secret.optional ?? false;
      add(keyPayload('secret', secretBytes(await objects.secret(src.secret.name ?? '', optional)), src.secret.items, defaultMode, optional));
    } else if (src.downwardAPI) add(downwardPayload(pod, src.downwardAPI.items ?? [], defaultMode, allocatable));
    else if (src.serviceAccountToken && lookup.serviceAccountToken) {
      const t = src.serviceAccountToken;
      const token = await lookup.serviceAccountToken(pod.metadata?.namespace ?? '', pod.spec?.serviceAccountName ?? 'default', t.audience, t.expirationSeconds ?? 3607);
      out.set(t.path, { data: Buffer.from(token), mode: defaultMode });
    }
  }
  return out;
}

/** pkg/volume/hostpath checkType: create or check what the path must be. */
async function checkHostPath(path: string, type: string): Promise<void> {
  const st = await stat(path).catch(() => undefined);
  const fail = (what: string) => { throw new Error(`hostPath type check failed: ${path} is not a ${what}`); };
  switch (type) {
    case 'DirectoryOrCreate':
      if (!st) await mkdir(path, { recursive: true, mode: 0o755 });
      else if (!st.isDirectory()) fail('directory');
      return;
    case 'Directory': if (!st?.isDirectory()) fail('directory'); return;
    case 'FileOrCreate':
      if (!st) await writeFile(path, '', { flag: 'a', mode: 0o644 });
      else if (!st.isFile()) fail('file');
      return;
    case 'File': if (!st?.isFile()) fail('file'); return;
    case 'Socket': if (!st?.isSocket()) fail('socket file'); return;
    case 'CharDevice': if (!st?.isCharacterDevice()) fail('character device'); return;
    case 'BlockDevice': if (!st?.isBlockDevice()) fail('block device'); return;
    case '': return;
    default: throw new Error(`${type} is an invalid volume type`);
  }
}

async function setUp(pod: Pod, v: Volume, volumesDir: string, objects: ObjectCache, lookup: VolumeLookup, now: number, allocatable?: Allocatable): Promise<MaterializedVolume> {
  const dir = (plugin: string) => join(volumesDir, `kubernetes.io~${plugin}`, v.name);
  if (v.hostPath) {
    await checkHostPath(v.hostPath.path, v.hostPath.type ?? '');
    return { hostPath: v.hostPath.path, readOnly: false };
  }
  if (v.emptyDir) {
    const p = dir('empty-dir');
    await mkdir(p, { recursive: true });
    await chmod(p, 0o777); // emptyDir is world-writable, as upstream
    return { hostPath: p, readOnly: false };
  }
  let payload: Map<string, FileProjection>;
  let p: string;
  if (v.configMap) {
    const optional = v.configMap.optional ?? false;
    const cm = await objects.configMap(v.configMap.name ?? '', optional);
    payload = keyPayload('configmap', configMapData(cm), v.configMap.items, v.configMap.defaultMode ?? DEFAULT_MODE, optional);
    p = dir('configmap');
  } else if (v.secret) {
    const optional = v.secret.optional ?? false;
    const s = await objects.secret(v.secret.secretName ?? '', optional);
    payload = keyPayload('secret', secretBytes(s), v.secret.items, v.secret.defaultMode ?? DEFAULT_MODE, optional);
    p = dir('secret');
  } else if (v.downwardAPI) {
    payload = downwardPayload(pod, v.downwardAPI.items ?? [], v.downwardAPI.defaultMode ?? DEFAULT_MODE, allocatable);
    p = dir('downward-api');
  } else if (v.projected) {
    payload = await projectedPayload(pod, v.projected.sources ?? [], v.projected.defaultMode ?? DEFAULT_MODE, objects, lookup, allocatable);
    p = dir('projected');
  } else {
    throw new Error('volume type is not supported by kubelite (emptyDir, hostPath, configMap, secret, downwardAPI and projected are)');
  }
  await writeAtomically(p, payload, now);
  return { hostPath: p, readOnly: true };
}

/**
 * Sets up every volume of pod under podDir (again on each call: ConfigMap and Secret contents are
 * refreshed in place). Throws VolumeError for the first volume that fails.
 */
export async function materializeVolumes(pod: Pod, podDir: string, lookup: VolumeLookup, opts: { now?: number; nodeAllocatable?: Allocatable } = {}): Promise<PodVolumes> {
  const objects = new ObjectCache(lookup, pod.metadata?.namespace ?? '');
  const out = new PodVolumes();
  const now = opts.now ?? realClock.now(); // only names the atomic writer's directory
  for (const v of pod.spec?.volumes ?? []) {
    try {
      const m = await setUp(pod, v, join(podDir, 'volumes'), objects, lookup, now, opts.nodeAllocatable);
      out.set(v.name, m.hostPath);
      if (m.readOnly) out.readOnly.add(v.name);
    } catch (err) {
      throw new VolumeError(v.name, err instanceof Error ? err.message : String(err));
    }
  }
  return out;
}

/** The container's mounts (makeMounts); errors are CreateContainerConfigError as upstream. */
export async function mountsFor(container: Container, volumes: ReadonlyMap<string, string>, env: ReadonlyArray<readonly [string, string]> = []): Promise<Mount[]> {
  const mounts: Mount[] = [];
  for (const m of container.volumeMounts ?? []) {
    const volPath = volumes.get(m.name);
    if (volPath === undefined) throw new CreateContainerConfigError(`cannot find volume "${m.name}" to mount into container "${container.name}"`);
    let hostPath = volPath;
    let subPath = m.subPath ?? '';
    if (m.subPathExpr) {
      const envMap = new Map(env);
      const missing = new Set<string>();
      subPath = expand(m.subPathExpr, (k) => { const v = envMap.get(k); if (!v) missing.add(k); return v ?? ''; });
      if (missing.size) throw new CreateContainerConfigError(`missing value for ${[...missing].sort().join(', ')}`);
    }
    if (subPath) {
      if (isAbsolute(subPath)) throw new CreateContainerConfigError(`error SubPath \`${subPath}\` must not be an absolute path`);
      if (subPath.split('/').includes('..')) throw new CreateContainerConfigError(`unable to provision SubPath \`${subPath}\`: must not contain '..'`);
      hostPath = join(volPath, subPath);
      if (!(await stat(hostPath).catch(() => undefined))) {
        const perm = (await stat(volPath)).mode & 0o7777;
        await mkdir(hostPath, { recursive: true, mode: perm });
      }
    }
    mounts.push({ hostPath, containerPath: m.mountPath, readOnly: (m.readOnly ?? false) || (volumes instanceof PodVolumes && volumes.readOnly.has(m.name)) });
  }
  return mounts;
}
