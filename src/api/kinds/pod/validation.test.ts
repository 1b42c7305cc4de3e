import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { create, golden, statusOf } from '../job/testing.js';
import { podQOSClass } from './defaults.js';
import { pod } from './index.js';

test('golden pod-bad-name: same 422 body', () => {
  const g = golden('pod-bad-name');
  const { obj, errs } = create(pod, g.request.body);
  assert.deepEqual(statusOf(pod, obj, errs), g.response.body);
});

const body = (spec: Record<string, unknown> = {}, status?: unknown): KObject => ({
  apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'main', image: 'busybox' }], ...spec }, ...(status ? { status } : {}),
});

test('create: status is Pending with the QoS class; admission defaults as in golden pods', () => {
  const { obj, errs } = create(pod, body({}, { phase: 'Running' }));
  assert.deepEqual(errs, []);
  assert.deepEqual(obj.status, { phase: 'Pending', qosClass: 'BestEffort' });
  const spec = obj.spec as Record<string, unknown>;
  assert.equal(spec.serviceAccountName, 'default');
  assert.equal(spec.serviceAccount, 'default');
  assert.equal(spec.priority, 0);
  assert.equal(spec.preemptionPolicy, 'PreemptLowerPriority');
  assert.equal(spec.enableServiceLinks, true);
  // DefaultTolerationSeconds runs in the registry (apiserver/admission/default-toleration-seconds.ts).
  assert.equal(spec.tolerations, undefined);
});

const qos = [
  { name: 'no resources', res: [{}], want: 'BestEffort' },
  { name: 'limits only (requests default to them)', res: [{ limits: { cpu: '1', memory: '1Gi' } }], want: 'Guaranteed' },
  { name: 'requests below limits', res: [{ requests: { cpu: '500m', memory: '1Gi' }, limits: { cpu: '1', memory: '1Gi' } }], want: 'Burstable' },
  { name: 'cpu limit only', res: [{ limits: { cpu: '1' } }], want: 'Burstable' },
  { name: 'one guaranteed, one best-effort container', res: [{ limits: { cpu: '1', memory: '1Gi' } }, {}], want: 'Burstable' },
] as const;
for (const c of qos) {
  test(`qos: ${c.name}`, () => {
    const containers = c.res.map((resources, i) => ({ name: `c${i}`, image: 'x', resources }));
    const { obj } = create(pod, body({ containers }));
    assert.equal(podQOSClass(obj.spec as never), c.want);
    assert.equal((obj.status as { qosClass: string }).qosClass, c.want);
  });
}

function updated(mutate: (spec: Record<string, unknown>) => void): string[] {
  const { obj: old } = create(pod, body({ activeDeadlineSeconds: 100 }));
  const next = structuredClone(old);
  mutate(next.spec as Record<string, unknown>);
  pod.defaults!(next);
  return pod.validateUpdate!(next, old).map(fieldErrorString);
}

test('update: image and activeDeadlineSeconds may change', () => {
  assert.deepEqual(updated((s) => {
    (s.containers as Array<{ image: string }>)[0]!.image = 'busybox:1.36';
    s.activeDeadlineSeconds = 50;
  }), []);
});

test('update: other spec fields are forbidden', () => {
  const errs = updated((s) => { s.nodeName = 'n1'; });
  assert.equal(errs.length, 1);
  assert.match(errs[0]!, /^spec: Forbidden: pod updates may not change fields other than `spec.containers\[\*\].image`,`spec.initContainers\[\*\].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` \(only additions to existing tolerations\),`spec.terminationGracePeriodSeconds` \(allow it to be set to 1 if it was previously negative\)\n/);
});

test('update: activeDeadlineSeconds may only decrease', () => {
  assert.deepEqual(updated((s) => { s.activeDeadlineSeconds = 200; }), ['spec.activeDeadlineSeconds: Invalid value: 200: must be less than or equal to previous value']);
});

test('update: containers cannot be added', () => {
  assert.deepEqual(updated((s) => { (s.containers as unknown[]).push({ name: 'b', image: 'x' }); }), ['spec.containers: Forbidden: pod updates may not add or remove containers']);
});

test('field selectors', () => {
  const { obj } = create(pod, body());
  const f = pod.fieldSelectors!;
  assert.equal(f['spec.nodeName']!(obj), '');
  assert.equal(f['status.phase']!(obj), 'Pending');
  assert.equal(f['spec.restartPolicy']!(obj), 'Always');
  assert.equal(f['spec.schedulerName']!(obj), 'default-scheduler');
  assert.equal(f['spec.serviceAccountName']!(obj), 'default');
});
