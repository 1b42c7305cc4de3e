import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ageColumn, nameColumn } from '../shared/columns.js';
import { cells, columns } from './table.js';

test('role table is the default NAME / CREATED AT table', () => {
  assert.deepEqual(columns, [nameColumn, { name: 'Created At', type: 'date', format: '', priority: 0, description: ageColumn.description }]);
});

const cases = [
  { name: 'RFC 3339 in UTC, whole seconds', ts: '2026-11-24T11:23:26+01:00', want: '2026-11-24T10:23:26Z' },
  { name: 'fraction dropped', ts: '2026-11-24T10:23:26.528Z', want: '2026-11-24T10:23:26Z' },
  { name: 'unset is the zero time', ts: undefined, want: '0001-01-01T00:00:00Z' },
];
for (const c of cases) {
  test(`role cells: ${c.name}`, () => {
    assert.deepEqual(cells({ metadata: { name: 'pod-reader', creationTimestamp: c.ts } }, 0), ['pod-reader', c.want]);
  });
}
