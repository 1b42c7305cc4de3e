import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fromStorage, toStorage } from './conversion.js';

const core = {
  apiVersion: 'v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' },
  involvedObject: { kind: 'Pod', name: 'p' }, reason: 'Scheduled', message: 'assigned', type: 'Normal',
  reportingComponent: 'default-scheduler', reportingInstance: 'vm', source: { component: 'default-scheduler' },
  firstTimestamp: '2026-01-01T00:00:00Z', lastTimestamp: '2026-01-01T00:00:01Z', count: 2, eventTime: null,
};

test('a core Event reads as events.k8s.io/v1 with its renamed fields', () => {
  assert.deepEqual(fromStorage(core), {
    apiVersion: 'events.k8s.io/v1', kind: 'Event', metadata: { name: 'e', namespace: 'default' },
    regarding: { kind: 'Pod', name: 'p' }, reason: 'Scheduled', note: 'assigned', type: 'Normal',
    reportingController: 'default-scheduler', reportingInstance: 'vm', deprecatedSource: { component: 'default-scheduler' },
    deprecatedFirstTimestamp: '2026-01-01T00:00:00Z', deprecatedLastTimestamp: '2026-01-01T00:00:01Z', deprecatedCount: 2, eventTime: null,
  });
});

test('the conversion round-trips', () => {
  assert.deepEqual(toStorage(fromStorage(core)), core);
});
