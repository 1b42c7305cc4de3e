import assert from 'node:assert/strict';
import { test } from 'node:test';
import { printCustomColumns, parseCustomColumns } from './custom-columns.js';
import { executeTemplate, executeTemplateAsJson, relaxedPath } from './jsonpath.js';
import { sortOrder } from './sort.js';

const list = {
  kind: 'List',
  items: [
    { metadata: { name: 'b', labels: { 'app.kubernetes.io/name': 'x' } }, spec: { containers: [{ name: 'c1', image: 'nginx' }, { name: 'c2', image: 'busybox' }] }, status: { phase: 'Running', n: 10 } },
    { metadata: { name: 'a' }, spec: { containers: [{ name: 'c', image: 'redis' }] }, status: { phase: 'Pending', n: 9 } },
  ],
};

const cases: Array<[string, string]> = [
  ['{.items[*].metadata.name}', 'b a'],
  ['{.items[0].spec.containers[*].image}', 'nginx busybox'],
  ['{.items[-1].metadata.name}', 'a'],
  ['{range .items[*]}{.metadata.name}{"\\t"}{.status.phase}{"\\n"}{end}', 'b\tRunning\na\tPending\n'],
  ['{.items[?(@.status.phase=="Pending")].metadata.name}', 'a'],
  ['{.items[?(@.status.n>9)].metadata.name}', 'b'],
  ["{.items[0].metadata.labels['app.kubernetes.io/name']}", 'x'],
  ['{..image}', 'nginx busybox redis'],
  ['{.items[0].status}', '{"n":10,"phase":"Running"}'],
  ['{.items[0:1].metadata.name}', 'b'],
  ['name: {.items[1].metadata.name}', 'name: a'],
  ['{.items[0].missing}', ''],
];
for (const [tpl, want] of cases) test(`jsonpath ${tpl}`, () => assert.equal(executeTemplate(tpl, list), want));

test('relaxed paths accept a.b, .a.b and {.a.b}', () => {
  assert.deepEqual(['metadata.name', '.metadata.name', '{.metadata.name}'].map(relaxedPath), ['{.metadata.name}', '{.metadata.name}', '{.metadata.name}']);
});

test('custom columns: headers as typed, several results joined by commas, <none> when missing', () => {
  const cols = parseCustomColumns('NAME:.metadata.name,IMAGES:.spec.containers[*].image,X:.spec.nothing');
  assert.equal(printCustomColumns(cols, list.items, false), 'NAME   IMAGES          X\nb      nginx,busybox   <none>\na      redis           <none>\n');
});

test('sort-by: strings byte-wise as kubectl 1.33 (p1, p10, p2), numbers numerically, missing first', () => {
  const objs = [{ n: 'p2', v: 10 }, { n: 'p10', v: 9 }, { n: 'p1' }];
  assert.deepEqual(sortOrder(objs, '.n'), [2, 1, 0]);
  assert.deepEqual(sortOrder(objs, '{.v}'), [2, 1, 0]);
});

test('jsonpath-as-json: each text or path node of the template prints its results as an indented JSON array', () => {
  const data = { metadata: { name: 'web', labels: { b: '2', a: '1' } }, items: [{ n: 'x' }, { n: 'y' }] };
  assert.equal(executeTemplateAsJson('{.metadata.name}', data), '[\n    "web"\n]\n');
  assert.equal(executeTemplateAsJson('{.metadata.labels}', data), '[\n    {\n        "a": "1",\n        "b": "2"\n    }\n]\n');
  assert.equal(executeTemplateAsJson('{.items[*].n}:', data), '[\n    "x",\n    "y"\n]\n[\n    ":"\n]\n');
  assert.equal(executeTemplateAsJson('{.nothing}', data), '[]\n');
});
