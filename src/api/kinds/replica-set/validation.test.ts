import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { create } from '../job/testing.js';
import { replicaSet } from './index.js';

test('defaulting reproduces golden rs-matchexpressions/rs.yaml; no labels copied from the template', () => {
  const dir = '/work/shared/reference/golden/replication/rs-matchexpressions';
  const want = parse(readFileSync(`${dir}/rs.yaml`, 'utf8')) as KObject;
  const { obj, errs } = create(replicaSet, parse(readFileSync(`${dir}/rs.input.yaml`, 'utf8')) as KObject);
  assert.deepEqual(errs, []);
  const strip = (o: unknown) => JSON.parse(JSON.stringify(o, (k, v) => (k === 'creationTimestamp' ? undefined : v))) as unknown;
  assert.deepEqual(strip(obj.spec), strip(want.spec));
  assert.equal(obj.metadata.labels, undefined);
  assert.deepEqual(obj.status, { replicas: 0 });
});

const base = (spec: Record<string, unknown> = {}, tpl: Record<string, unknown> = {}): KObject => ({
  metadata: { name: 'rs' },
  spec: { selector: { matchLabels: { app: 'a' } }, template: { metadata: { labels: { app: 'a' } }, spec: { containers: [{ name: 'c', image: 'i' }], ...tpl } }, ...spec },
});

const cases: Array<{ name: string; obj: KObject; want: string[] }> = [
  { name: 'valid replicaset passes', obj: base(), want: [] },
  { name: 'replicas default to 1 and zero is fine', obj: base({ replicas: 0 }), want: [] },
  { name: 'negative replicas and minReadySeconds', obj: base({ replicas: -1, minReadySeconds: -1 }), want: [
    'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    'spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'] },
  { name: 'selector required', obj: base({ selector: undefined }), want: [
    'spec.selector: Required value',
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"a"}: `selector` does not match template `labels`'] },
  { name: 'empty selector, in upstream\'s words', obj: base({ selector: {} }), want: [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment'] },
  { name: 'selector must match the template', obj: base({ selector: { matchExpressions: [{ key: 'app', operator: 'In', values: ['b'] }] } }), want: [
    'spec.template.metadata.labels: Invalid value: map[string]string{"app":"a"}: `selector` does not match template `labels`'] },
  { name: 'an unconvertible selector is reported and the template is not checked against it', obj: base({ selector: { matchLabels: { '-a': 'x' } } }, { restartPolicy: 'OnFailure' }), want: [
    `spec.selector.matchLabels: Invalid value: "-a": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"-a":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector'] },
  { name: 'restartPolicy must be Always', obj: base({}, { restartPolicy: 'OnFailure' }), want: [
    'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"'] },
];

for (const c of cases) {
  test(c.name, () => {
    const { errs } = create(replicaSet, c.obj);
    assert.deepEqual(errs.map(fieldErrorString), c.want);
  });
}

test('update: replicas may change, the selector may not', () => {
  const { obj: old } = create(replicaSet, base());
  const scaled = structuredClone(old);
  (scaled.spec as { replicas: number }).replicas = 5;
  replicaSet.prepareForUpdate?.(scaled, old);
  assert.deepEqual(replicaSet.validateUpdate?.(scaled, old), []);
  const moved = structuredClone(old);
  (moved.spec as { selector: unknown }).selector = { matchLabels: { app: 'a', tier: 'x' } };
  (moved.spec as { template: { metadata: { labels: Record<string, string> } } }).template.metadata.labels.tier = 'x';
  assert.deepEqual(replicaSet.validateUpdate?.(moved, old).map(fieldErrorString), [
    'spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{"app":"a", "tier":"x"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable']);
});

test('status: counts bounded by replicas and readiness', () => {
  const { obj: old } = create(replicaSet, base());
  const next = structuredClone(old);
  next.status = { replicas: 1, readyReplicas: 2, availableReplicas: 3, fullyLabeledReplicas: -1 };
  assert.deepEqual(replicaSet.validateStatusUpdate?.(next, old).map(fieldErrorString), [
    'status.fullyLabeledReplicas: Invalid value: -1: must be greater than or equal to 0',
    'status.readyReplicas: Invalid value: 2: cannot be greater than status.replicas',
    'status.availableReplicas: Invalid value: 3: cannot be greater than status.replicas',
    'status.availableReplicas: Invalid value: 3: cannot be greater than readyReplicas']);
});

test('field selector status.replicas', () => {
  const { obj } = create(replicaSet, base());
  assert.equal(replicaSet.fieldSelectors?.['status.replicas']?.(obj), '0');
});
