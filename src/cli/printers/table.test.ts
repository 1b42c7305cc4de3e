import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printTable, type Table } from './table.js';
import { tabulate } from './tabwriter.js';

const pods: Table = {
  kind: 'Table',
  columnDefinitions: [
    { name: 'Name', type: 'string', format: 'name', priority: 0 },
    { name: 'Ready', type: 'string', format: '', priority: 0 },
    { name: 'Status', type: 'string', format: '', priority: 0 },
    { name: 'IP', type: 'string', format: '', priority: 1 },
  ],
  rows: [
    { cells: ['web', '1/1', 'Running', '10.0.0.1'], object: { metadata: { name: 'web', namespace: 'default', labels: { app: 'web', tier: 'fe' } } } },
    { cells: ['batch-x', '0/1', 'Completed', null], object: { metadata: { name: 'batch-x', namespace: 'jobs' } } },
  ],
};

const cases: Array<{ name: string; opts: Parameters<typeof printTable>[1]; want: string }> = [
  { name: 'priority-0 columns, upper-cased, 3 spaces apart, last column unpadded', opts: {},
    want: 'NAME      READY   STATUS\nweb       1/1     Running\nbatch-x   0/1     Completed\n' },
  { name: 'wide adds priority-1 columns; an empty cell stays empty', opts: { wide: true },
    want: 'NAME      READY   STATUS      IP\nweb       1/1     Running     10.0.0.1\nbatch-x   0/1     Completed   \n' },
  { name: 'all namespaces puts NAMESPACE first', opts: { withNamespace: true, noHeaders: true },
    want: 'default   web       1/1   Running\njobs      batch-x   0/1   Completed\n' },
  { name: 'several kinds prefix the name column', opts: { kindPrefix: 'pod', noHeaders: true },
    want: 'pod/web       1/1   Running\npod/batch-x   0/1   Completed\n' },
  { name: '-L columns take the key after its last slash; --show-labels is last', opts: { labelColumns: ['example.com/tier', 'app'], showLabels: true },
    want: 'NAME      READY   STATUS      TIER   APP   LABELS\nweb       1/1     Running            web   app=web,tier=fe\nbatch-x   0/1     Completed                <none>\n' },
];
for (const c of cases) test(c.name, () => assert.equal(printTable(pods, c.opts), c.want));

test('a cell is cut at its first line break with "..."', () => {
  const t: Table = { kind: 'Table', columnDefinitions: [{ name: 'Message', type: 'string', format: '', priority: 0 }], rows: [{ cells: ['one\ntwo'] }] };
  assert.equal(printTable(t, {}), 'MESSAGE\none...\n');
});

test('tabwriter counts runes, not bytes', () => {
  assert.equal(tabulate([['éééé', 'x'], ['abcde', 'y']]), 'éééé    x\nabcde   y\n');
});

test('tabwriter pads a column of short cells to kubectl\'s minimum width of 6 (get rc --no-headers)', () => {
  assert.equal(tabulate([['kubia', '3', '3', '3', '4m42s']]), 'kubia   3     3     3     4m42s\n');
  assert.equal(tabulate([['vm', 'Ready']]), 'vm    Ready\n');
});
