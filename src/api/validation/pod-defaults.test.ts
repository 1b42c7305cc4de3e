import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { PodSpec } from 'kubernetes-types/core/v1.js';
import { defaultPod, defaultPodTemplateSpec, imageTag } from './pod-defaults.js';

test('image tags as ParseImageName reads them', () => {
  const cases: Array<[string, string]> = [['busybox', 'latest'], ['busybox:1.36', '1.36'], ['localhost:5000/app', 'latest'],
    ['localhost:5000/app:v1', 'v1'], ['app@sha256:abc', ''], ['app:latest', 'latest']];
  for (const [image, tag] of cases) assert.equal(imageTag(image), tag, image);
});

test('template defaults match the golden job template (jobs/a-simple/job.yaml)', () => {
  const tpl = { spec: { restartPolicy: 'Never', containers: [{ name: 'main', image: 'busybox', command: ['sh', '-c', 'echo done'] }] } };
  defaultPodTemplateSpec(tpl);
  assert.deepEqual(tpl.spec, {
    containers: [{ command: ['sh', '-c', 'echo done'], image: 'busybox', imagePullPolicy: 'Always', name: 'main', resources: {},
      terminationMessagePath: '/dev/termination-log', terminationMessagePolicy: 'File' }],
    dnsPolicy: 'ClusterFirst', restartPolicy: 'Never', schedulerName: 'default-scheduler', securityContext: {}, terminationGracePeriodSeconds: 30,
  });
});

test('ports, probes, volumes and pod-only defaults', () => {
  const spec: PodSpec = {
    hostNetwork: true,
    containers: [{
      name: 'c', image: 'nginx:1.25', ports: [{ containerPort: 80 }],
      readinessProbe: { httpGet: { port: 80 } }, resources: { limits: { cpu: '1' } },
      env: [{ name: 'N', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
    }],
    volumes: [{ name: 'v' }, { name: 's', secret: { secretName: 'x' } }],
    serviceAccount: 'legacy',
  };
  defaultPod({ spec });
  const c = spec.containers[0]!;
  assert.equal(c.imagePullPolicy, 'IfNotPresent');
  assert.deepEqual(c.ports, [{ containerPort: 80, protocol: 'TCP', hostPort: 80 }]);
  assert.deepEqual(c.readinessProbe, { httpGet: { port: 80, path: '/', scheme: 'HTTP' }, timeoutSeconds: 1, periodSeconds: 10, successThreshold: 1, failureThreshold: 3 });
  assert.deepEqual(c.resources, { limits: { cpu: '1' }, requests: { cpu: '1' } });
  assert.equal(c.env![0]!.valueFrom!.fieldRef!.apiVersion, 'v1');
  assert.deepEqual(spec.volumes, [{ name: 'v', emptyDir: {} }, { name: 's', secret: { secretName: 'x', defaultMode: 420 } }]);
  assert.equal(spec.serviceAccountName, 'legacy');
  assert.equal(spec.enableServiceLinks, true);
});
