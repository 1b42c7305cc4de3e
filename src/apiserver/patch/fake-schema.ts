// A tiny stand-in for the schema's patch metadata, for tests: the few fields whose strategies
// (from the `patchStrategy`/`patchMergeKey` tags of k8s.io/api) the tests exercise.
import type { PatchMetaSource } from './patch-meta.js';

type Field = { strategy?: string; mergeKey?: string; child?: string };

const objectMeta = { name: 'V1ObjectMeta' };
const schema: Record<string, Record<string, Field>> = {
  V1Pod: { metadata: { child: objectMeta.name }, spec: { child: 'V1PodSpec' } },
  V1ReplicaSet: { metadata: { child: objectMeta.name }, spec: { child: 'V1ReplicaSetSpec' } },
  V1ReplicaSetSpec: { selector: { child: 'V1LabelSelector' }, template: { child: 'V1PodTemplateSpec' } },
  V1PodTemplateSpec: { metadata: { child: objectMeta.name }, spec: { child: 'V1PodSpec' } },
  V1LabelSelector: { matchExpressions: { child: 'V1LabelSelectorRequirement' } },
  V1ObjectMeta: {
    finalizers: { strategy: 'merge' },
    ownerReferences: { strategy: 'merge', mergeKey: 'uid', child: 'V1OwnerReference' },
  },
  V1PodSpec: {
    containers: { strategy: 'merge', mergeKey: 'name', child: 'V1Container' },
    initContainers: { strategy: 'merge', mergeKey: 'name', child: 'V1Container' },
    volumes: { strategy: 'merge,retainKeys', mergeKey: 'name', child: 'V1Volume' },
    tolerations: { child: 'V1Toleration' },
    nodeSelector: {},
  },
  V1Container: {
    env: { strategy: 'merge', mergeKey: 'name', child: 'V1EnvVar' },
    ports: { strategy: 'merge', mergeKey: 'containerPort', child: 'V1ContainerPort' },
    volumeMounts: { strategy: 'merge', mergeKey: 'mountPath', child: 'V1VolumeMount' },
    resources: { child: 'V1ResourceRequirements' },
  },
  V1Volume: { configMap: { child: 'V1ConfigMapVolumeSource' }, emptyDir: { child: 'V1EmptyDirVolumeSource' } },
};

export const fakeMeta: PatchMetaSource = {
  patchMeta: (model, field) => {
    const f = schema[model]?.[field];
    return f && (f.strategy || f.mergeKey) ? { strategy: f.strategy, mergeKey: f.mergeKey } : undefined;
  },
  childModel: (model, field) => schema[model]?.[field]?.child,
};
