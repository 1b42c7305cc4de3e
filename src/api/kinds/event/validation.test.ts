import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../../errors.js';
import type { KObject } from '../../object.js';
import { event } from './index.js';

const ev = (over: Record<string, unknown>): KObject => ({
  metadata: { name: 'job.1', namespace: 'default' },
  involvedObject: { kind: 'Job', namespace: 'default', name: 'job', uid: 'u' }, reason: 'Completed', type: 'Normal',
  source: { component: 'job-controller' }, ...over,
});

const cases = [
  { name: 'an old-style event in its object namespace', obj: ev({}), want: [] },
  { name: 'involvedObject in another namespace', obj: ev({ involvedObject: { kind: 'Pod', namespace: 'other', name: 'p' } }),
    want: ['involvedObject.namespace: Invalid value: "other": does not match event.namespace'] },
  { name: 'a new-style event needs its reporting fields', obj: ev({ eventTime: '2026-01-01T00:00:00.000000Z', reason: '' }),
    // Upstream also runs the qualified-name check on the empty reportingComponent.
    want: ['reportingComponent: Required value', 'reportingComponent: Invalid value: "": name part must be non-empty',
      "reportingComponent: Invalid value: \"\": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')",
      'reportingInstance: Required value', 'action: Required value', 'reason: Required value'] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(event.validate!(c.obj).map(fieldErrorString), c.want));

test('field selectors', () => {
  const f = event.fieldSelectors!;
  const obj = ev({});
  assert.equal(f['involvedObject.name']!(obj), 'job');
  assert.equal(f['involvedObject.kind']!(obj), 'Job');
  assert.equal(f.source!(obj), 'job-controller');
  assert.equal(f.reason!(obj), 'Completed');
  assert.equal(f.type!(obj), 'Normal');
});
