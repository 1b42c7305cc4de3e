// Pod volume validation, as pkg/apis/core/validation/validation.go (ValidateVolumes, validateVolumeSource
// and the per-source checks kubelite's workloads use; other sources are only counted).
import type { KeyToPath, Volume } from 'kubernetes-types/core/v1.js';
import { duplicate, forbiddenField, invalidValue, notSupported, required, type FieldError } from '../errors.js';
import { validateObjectFieldSelector } from './env.js';
import { dns1123LabelField, validateLocalDescendingPath } from './pod-rules.js';

/** kubernetes-types predates v1.33's image volumes. */
type PodVolume = Volume & { image?: { reference?: string; pullPolicy?: string } };

const FILE_MODE_MSG = 'must be a number between 0 and 0777 (octal), both inclusive';
const DOWNWARD_VOLUME_PATHS = ['metadata.annotations', 'metadata.labels', 'metadata.name', 'metadata.namespace', 'metadata.uid'];
const HOST_PATH_TYPES = ['', 'BlockDevice', 'CharDevice', 'Directory', 'DirectoryOrCreate', 'File', 'FileOrCreate', 'Socket'];

/** Volume source keys in upstream's checking order; a second one set is Forbidden. */
const SOURCES = ['emptyDir', 'hostPath', 'gitRepo', 'gcePersistentDisk', 'awsElasticBlockStore', 'secret', 'nfs', 'iscsi',
  'glusterfs', 'flocker', 'persistentVolumeClaim', 'rbd', 'cinder', 'cephfs', 'quobyte', 'downwardAPI', 'fc', 'azureFile',
  'vsphereVolume', 'photonPersistentDisk', 'portworxVolume', 'azureDisk', 'storageos', 'scaleIO', 'projected', 'configMap',
  'csi', 'ephemeral', 'image'] as const;

const mode = (m: number | undefined, path: string): FieldError[] =>
  m !== undefined && (m > 0o777 || m < 0) ? [invalidValue(path, m, FILE_MODE_MSG)] : [];

function validateItems(items: KeyToPath[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  (items ?? []).forEach((it, i) => {
    const p = `${path}[${i}]`;
    if (!it.key) errs.push(required(`${p}.key`));
    if (!it.path) errs.push(required(`${p}.path`));
    else errs.push(...validateLocalDescendingPath(it.path, `${p}.path`));
    errs.push(...mode(it.mode, `${p}.mode`));
  });
  return errs;
}

type Checks = { [K in (typeof SOURCES)[number]]?: (v: NonNullable<PodVolume[K]>, path: string) => FieldError[] };

const checks: Checks = {
  emptyDir: (s, p) => (s.medium && !['', 'Memory', 'HugePages'].includes(s.medium) && !s.medium.startsWith('HugePages-')
    ? [notSupported(`${p}.medium`, s.medium, ['', 'Memory', 'HugePages'])] : []),
  hostPath: (s, p) => {
    const errs = s.path ? [] : [required(`${p}.path`)];
    if (s.path?.split('/').includes('..')) errs.push(invalidValue(`${p}.path`, s.path, "must not contain '..'"));
    if (s.type !== undefined && !HOST_PATH_TYPES.includes(s.type)) errs.push(notSupported(`${p}.type`, s.type, HOST_PATH_TYPES));
    return errs;
  },
  secret: (s, p) => [
    ...(s.secretName ? [] : [required(`${p}.secretName`)]),
    ...mode(s.defaultMode, `${p}.defaultMode`),
    ...validateItems(s.items, `${p}.items`),
  ],
  configMap: (s, p) => [
    ...(s.name ? [] : [required(`${p}.name`)]),
    ...mode(s.defaultMode, `${p}.defaultMode`),
    ...validateItems(s.items, `${p}.items`),
  ],
  persistentVolumeClaim: (s, p) => (s.claimName ? [] : [required(`${p}.claimName`)]),
  nfs: (s, p) => [...(s.server ? [] : [required(`${p}.server`)]), ...(s.path ? [] : [required(`${p}.path`)])],
  downwardAPI: (s, p) => {
    const errs = mode(s.defaultMode, `${p}.defaultMode`);
    (s.items ?? []).forEach((it, i) => {
      const ip = `${p}.items[${i}]`;
      if (!it.path) errs.push(required(`${ip}.path`));
      else errs.push(...validateLocalDescendingPath(it.path, `${ip}.path`));
      errs.push(...mode(it.mode, `${ip}.mode`));
      if (it.fieldRef) errs.push(...validateObjectFieldSelector(it.fieldRef, DOWNWARD_VOLUME_PATHS, `${ip}.fieldRef`));
    });
    return errs;
  },
  projected: (s, p) => {
    const errs = mode(s.defaultMode, `${p}.defaultMode`);
    (s.sources ?? []).forEach((src, i) => {
      const sp = `${p}.sources[${i}]`;
      const set = Object.keys(src).filter((k) => (src as Record<string, unknown>)[k] != null);
      if (set.length > 1) errs.push(forbiddenField(`${sp}.${set[1]}`, 'may not specify more than 1 volume type per source'));
      if (src.serviceAccountToken) {
        const exp = src.serviceAccountToken.expirationSeconds ?? 0;
        if (exp < 600) errs.push(invalidValue(`${sp}.serviceAccountToken.expirationSeconds`, exp, 'may not specify a duration less than 10 minutes'));
        if (!src.serviceAccountToken.path) errs.push(required(`${sp}.serviceAccountToken.path`));
      }
      if (src.configMap) errs.push(...validateItems(src.configMap.items, `${sp}.configMap.items`));
      if (src.secret) errs.push(...validateItems(src.secret.items, `${sp}.secret.items`));
    });
    return errs;
  },
  csi: (s, p) => (s.driver ? [] : [required(`${p}.driver`)]),
  image: (s, p) => (s.reference ? [] : [required(`${p}.reference`)]),
};

function validateVolumeSource(v: PodVolume, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const key of SOURCES) {
    const src = v[key];
    if (src == null) continue;
    if (count > 0) { errs.push(forbiddenField(`${path}.${key}`, 'may not specify more than 1 volume type')); continue; }
    count++;
    const check = checks[key] as ((s: unknown, p: string) => FieldError[]) | undefined;
    if (check) errs.push(...check(src, `${path}.${key}`));
  }
  if (count === 0) errs.push(required(path, 'must specify a volume type'));
  return errs;
}

/** The names of the volumes that passed, for volumeMounts to refer to, and every error. */
export function validateVolumes(volumes: Volume[] | undefined, path: string): { names: Set<string>; errs: FieldError[] } {
  const names = new Set<string>();
  const errs: FieldError[] = [];
  (volumes ?? []).forEach((v, i) => {
    const p = `${path}[${i}]`;
    const el = validateVolumeSource(v, p);
    if (!v.name) el.push(required(`${p}.name`));
    else el.push(...dns1123LabelField(v.name, `${p}.name`));
    if (names.has(v.name)) el.push(duplicate(`${p}.name`, v.name));
    if (el.length === 0) names.add(v.name);
    else errs.push(...el);
  });
  return { names, errs };
}
