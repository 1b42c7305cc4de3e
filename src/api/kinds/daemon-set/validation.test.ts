import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { create, golden, statusOf } from '../job/testing.js';
import { daemonSet } from './index.js';

test('golden ds-restartpolicy-never: same 422 body', () => {
  const g = golden('ds-restartpolicy-never');
  const { obj, errs } = create(daemonSet, g.request.body);
  assert.deepEqual(statusOf(daemonSet, obj, errs), g.response.body);
});

test('defaulting and create reproduce golden 1-no-node-labelled-ds-full.yaml', () => {
  const dir = '/work/shared/reference/golden/daemonset-nodeselector';
  const want = parse(readFileSync(`${dir}/1-no-node-labelled-ds-full.yaml`, 'utf8')) as KObject;
  const { obj, errs } = create(daemonSet, parse(readFileSync(`${dir}/ds.input.yaml`, 'utf8')) as KObject);
  assert.deepEqual(errs, []);
  const strip = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === 'creationTimestamp' ? undefined : v))) as unknown;
  assert.deepEqual(strip(obj.spec), strip(want.spec));
  assert.deepEqual(obj.metadata.annotations, { 'deprecated.daemonset.template.generation': '1' });
  // The controller has since written observedGeneration; the counts are what create leaves.
  const { observedGeneration, ...counts } = want.status as Record<string, number>;
  assert.equal(observedGeneration, 1);
  assert.deepEqual(obj.status, counts);
});

const base = (spec: Record<string, unknown> = {}, tpl: Record<string, unknown> = {}): KObject => ({
  metadata: { name: 'ds' },
  spec: { selector: { matchLabels: { app: 'd' } }, template: { metadata: { labels: { app: 'd' } }, spec: { containers: [{ name: 'c', image: 'i' }], ...tpl } }, ...spec },
});

const cases: Array<{ name: string; obj: KObject; want: string[] }> = [
  { name: 'valid daemonset passes', obj: base(), want: [] },
  { name: 'selector must match the template', obj: base({ selector: { matchLabels: { app: 'x' } } }), want: [
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"d"}: `selector` does not match template `labels`'] },
  { name: 'empty selector', obj: base({ selector: {} }), want: [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for daemonset'] },
  { name: 'activeDeadlineSeconds is forbidden', obj: base({}, { activeDeadlineSeconds: 5 }), want: [
    'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported'] },
  { name: 'surge and unavailable both set', obj: base({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 1, maxSurge: '10%' } } }), want: [
    'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"10%"}: may not be set when maxUnavailable is non-zero'] },
  { name: 'both zero', obj: base({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } } }), want: [
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0'] },
  { name: 'bad percent and over 100%', obj: base({ updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '150%', maxSurge: 'x' } } }), want: [
    `spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"x"}: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')`,
    'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:"150%"}: must not be greater than 100%'] },
  { name: 'unknown strategy type', obj: base({ updateStrategy: { type: 'Sideways' } }), want: [
    'spec.updateStrategy: Unsupported value: apps.DaemonSetUpdateStrategy{Type:"Sideways"}: supported values: "RollingUpdate", "OnDelete"'] },
  { name: 'negative history and minReadySeconds', obj: base({ revisionHistoryLimit: -1, minReadySeconds: -2 }), want: [
    'spec.minReadySeconds: Invalid value: -2: must be greater than or equal to 0',
    'spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0'] },
];

for (const c of cases) {
  test(c.name, () => {
    const { errs } = create(daemonSet, c.obj);
    assert.deepEqual(errs.map(fieldErrorString), c.want);
  });
}

test('update: selector is immutable, template changes bump the template generation', () => {
  const { obj: old } = create(daemonSet, base());
  const next = structuredClone(old);
  ((next.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]).image = 'i:2';
  daemonSet.prepareForUpdate?.(next, old);
  assert.deepEqual(daemonSet.validateUpdate?.(next, old), []);
  assert.equal(next.metadata.annotations?.['deprecated.daemonset.template.generation'], '2');
  const moved = structuredClone(old);
  (moved.spec as { selector: unknown }).selector = { matchLabels: { app: 'd', x: 'y' } };
  daemonSet.prepareForUpdate?.(moved, old);
  assert.deepEqual(daemonSet.validateUpdate?.(moved, old).map(fieldErrorString).slice(-1), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"d", "x":"y"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
});

test('status: counts non-negative, collisionCount never decreases', () => {
  const { obj: old } = create(daemonSet, base());
  old.status = { ...(old.status as object), collisionCount: 2 };
  const next = structuredClone(old);
  next.status = { numberReady: -1, collisionCount: 1 };
  assert.deepEqual(daemonSet.validateStatusUpdate?.(next, old).map(fieldErrorString), [
    'status.numberReady: Invalid value: -1: must be greater than or equal to 0',
    'status.collisionCount: Invalid value: 1: cannot be decremented']);
});
