import assert from 'node:assert/strict';
import { test } from 'node:test';
import { toGoJson } from './go-json.js';
import { goYamlKeyLess, toGoYaml } from './go-yaml.js';

test('go-yaml layout: sorted keys, indentless sequences, {} and [], quoted look-alikes', () => {
  const obj = {
    metadata: { name: 'web', labels: { y: 'yes' }, resourceVersion: '42', creationTimestamp: '2026-11-24T15:48:03Z' },
    apiVersion: 'v1',
    spec: { containers: [{ name: 'c', args: ['--port', '80', 'true', ''], resources: {} }], tolerations: [] },
    status: { ready: true, count: 3, ratio: 0.5, none: null },
  };
  assert.equal(toGoYaml(obj), `apiVersion: v1
metadata:
  creationTimestamp: "2026-11-24T15:48:03Z"
  labels:
    "y": "yes"
  name: web
  resourceVersion: "42"
spec:
  containers:
  - args:
    - --port
    - "80"
    - "true"
    - ""
    name: c
    resources: {}
  tolerations: []
status:
  count: 3
  none: null
  ratio: 0.5
  ready: true
`);
});

const scalars: Array<[string, string]> = [
  ['a: b', "'a: b'"], ['#x', "'#x'"], ['{"a":1}', '\'{"a":1}\''], ['tab\there', '"tab\\there"'], [' lead', "' lead'"],
  ['line1\nline2\n', '|\n  line1\n  line2'], ['line1\nline2', '|-\n  line1\n  line2'], ['0x1F', '"0x1F"'], ['1e3', '"1e3"'], ['~', '"~"'],
  ['1:20', '"1:20"'], ['app=web', 'app=web'], ['- x', "'- x'"], ['*/5 * * * *', "'*/5 * * * *'"],
];
for (const [value, want] of scalars) test(`scalar ${JSON.stringify(value)} prints as go-yaml does`, () => assert.equal(toGoYaml({ k: value }), `k: ${want}\n`));

test('long strings fold at a space past column 80, continuation indented under the key', () => {
  const msg = 'word '.repeat(20).trim();
  assert.equal(toGoYaml({ status: { message: msg } }), `status:\n  message: ${'word '.repeat(14)}word\n    ${'word '.repeat(4)}word\n`);
});

test('go-yaml key order: digits as numbers, letters after other characters', () => {
  const keys = ['a10', 'a9', 'a_b', 'ab', 'a-b', 'B', 'a'];
  assert.deepEqual([...keys].sort((x, y) => (goYamlKeyLess(x, y) ? -1 : goYamlKeyLess(y, x) ? 1 : 0)), ['B', 'a', 'a-b', 'a_b', 'a9', 'a10', 'ab']);
});

test('Go JSON: 4-space indent, byte-order keys, HTML characters escaped', () => {
  assert.equal(toGoJson({ b: '<a&b>', a: [], c: {} }), '{\n    "a": [],\n    "b": "\\u003ca\\u0026b\\u003e",\n    "c": {}\n}\n');
});
