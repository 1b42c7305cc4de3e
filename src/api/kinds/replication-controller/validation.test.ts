import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { create, golden, statusOf } from '../job/testing.js';
import { replicationController as rc } from './index.js';

test('golden rc-selector-mismatch: same 422 body', () => {
  const g = golden('rc-selector-mismatch');
  const { obj, errs } = create(rc, g.request.body);
  assert.deepEqual(statusOf(rc, obj, errs), g.response.body);
});

const body = (spec: Record<string, unknown>, meta: Record<string, unknown> = {}): KObject => ({
  apiVersion: 'v1', kind: 'ReplicationController', metadata: { name: 'kubia', ...meta },
  spec: { template: { metadata: { labels: { app: 'kubia' } }, spec: { containers: [{ name: 'main', image: 'luksa/kubia' }] } }, ...spec },
});

test('defaults: selector, labels and replicas from the template', () => {
  const { obj, errs } = create(rc, body({}));
  assert.deepEqual(errs, []);
  const spec = obj.spec as { selector: unknown; replicas: number };
  assert.deepEqual(spec.selector, { app: 'kubia' });
  assert.deepEqual(obj.metadata.labels, { app: 'kubia' });
  assert.equal(spec.replicas, 1);
  assert.deepEqual(obj.status, { replicas: 0 });
  assert.equal(rc.fieldSelectors!['status.replicas']!(obj), '0');
});

test('defaults keep an explicit selector and labels', () => {
  const { obj } = create(rc, body({ selector: { app: 'kubia' }, replicas: 3 }, { labels: { tier: 'web' } }));
  assert.deepEqual(obj.metadata.labels, { tier: 'web' });
  assert.equal((obj.spec as { replicas: number }).replicas, 3);
});

const cases = [
  { name: 'restartPolicy must be Always', spec: { template: { metadata: { labels: { a: 'b' } }, spec: { restartPolicy: 'Never', containers: [{ name: 'm', image: 'x' }] } } },
    want: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'] },
  { name: 'negative replicas', spec: { replicas: -1 }, want: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'] },
  { name: 'activeDeadlineSeconds is not supported', spec: { template: { metadata: { labels: { a: 'b' } }, spec: { activeDeadlineSeconds: 5, containers: [{ name: 'm', image: 'x' }] } } },
    want: ['spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicationController is not Supported'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(create(rc, body(c.spec)).errs.map(fieldErrorString), c.want));
