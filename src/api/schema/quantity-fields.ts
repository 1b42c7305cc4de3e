// Fields whose Go type is resource.Quantity or ResourceList (map[ResourceName]Quantity). The client-node
// models type them as plain strings, but Quantity's UnmarshalJSON also accepts a bare JSON number
// (k8s.io/apimachinery/pkg/api/resource/quantity.go), so decoding and OpenAPI must know them.
// Source: `ResourceList` / `resource.Quantity` fields in k8s.io/api core/v1/types.go (v1.33).
const QUANTITY_FIELDS: Record<string, string[]> = {
  V1PersistentVolumeSpec: ['capacity'],
  V1PersistentVolumeClaimStatus: ['capacity', 'allocatedResources'],
  V1EmptyDirVolumeSource: ['sizeLimit'],
  V1ResourceFieldSelector: ['divisor'],
  V1ResourceRequirements: ['limits', 'requests'],
  V1VolumeResourceRequirements: ['limits', 'requests'],
  V1ContainerStatus: ['allocatedResources'],
  V1PodSpec: ['overhead'],
  V1NodeStatus: ['capacity', 'allocatable'],
  V1LimitRangeItem: ['max', 'min', 'default', 'defaultRequest', 'maxLimitRequestRatio'],
  V1ResourceQuotaSpec: ['hard'],
  V1ResourceQuotaStatus: ['hard', 'used'],
};

export function isQuantityField(model: string, field: string): boolean {
  return QUANTITY_FIELDS[model]?.includes(field) ?? false;
}
