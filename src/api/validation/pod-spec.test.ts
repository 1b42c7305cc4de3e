import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Container, PodSpec } from 'kubernetes-types/core/v1.js';
import { fieldErrorString } from '../errors.js';
import { defaultPodSpec } from './pod-defaults.js';
import { validatePodSpec, validatePodTemplateSpec } from './pod-spec.js';

const ctr = (over: Partial<Container> = {}): Container => ({ name: 'main', image: 'busybox', ...over });
/** A defaulted spec, as validation always sees one. */
function spec(over: Partial<PodSpec> = {}): PodSpec {
  const s: PodSpec = { containers: [ctr()], ...over };
  defaultPodSpec(s);
  return s;
}

const cases: Array<{ name: string; spec: PodSpec; want: string[] }> = [
  { name: 'minimal defaulted spec is valid', spec: spec(), want: [] },
  { name: 'no containers', spec: spec({ containers: [] }), want: ['spec.containers: Required value'] },
  { name: 'container name and image', spec: spec({ containers: [ctr({ name: 'Main', image: '' })] }), want: [
    "spec.containers[0].name: Invalid value: \"Main\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
    'spec.containers[0].image: Required value'] },
  { name: 'duplicate container names', spec: spec({ containers: [ctr(), ctr()] }), want: ['spec.containers[1].name: Duplicate value: "main"'] },
  { name: 'unknown restartPolicy', spec: spec({ restartPolicy: 'Sometimes' }),
    want: ['spec.restartPolicy: Unsupported value: "Sometimes": supported values: "Always", "OnFailure", "Never"'] },
  { name: 'unknown dnsPolicy', spec: spec({ dnsPolicy: 'Other' }),
    want: ['spec.dnsPolicy: Unsupported value: "Other": supported values: "ClusterFirst", "ClusterFirstWithHostNet", "Default", "None"'] },
  { name: 'mount of a missing volume', spec: spec({ containers: [ctr({ volumeMounts: [{ name: 'data', mountPath: '/d' }] })] }),
    want: ['spec.containers[0].volumeMounts[0].name: Not found: "data"'] },
  { name: 'volume with two sources', spec: spec({ volumes: [{ name: 'v', emptyDir: {}, hostPath: { path: '/x' } }] }),
    want: ['spec.volumes[0].hostPath: Forbidden: may not specify more than 1 volume type'] },
  { name: 'port out of range and bad protocol', spec: spec({ containers: [ctr({ ports: [{ containerPort: 70000, protocol: 'ICMP' }] })] }), want: [
    'spec.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive',
    'spec.containers[0].ports[0].protocol: Unsupported value: "ICMP": supported values: "SCTP", "TCP", "UDP"'] },
  { name: 'liveness probe without handler and successThreshold 2', spec: spec({ containers: [ctr({ livenessProbe: { successThreshold: 2 } })] }), want: [
    'spec.containers[0].livenessProbe: Required value: must specify a handler type',
    'spec.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1'] },
  { name: 'requests above limits', spec: spec({ containers: [ctr({ resources: { requests: { cpu: '2' }, limits: { cpu: '1' } } })] }),
    want: ['spec.containers[0].resources.requests: Invalid value: "2": must be less than or equal to cpu limit of 1'] },
  { name: 'env var from nothing', spec: spec({ containers: [ctr({ env: [{ name: 'A', valueFrom: {} }] })] }),
    want: ['spec.containers[0].env[0].valueFrom: Invalid value: "": must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`'] },
  { name: 'activeDeadlineSeconds zero', spec: spec({ activeDeadlineSeconds: 0 }),
    want: ['spec.activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive'] },
  { name: 'init container with a readiness probe', spec: spec({ initContainers: [ctr({ name: 'init', readinessProbe: { exec: { command: ['x'] } } })] }),
    want: ['spec.initContainers[0].readinessProbe: Forbidden: may not be set for init containers'] },
  { name: 'toleration without key must be Exists', spec: spec({ tolerations: [{ operator: 'Equal', value: 'x' }] }),
    want: ['spec.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when `key` is empty, which means "match all values and all keys"'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(validatePodSpec(c.spec, 'spec').map(fieldErrorString), c.want));

test('template labels are reported at <path>.labels, as upstream', () => {
  const errs = validatePodTemplateSpec({ metadata: { labels: { 'a/b/c': 'x' } }, spec: spec() }, 'spec.template');
  assert.deepEqual(errs.map((e) => e.field), ['spec.template.labels']);
});
