// Kubernetes' OpenAPI definition names (`io.k8s.api.core.v1.Pod`) for client-node model names (`V1Pod`).
// The models do not say which Go package they come from, so the non-core ones we serve are listed here
// (from the packages their structs live in: k8s.io/api apps|batch|rbac|coordination|events v1,
// k8s.io/apimachinery meta/v1, autoscaling/v1 for Scale). A `XList` model lives where `X` does.
import { goStructName } from '../../api/schema/type-map.js';
import type { ScalarKind } from '../../api/schema/type-map.js';

const META = 'io.k8s.apimachinery.pkg.apis.meta.v1';
const PACKAGES: Record<string, string[]> = {
  [META]: [
    'V1ObjectMeta', 'V1ManagedFieldsEntry', 'V1OwnerReference', 'V1LabelSelector', 'V1LabelSelectorRequirement',
    'V1Condition', 'V1Status', 'V1StatusDetails', 'V1StatusCause', 'V1ListMeta', 'V1DeleteOptions', 'V1Preconditions',
    'V1WatchEvent', 'V1APIResource', 'V1APIResourceList', 'V1APIGroup', 'V1APIGroupList', 'V1APIVersions',
  ],
  'io.k8s.api.apps.v1': [
    'V1ReplicaSet', 'V1ReplicaSetSpec', 'V1ReplicaSetStatus', 'V1ReplicaSetCondition', 'V1DaemonSet', 'V1DaemonSetSpec',
    'V1DaemonSetUpdateStrategy', 'V1RollingUpdateDaemonSet', 'V1DaemonSetStatus', 'V1DaemonSetCondition',
  ],
  'io.k8s.api.batch.v1': [
    'V1Job', 'V1JobSpec', 'V1PodFailurePolicy', 'V1PodFailurePolicyRule', 'V1PodFailurePolicyOnExitCodesRequirement',
    'V1PodFailurePolicyOnPodConditionsPattern', 'V1SuccessPolicy', 'V1SuccessPolicyRule', 'V1JobStatus', 'V1JobCondition',
    'V1UncountedTerminatedPods', 'V1CronJob', 'V1CronJobSpec', 'V1JobTemplateSpec', 'V1CronJobStatus',
  ],
  'io.k8s.api.rbac.v1': [
    'V1Role', 'V1PolicyRule', 'V1RoleBinding', 'V1RoleRef', 'RbacV1Subject', 'V1ClusterRole', 'V1AggregationRule',
    'V1ClusterRoleBinding',
  ],
  'io.k8s.api.coordination.v1': ['V1Lease', 'V1LeaseSpec'],
  'io.k8s.api.events.v1': ['EventsV1Event', 'EventsV1EventSeries'],
  'io.k8s.api.autoscaling.v1': ['V1Scale', 'V1ScaleSpec', 'V1ScaleStatus'],
};

const PACKAGE_OF = new Map<string, string>();
for (const [pkg, models] of Object.entries(PACKAGES)) for (const m of models) PACKAGE_OF.set(m, pkg);

/** The definition name of a model: V1Pod → io.k8s.api.core.v1.Pod, V1ObjectMeta → io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta. */
export function definitionName(model: string): string {
  const item = model.endsWith('List') ? model.slice(0, -4) : model;
  const pkg = PACKAGE_OF.get(model) ?? PACKAGE_OF.get(item) ?? 'io.k8s.api.core.v1';
  return `${pkg}.${goStructName(model)}`;
}

/** Scalars Kubernetes publishes as named definitions, with their v2 and v3 schemas. */
export const SCALAR_DEFINITIONS: Partial<Record<ScalarKind, { name: string; v2: object; v3: object }>> = {
  time: {
    name: `${META}.Time`,
    v2: { type: 'string', format: 'date-time' },
    v3: { type: 'string', format: 'date-time' },
  },
  microTime: {
    name: `${META}.MicroTime`,
    v2: { type: 'string', format: 'date-time' },
    v3: { type: 'string', format: 'date-time' },
  },
  intOrString: {
    // intstr.IntOrString's OpenAPISchemaType/OpenAPIV3OneOfTypes (apimachinery/pkg/util/intstr/intstr.go)
    name: 'io.k8s.apimachinery.pkg.util.intstr.IntOrString',
    v2: { type: 'string', format: 'int-or-string', 'x-kubernetes-int-or-string': true },
    v3: { format: 'int-or-string', oneOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true },
  },
  quantity: {
    // resource.Quantity's OpenAPIV3OneOfTypes (apimachinery/pkg/api/resource/quantity.go)
    name: 'io.k8s.apimachinery.pkg.api.resource.Quantity',
    v2: { type: 'string' },
    v3: { oneOf: [{ type: 'string' }, { type: 'number' }] },
  },
};
