import assert from 'node:assert/strict';
import { test } from 'node:test';
import { testGoldenRows } from '../shared/golden.js';
import { cells, columns } from './table.js';

const T0 = Date.parse('2026-11-24T10:30:00Z');

test('daemon set cells: counts, node selector and selector', () => {
  assert.deepEqual(cells({
    metadata: { name: 'ssd-monitor', creationTimestamp: '2026-11-24T10:29:00Z' },
    spec: { selector: { matchLabels: { app: 'ssd-monitor' } },
      template: { spec: { nodeSelector: { disk: 'ssd' }, containers: [{ name: 'main', image: 'luksa/ssd-monitor' }] } } },
    status: { desiredNumberScheduled: 0, currentNumberScheduled: 0, numberReady: 0, numberMisscheduled: 0 },
  }, T0), ['ssd-monitor', 0, 0, 0, 0, 0, 'disk=ssd', '60s', 'main', 'luksa/ssd-monitor', 'app=ssd-monitor']);
});

test('daemon set cells: no node selector prints <none>', () => {
  const row = cells({ metadata: { name: 'd' }, spec: { template: { spec: { containers: [] } } } }, T0);
  assert.equal(row[6], '<none>');
});

testGoldenRows('daemonsets.table.includeObject-Object.json', columns, cells);
