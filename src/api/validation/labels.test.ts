import assert from 'node:assert/strict';
import { test } from 'node:test';
import { fieldErrorString } from '../errors.js';
import { isQualifiedName, validateLabels, validateLabelSelector } from './labels.js';

const NAME_PART = "name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')";

test('qualified names', () => {
  assert.deepEqual(isQualifiedName('example.com/My_Name'), []);
  assert.deepEqual(isQualifiedName('/x'), ['prefix part must be non-empty']);
  assert.deepEqual(isQualifiedName('a/b/c').length, 1);
  assert.match(isQualifiedName('a/b/c')[0]!, /^a qualified name must consist of/);
});

const cases = [
  { name: 'label value with a space', errs: validateLabels({ app: 'a b' }, 'metadata.labels'),
    want: ["metadata.labels: Invalid value: \"a b\": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"] },
  { name: 'In without values', errs: validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'In' }] }, 'spec.selector'),
    want: ["spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' or 'NotIn'"] },
  { name: 'Exists with values', errs: validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] }, 's'),
    want: ["s.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' or 'DoesNotExist'"] },
  { name: 'unknown operator', errs: validateLabelSelector({ matchExpressions: [{ key: 'a', operator: 'Near' }] }, 's'),
    want: ['s.matchExpressions[0].operator: Invalid value: "Near": not a valid selector operator'] },
  { name: 'bad matchLabels key', errs: validateLabelSelector({ matchLabels: { '-a': 'x' } }, 's'),
    want: [`s.matchLabels: Invalid value: "-a": ${NAME_PART}`] },
];
for (const c of cases) test(c.name, () => assert.deepEqual(c.errs.map(fieldErrorString), c.want));
